"""`python -m gridkeeper` runs the command line (and, with no subcommand, the GUI)."""

import sys

from gridkeeper.cli import main

if __name__ == "__main__":
    sys.exit(main())
