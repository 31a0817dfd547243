"""`python -m kennisbank ...` is the same as the command `kennisbank ...`."""

import sys

from kennisbank.cli import main

sys.exit(main())
