import gc
import sys

from smpseo.cli import main

status = main()
# The process ends here: the objects it made are left to the operating system, not walked once more by the
# interpreter's collections at exit (a thirtieth of a one-post check).
gc.freeze()
sys.exit(status)
