import sys

from qualcode.cli import main

sys.exit(main())
