"""The rented-housing register in the GUI: its section, dialogs and Today box."""
