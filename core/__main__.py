"""`python -m core`: the command line (`core.cli`)."""
from core.cli import main

raise SystemExit(main())
