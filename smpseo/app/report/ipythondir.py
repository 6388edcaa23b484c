"""A folder for IPython when the home folder cannot hold one (a service account's home, `/nonexistent`, a read-only
home under systemd): IPython, which finds the kernel here and runs it, then warns on stderr on every run and leaves a
temporary folder behind each time, so a scheduled report that went well would mail its owner a warning each month."""

from __future__ import annotations

import contextlib
import os
import shutil
import warnings


@contextlib.contextmanager
def writable_ipython_dir(scratch: str):
    """While the block runs (and for the kernels it starts), IPython's folder is `scratch/ipython` when its usual
    one cannot be used; IPYTHONDIR set by the user, or a usable usual folder, is left as it is."""
    if "IPYTHONDIR" in os.environ or _usable():
        yield
        return
    os.environ["IPYTHONDIR"] = os.path.join(scratch, "ipython")
    try:
        yield
    finally:
        os.environ.pop("IPYTHONDIR", None)


def _usable() -> bool:
    """True when IPython gets its folder without a warning (asked once here, the temporary folder it makes
    otherwise removed again)."""
    from IPython.paths import get_ipython_dir

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        folder = get_ipython_dir()
    if caught:
        shutil.rmtree(folder, ignore_errors=True)
    return not caught
