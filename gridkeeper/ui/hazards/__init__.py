"""The safety-hazard register in the GUI: places, inspections and hazards through their loop."""
