"""Screenshot an HTML report in headless Chromium (the OS package), e.g. for the README's picture.

    python scripts/screenshot.py reports/2026-10/monthly_report.html docs/report-screenshot.png [--full]

Needs the `playwright` package (a test dependency) and Chromium from the OS (`apt-get install chromium`); it never
downloads a browser. Prints console errors, if any, and exits 1 when there were some.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(html: Path, png: Path, width: int = 1200, height: int = 900, full_page: bool = False) -> list[str]:
    """Open `html` from disk, save a screenshot to `png`; return the console errors and dialogs seen."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
                if msg.type == "error" else None)
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(html.resolve().as_uri(), wait_until="load")
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png), full_page=full_page)
        browser.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--full", action="store_true", help="the whole page, not only the first screen")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    if not chromium_path():
        print("screenshot: Chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    problems = screenshot(args.html, args.png, args.width, args.height, args.full)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(args.png)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
