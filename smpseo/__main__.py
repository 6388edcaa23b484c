import sys

from smpseo.cli import run

sys.exit(run())
