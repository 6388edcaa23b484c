"""Printing the report to PDF when the browser is missing, fails, prints nothing or hangs: one line saying why, and
never a partial file. (The real print with Chromium is in tests/test_report_delivery.py.)"""

import os
import stat
from pathlib import Path

import pytest

from smpseo.app.report.pdf import CHROMIUM_ENV, PdfFailed, find_chromium, print_pdf

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the stand-in browsers are shell scripts")


def browser(tmp_path: Path, script: str) -> Path:
    """A stand-in for Chromium: a shell script that gets the same arguments."""
    path = tmp_path / "fake-chromium"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def page(tmp_path):
    html = tmp_path / "monthly_report.html"
    html.write_text("<!DOCTYPE html><title>t</title>report")
    return html


def test_no_browser_says_what_is_needed(monkeypatch, tmp_path, page):
    monkeypatch.delenv(CHROMIUM_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(PdfFailed, match="a PDF needs Chromium or Google Chrome .*apt-get install chromium"):
        print_pdf(page, tmp_path / "monthly_report.pdf")
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-such-browser"))
    with pytest.raises(PdfFailed, match=f"{CHROMIUM_ENV}=.*no-such-browser: no such program"):
        find_chromium()
    assert not (tmp_path / "monthly_report.pdf").exists()


def test_the_browser_is_asked_for_the_page_offline(monkeypatch, tmp_path, page):
    seen = tmp_path / "arguments"
    fake = browser(tmp_path, f'printf "%s\\n" "$@" > "{seen}"\n'
                             'for a in "$@"; do case "$a" in --print-to-pdf=*) printf "%%PDF-1.4 x" > "${a#*=}";; '
                             "esac; done\n")
    monkeypatch.setenv(CHROMIUM_ENV, str(fake))
    out = print_pdf(page, tmp_path / "monthly_report.pdf")
    assert out.read_bytes().startswith(b"%PDF-")
    arguments = seen.read_text().splitlines()
    assert arguments[-1] == page.resolve().as_uri()
    for flag in ("--headless", "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND",
                 "--no-pdf-header-footer"):
        assert flag in arguments
    assert any(a.startswith("--user-data-dir=") for a in arguments)  # never the user's own browser profile
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("script, says", [
    ('echo "[0:0:ERROR:x] cannot open display" >&2\nexit 1\n', r"printed no PDF \(exit status 1: .*cannot open display\)"),
    ('for a in "$@"; do case "$a" in --print-to-pdf=*) echo "<html>" > "${a#*=}";; esac; done\n',
     r"printed no PDF \(exit status 0\)"),
])
def test_a_failed_print_leaves_no_file(monkeypatch, tmp_path, page, script, says):
    monkeypatch.setenv(CHROMIUM_ENV, str(browser(tmp_path, script)))
    earlier = tmp_path / "monthly_report.pdf"
    earlier.write_bytes(b"%PDF-1.4 the earlier one")
    with pytest.raises(PdfFailed, match=says):
        print_pdf(page, earlier)
    assert earlier.read_bytes() == b"%PDF-1.4 the earlier one"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_browser_that_hangs_is_stopped(monkeypatch, tmp_path, page):
    monkeypatch.setenv(CHROMIUM_ENV, str(browser(tmp_path, "sleep 300 &\nwait\n")))
    with pytest.raises(PdfFailed, match="did not finish printing monthly_report.html within 1 s"):
        print_pdf(page, tmp_path / "monthly_report.pdf", timeout=1)
    assert not (tmp_path / "monthly_report.pdf").exists()
