"""The monthly report as a PDF: the same HTML page, printed by a headless Chromium (or Google Chrome) installed on
the machine. Offline: the page holds its pictures, and the browser runs with a fresh profile, no background
networking and a host resolver that resolves nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_ENV = "SMPSEO_CHROMIUM"  # the browser's program, when it is not on PATH under a usual name
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_APPS = ("/Applications/Chromium.app/Contents/MacOS/Chromium",
                 "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer", "--print-to-pdf-no-header"]
TIMEOUT = 120  # seconds
NEEDED = (f"a PDF needs Chromium or Google Chrome (Debian/Ubuntu: apt-get install chromium), or {CHROMIUM_ENV} "
          "naming the browser's program")


class PdfFailed(Exception):
    """No PDF was written; the message is one line saying why."""


def find_chromium() -> str:
    """The browser to print with: $SMPSEO_CHROMIUM, else a Chromium or Chrome on PATH or in /Applications."""
    named = os.environ.get(CHROMIUM_ENV, "").strip()
    if named:
        found = shutil.which(named)
        if not found:
            raise PdfFailed(f"{CHROMIUM_ENV}={named}: no such program; {NEEDED}")
        return found
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "darwin":
        for app in CHROMIUM_APPS:
            if os.access(app, os.X_OK):
                return app
    raise PdfFailed(NEEDED)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def print_pdf(html: str | Path, pdf: str | Path, timeout: int = TIMEOUT) -> Path:
    """Print `html` to `pdf` (written whole or not at all). Raises PdfFailed."""
    html, pdf = Path(html), Path(pdf)
    browser = find_chromium()
    partial = pdf.with_name(f".{pdf.name}.{os.getpid()}.part")
    with tempfile.TemporaryDirectory(prefix="smpseo-chromium-") as profile:
        command = [browser, *ARGS, f"--user-data-dir={profile}", f"--print-to-pdf={partial}",
                   html.resolve().as_uri()]
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, start_new_session=os.name == "posix")
        except OSError as exc:
            raise PdfFailed(f"cannot start {browser}: {exc.strerror or exc}") from None
        try:
            _, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            partial.unlink(missing_ok=True)
            raise PdfFailed(f"{Path(browser).name} did not finish printing {html.name} within {timeout} s") from None
    try:
        with open(partial, "rb") as f:
            printed = f.read(5) == b"%PDF-"
    except OSError:
        printed = False
    if not printed:
        partial.unlink(missing_ok=True)
        why = _last_line(err.decode("utf-8", "replace"))
        raise PdfFailed(f"{Path(browser).name} printed no PDF (exit status {process.returncode}"
                        f"{': ' + why if why else ''})")
    os.replace(partial, pdf)
    return pdf


def _kill(process: subprocess.Popen) -> None:
    """Stop the browser and the processes it started (they share its process group)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        pass
    process.communicate()
