import sys

from akios._cli import main

sys.exit(main())
