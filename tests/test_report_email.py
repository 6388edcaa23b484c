"""Mailing the monthly report: `[report.email]` settings, one message per month against a real SMTP server on
127.0.0.1, failed sends that leave the report alone. (The end-to-end runs of `smpseo report monthly --email` are in
tests/test_report_delivery.py.)"""

import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from smpseo.app.report.digest import digest
from smpseo.app.report.mail import SENT_NAME, SendFailed, deliver
from smpseo.core.settings import ConfigError, Email, parse_config
from smpseo.views.digest import digest_html, digest_text, subject

FIXTURES = Path(__file__).parent / "fixtures"

GOOD = """
[report.email]
to = ["owner@clinic.example", "Artist <artist@clinic.example>"]
from = "reports@clinic.example"
smtp_host = "smtp.clinic.example"
username = "reports@clinic.example"
password_env = "SMPSEO_SMTP_PASSWORD"
"""


def settings(port: int, **changes) -> Email:
    values = {"to": ["owner@clinic.example", "artist@clinic.example"], "sender": "reports@clinic.example",
              "smtp_host": "127.0.0.1", "smtp_port": port, "starttls": False}
    return Email(**{**values, **changes})


@pytest.fixture(scope="module")
def summary():
    from smpseo.app.report.monthly import monthly_report

    return monthly_report("2026-10", posts=FIXTURES / "report_posts").summary.to_dict()


@pytest.fixture
def month(tmp_path, summary):
    """A month's folder as a run leaves it: the page, its figures."""
    folder = tmp_path / "reports" / "2026-10"
    folder.mkdir(parents=True)
    (folder / "monthly_report.html").write_text("<!DOCTYPE html><title>SEO report October 2026</title>report")
    (folder / "summary.json").write_text(json.dumps(summary))
    return folder


def mail(folder: Path, summary: dict, config: Email, resend: bool = False):
    d = digest(summary)
    return deliver(folder, "2026-10", config, subject(d), digest_text(d), digest_html(d),
                   [("seo-report-2026-10.html", folder / "monthly_report.html")], resend=resend)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# -- settings ---------------------------------------------------------------------------------------------------------

def test_email_settings_are_read():
    report = parse_config(GOOD, "smpseo.toml").report
    assert report.pdf is False
    assert report.email == Email(to=["owner@clinic.example", "Artist <artist@clinic.example>"],
                                 sender="reports@clinic.example", smtp_host="smtp.clinic.example", smtp_port=587,
                                 starttls=True, username="reports@clinic.example",
                                 password_env="SMPSEO_SMTP_PASSWORD")
    assert parse_config("[report]\npdf = true\n").report.pdf is True
    assert parse_config("").report.email is None


@pytest.mark.parametrize("text, says", [
    (GOOD + 'password = "hunter2"\n', "password is never written in the file"),
    (GOOD + 'reply_to = "x@y.z"\n', "unknown key 'reply_to' in [report.email]"),
    ("[report]\nmail = 1\n", "unknown key 'mail' in [report]"),
    ("[report]\npdf = \"yes\"\n", "[report] pdf must be true or false"),
    (GOOD.replace('to = ["owner@clinic.example", "Artist <artist@clinic.example>"]', 'to = "owner@clinic.example"'),
     "to must be a list"),
    (GOOD.replace('"Artist <artist@clinic.example>"', '"artist"'), "must be an email address"),
    (GOOD.replace('from = "reports@clinic.example"\n', ""), "[report.email] needs from"),
    (GOOD + "smtp_port = 0\n", "smtp_port must be a port number"),
    (GOOD + "starttls = 1\n", "starttls must be true or false"),
    (GOOD.replace('password_env = "SMPSEO_SMTP_PASSWORD"', 'password_env = "not a name"'),
     "password_env must be the name of an environment variable"),
    (GOOD.replace('password_env = "SMPSEO_SMTP_PASSWORD"\n', ""), "username and password_env go together"),
    (GOOD + "starttls = false\n", "would send the password to smtp.clinic.example unencrypted"),
])
def test_bad_email_settings_are_one_clear_error(text, says):
    with pytest.raises(ConfigError) as error:
        parse_config(text, "smpseo.toml")
    assert says in str(error.value) and re.match(r"smpseo\.toml:\d+: ", str(error.value))  # at its line
    assert "hunter2" not in str(error.value)


