"""`python -m core calibrate ARGS`: the old name of `python -m core calibrate ARGS`, kept for a while."""
import sys

from core.cli import main

if __name__ == "__main__":
    sys.exit(main(["calibrate", *sys.argv[1:]]))
