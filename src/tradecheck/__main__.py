import sys

from tradecheck.cli import main

sys.exit(main())