def test_a_password_in_the_file_stops_the_command_before_anything_runs(tmp_path):
    (tmp_path / "smpseo.toml").write_text(GOOD + 'password = "hunter2"\n')
    (tmp_path / "posts").mkdir()
    run = subprocess.run([sys.executable, "-m", "smpseo", "report", "monthly", "--email"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "password is never written" in run.stderr
    assert "hunter2" not in run.stderr and not (tmp_path / "reports").exists()


def test_email_without_settings_is_a_usage_error(tmp_path):
    (tmp_path / "posts").mkdir()
    run = subprocess.run([sys.executable, "-m", "smpseo", "report", "monthly", "--email"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--email needs a [report.email] table" in run.stderr
    assert not (tmp_path / "reports").exists()


# -- the message ------------------------------------------------------------------------------------------------------

def test_the_digest_has_the_headline_figures_the_first_fixes_and_the_new_gaps(summary):
    d = digest(summary)
    text, html = digest_text(d), digest_html(d)
    assert subject(d) == "SEO report October 2026: Advanced Scalp Clinic"
    assert f"posts: {summary['totals']['posts']}" in text
    first_fix = d.fixes[0].action
    assert first_fix in text and len(d.fixes) == min(5, d.fixes_total)
    open_questions = [g["question"] for g in summary["gaps"] if g["status"] in ("missing", "partial")]
    assert open_questions and open_questions[0] in text  # a first report: every open question is new
    assert "first report" in text
    from html import escape

    assert escape(first_fix) in html and "<script" not in html


def test_a_gap_open_last_month_is_not_new(summary):
    previous = json.loads(json.dumps(summary))
    previous["month"] = "2026-09"
    first_open = next(g for g in summary["gaps"] if g["status"] in ("missing", "partial"))
    previous["gaps"] = [g for g in previous["gaps"] if g["id"] != first_open["id"]]
    d = digest(summary, previous)
    assert [g.id for g in d.gaps] == [first_open["id"]] and d.previous_month == "2026-09"
    assert "since 2026-09" in digest_text(d)


# -- sending ----------------------------------------------------------------------------------------------------------

def test_one_message_to_each_recipient_with_the_report_attached(smtp_server, month, summary):
    sent = mail(month, summary, settings(smtp_server.port))
    assert sent.to == ["owner@clinic.example", "artist@clinic.example"] and sent.refused == {}
    [received] = smtp_server.mailbox.messages
    assert received["to"] == ["owner@clinic.example", "artist@clinic.example"]
    message = received["message"]
    assert message["Subject"] == "SEO report October 2026: Advanced Scalp Clinic"
    assert message.get_body(("plain",)).get_content().startswith("SEO report October 2026")
    assert "<h1" in message.get_body(("html",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "seo-report-2026-10.html"
    assert attachment.get_content_type() == "text/html"
    assert attachment.get_payload(decode=True) == (month / "monthly_report.html").read_bytes()
    record = json.loads((month / SENT_NAME).read_text())
    assert record["to"] == sent.to and record["month"] == "2026-10" and record["message_id"] == message["Message-ID"]


def test_a_month_is_mailed_once_unless_resent(smtp_server, month, summary):
    mail(month, summary, settings(smtp_server.port))
    record = (month / SENT_NAME).read_bytes()
    again = mail(month, summary, settings(smtp_server.port))
    assert again.skipped is not None and again.to == []
    assert len(smtp_server.mailbox.messages) == 1 and (month / SENT_NAME).read_bytes() == record
    mail(month, summary, settings(smtp_server.port), resend=True)
    assert len(smtp_server.mailbox.messages) == 2
    assert not (month / ".email_sending").exists()


def test_login_uses_the_password_from_the_environment(smtp_server, month, summary, monkeypatch):
    config = settings(smtp_server.port, username="reports", password_env="SMPSEO_TEST_SMTP_PASSWORD")
    monkeypatch.delenv("SMPSEO_TEST_SMTP_PASSWORD", raising=False)
    with pytest.raises(SendFailed, match="SMPSEO_TEST_SMTP_PASSWORD is not set"):
        mail(month, summary, config)
    monkeypatch.setenv("SMPSEO_TEST_SMTP_PASSWORD", "wrong")
    with pytest.raises(SendFailed, match="refused the login for reports: 535"):
        mail(month, summary, config)
    assert smtp_server.mailbox.messages == [] and not (month / SENT_NAME).exists()
    monkeypatch.setenv("SMPSEO_TEST_SMTP_PASSWORD", smtp_server.password)
    mail(month, summary, config)
    assert smtp_server.mailbox.logins == [("reports", smtp_server.password)]
    assert len(smtp_server.mailbox.messages) == 1


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_failed_send_leaves_the_report_and_records_nothing(month, summary, smtp_server):
    before = files(month)
    with pytest.raises(SendFailed, match=r"cannot reach 127\.0\.0\.1:\d+"):
        mail(month, summary, settings(closed_port()))
    with pytest.raises(SendFailed, match="STARTTLS"):  # the server offers no STARTTLS: nothing goes in the clear
        mail(month, summary, settings(smtp_server.port, starttls=True))
    assert files(month) == before and smtp_server.mailbox.messages == []


def test_a_refused_recipient_is_reported_and_the_others_get_it(smtp_server, month, summary):
    smtp_server.mailbox.refuse.add("artist@clinic.example")
    sent = mail(month, summary, settings(smtp_server.port))
    assert sent.to == ["owner@clinic.example"] and "550" in sent.refused["artist@clinic.example"]
    assert json.loads((month / SENT_NAME).read_text())["refused"] == sent.refused
    smtp_server.mailbox.refuse.add("owner@clinic.example")
    with pytest.raises(SendFailed, match="refused every recipient"):
        mail(month, summary, settings(smtp_server.port), resend=True)


def test_a_send_under_way_elsewhere_is_not_repeated_and_a_dead_ones_mark_is_taken_over(smtp_server, month, summary):
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        (month / ".email_sending").write_text(str(running.pid))
        with pytest.raises(SendFailed, match=f"another run \\(process {running.pid}\\) is sending"):
            mail(month, summary, settings(smtp_server.port))
        assert smtp_server.mailbox.messages == [] and (month / ".email_sending").read_text() == str(running.pid)
        (month / ".email_sending").write_text(str(dead.pid))
        mail(month, summary, settings(smtp_server.port))
        assert len(smtp_server.mailbox.messages) == 1 and not (month / ".email_sending").exists()
    finally:
        running.kill()
        running.wait()
