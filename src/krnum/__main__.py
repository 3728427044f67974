"""``python -m krnum``: the same command line as ``krnum``."""

import sys

from .cli import main

sys.exit(main())
