import sys

from smpseo.cli import main

sys.exit(main())
