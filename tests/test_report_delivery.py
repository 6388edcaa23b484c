"""`smpseo report monthly --pdf --email` end to end: the notebook run for real, the PDF printed by headless Chromium,
the message delivered to an SMTP server on 127.0.0.1; and what happens when either cannot be done."""

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CLINIC_CONFIG, chromium

pytestmark = pytest.mark.slow

POSTS = Path(__file__).parent / "fixtures" / "report_posts"


def config(tmp_path: Path, port: int, extra: str = "") -> Path:
    path = tmp_path / "smpseo.toml"
    path.write_text(CLINIC_CONFIG.read_text() + extra + f"""
[report.email]
to = ["owner@clinic.example", "artist@clinic.example"]
from = "SEO reports <reports@clinic.example>"
smtp_host = "127.0.0.1"
smtp_port = {port}
starttls = false
""")
    return path


def monthly(tmp_path: Path, settings: Path, *options: str, env: dict | None = None):
    return subprocess.run([sys.executable, "-m", "smpseo", "report", "monthly", "--month", "2026-10", "--posts",
                           str(POSTS), "--out", str(tmp_path / "reports"), "--config", str(settings), *options],
                          capture_output=True, text=True, timeout=300, env=env)


def words(text: str) -> str:
    """Text as a PDF reader gives it back comparable with the source: ligatures (ﬀ) undone, spaces collapsed."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_pdf_and_email_then_nothing_twice(tmp_path, smtp_server):
    chromium()
    pypdf = pytest.importorskip("pypdf")
    settings = config(tmp_path, smtp_server.port)
    run = monthly(tmp_path, settings, "--pdf", "--email")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "reports" / "2026-10"
    html, pdf = folder / "monthly_report.html", folder / "monthly_report.pdf"
    assert run.stdout.splitlines()[:2] == [str(html), str(pdf)]
    assert "emailed the October 2026 report to owner@clinic.example, artist@clinic.example" in run.stdout
    assert '2026-10/monthly_report.pdf">PDF</a>' in (tmp_path / "reports" / "index.html").read_text()

    # the PDF: a real one, from the same page, with the title and every item of the to-do list
    assert pdf.read_bytes().startswith(b"%PDF-")
    reader = pypdf.PdfReader(str(pdf))
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert "Monthly SEO report" in text and "October 2026" in text and "To do, in this order" in text
    from smpseo.app.report.summary import todo

    summary = json.loads((folder / "summary.json").read_text())
    items = todo(summary)
    assert items
    for item in items:
        assert words(re.sub(r"`", "", item["action"]))[:40] in text, item["action"]
    assert len(reader.pages) >= 5  # the sections start pages of their own

    # the message: one, to both recipients, with both files attached as they are on disk
    [received] = smtp_server.mailbox.messages
    assert received["to"] == ["owner@clinic.example", "artist@clinic.example"]
    message = received["message"]
    assert message["Subject"] == "SEO report October 2026: Advanced Scalp Clinic"
    body = message.get_body(("plain",)).get_content()
    assert f"posts: {summary['totals']['posts']}" in body and words(items[0]["action"]) in words(body)
    attached = {a.get_filename(): a.get_payload(decode=True) for a in message.iter_attachments()}
    assert attached == {"seo-report-2026-10.html": html.read_bytes(), "seo-report-2026-10.pdf": pdf.read_bytes()}
    record = (folder / "email_sent.json").read_bytes()

    # the same month again: the report is made again, the message is not sent again
    again = monthly(tmp_path, settings, "--pdf", "--email")
    assert again.returncode == 0, again.stderr
    assert "already emailed" in again.stdout and again.stderr == ""
    assert len(smtp_server.mailbox.messages) == 1
    assert (folder / "email_sent.json").read_bytes() == record


def test_without_chromium_or_mail_server_the_report_is_still_written(tmp_path, smtp_server):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    settings = config(tmp_path, closed, extra="\n[report]\npdf = true\n")
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SMPSEO_CHROMIUM"}
    env["PATH"] = str(empty)  # no browser to be found
    run = monthly(tmp_path, settings, "--email", env=env)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 2, run.stderr
    assert lines[0].startswith("smpseo: error: no PDF written: a PDF needs Chromium or Google Chrome")
    assert "the HTML report is written" in lines[0]
    assert lines[1].startswith(f"smpseo: error: email not sent: cannot reach 127.0.0.1:{closed}")
    folder = tmp_path / "reports" / "2026-10"
    assert run.stdout.strip() == str(folder / "monthly_report.html")
    assert sorted(p.name for p in folder.iterdir()) == [".written.json", "monthly_report.html", "monthly_report.ipynb",
                                                        "summary.json"]
    assert smtp_server.mailbox.messages == []
