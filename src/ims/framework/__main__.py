"""``python -m ims.framework assess ...``: see :mod:`ims.framework.cli`."""

import sys

from .cli import main

sys.exit(main())
