"""The households section: a windowed table model, filters, the household editor and the recycle bin."""
