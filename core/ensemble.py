"""`python -m core ensemble ARGS`: the old name of `python -m core ensemble ARGS`, kept for a while."""
import sys

from core.cli import main

if __name__ == "__main__":
    sys.exit(main(["ensemble", *sys.argv[1:]]))
