"""Mailing a monthly report: one message to the `[report.email]` recipients, with the report attached, at most once
per month.

`email_sent.json` in the month's folder records a send; it is written (whole, by a rename) only after the server
accepted the message, and while it is there the month is not mailed again unless asked (`resend`). Nothing in the
month's folder is removed or replaced by sending, whether it succeeds or not.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from smpseo.app.report.pids import alive
from smpseo.core.settings import Email

SENT_NAME = "email_sent.json"
SENDING_NAME = ".email_sending"  # held while a message for the month is on its way
TIMEOUT = 60  # seconds for the SMTP server to answer
ATTACHMENT_TYPES = {".html": ("text", "html"), ".pdf": ("application", "pdf")}


class SendFailed(Exception):
    """The message was not sent (to anyone); the message is one line saying why."""


@dataclass
class Sent:
    to: list[str]
    refused: dict[str, str] = field(default_factory=dict)  # recipient -> the server's answer
    skipped: dict | None = None  # the earlier send's record, when nothing was sent this time
    record: Path | None = None


def sent_before(folder: str | Path) -> dict | None:
    """The record of the month's earlier send, if there is one."""
    try:
        record = json.loads((Path(folder) / SENT_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"sent_at": "(unreadable record)"}  # a record there, even damaged, means it was sent
    return record if isinstance(record, dict) else {"sent_at": "(unreadable record)"}


def build_message(settings: Email, subject: str, text: str, html: str, attachments: list[tuple[str, Path]]
                  ) -> EmailMessage:
    """A message with a plain-text and an HTML body and `attachments` as (file name, path) pairs."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.to)
    message["Date"] = formatdate(localtime=True)
    domain = parseaddr(settings.sender)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    for name, path in attachments:
        maintype, subtype = ATTACHMENT_TYPES.get(path.suffix.lower(), ("application", "octet-stream"))
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=name)
    return message


def _password(settings: Email) -> str:
    if not settings.password_env:
        return ""
    password = os.environ.get(settings.password_env)
    if not password:
        raise SendFailed(f"{settings.password_env} is not set ([report.email] password_env names it as holding "
                         f"the password for {settings.username})")
    return password


def send(settings: Email, message: EmailMessage) -> dict[str, str]:
    """Hand `message` to the SMTP server. Returns the recipients it refused (when it took the others); raises
    SendFailed when nobody gets it."""
    password = _password(settings)
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    context = ssl.create_default_context()
    try:
        if settings.smtp_port == 465:
            server = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT, context=context)
        else:
            server = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT)
        with server:
            server.ehlo()
            if settings.starttls and settings.smtp_port != 465:
                server.starttls(context=context)
                server.ehlo()
            if settings.username:
                server.login(settings.username, password)
            refused = server.send_message(message)
    except smtplib.SMTPNotSupportedError as exc:
        raise SendFailed(f"{where}: {_reply(exc)} (starttls = true needs a server that offers STARTTLS)") from None
    except smtplib.SMTPAuthenticationError as exc:
        raise SendFailed(f"{where} refused the login for {settings.username}: {_reply(exc)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        refused = "; ".join(f"{who}: {_reply(answer)}" for who, answer in exc.recipients.items())
        raise SendFailed(f"{where} refused every recipient ({refused})") from None
    except smtplib.SMTPSenderRefused as exc:
        raise SendFailed(f"{where} refused the sender {exc.sender}: {_reply(exc)}") from None
    except smtplib.SMTPException as exc:
        raise SendFailed(f"{where}: {_reply(exc)}") from None
    except ssl.SSLError as exc:
        raise SendFailed(f"{where}: TLS failed: {exc.reason or exc}") from None
    except TimeoutError:
        raise SendFailed(f"{where} did not answer within {TIMEOUT} s") from None
    except OSError as exc:
        raise SendFailed(f"cannot reach {where}: {exc.strerror or exc}") from None
    return {who: _reply(answer) for who, answer in refused.items()}


def _reply(answer) -> str:
    """An SMTP error or (code, text) reply as one line."""
    code = getattr(answer, "smtp_code", None)
    text = getattr(answer, "smtp_error", None)
    if isinstance(answer, tuple) and len(answer) == 2:
        code, text = answer
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = " ".join(str(text if text is not None else answer).split())
    return f"{code} {text}" if code else text



@contextmanager
def _sending(folder: Path):
    """Hold the month's sending mark, so that two runs at once do not both send. A mark left by a run that died
    is taken over."""
    mark = folder / SENDING_NAME
    for _ in range(2):
        try:
            fd = os.open(mark, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                pid = int(mark.read_text().strip() or 0)
            except (OSError, ValueError):
                pid = 0
            if pid and alive(pid):
                raise SendFailed(f"another run (process {pid}) is sending this month's report now") from None
            mark.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as f:
            f.write(str(os.getpid()))
        break
    else:
        raise SendFailed(f"{mark}: cannot take the sending mark")
    try:
        yield
    finally:
        mark.unlink(missing_ok=True)


def _write_record(folder: Path, record: dict) -> Path:
    path = folder / SENT_NAME
    partial = folder / f".{SENT_NAME}.{os.getpid()}.part"
    with open(partial, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2, ensure_ascii=False)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)
    return path


def deliver(folder: str | Path, month: str, settings: Email, subject: str, text: str, html: str,
            attachments: list[tuple[str, Path]], resend: bool = False) -> Sent:
    """Mail the month's report once: nothing is sent when `folder` records an earlier send, unless `resend`.
    Raises SendFailed (and records nothing) when nobody got it."""
    folder = Path(folder)
    earlier = sent_before(folder)
    if earlier and not resend:
        return Sent(to=[], skipped=earlier)
    with _sending(folder):
        if not resend and sent_before(folder):  # another run sent it while this one made the report
            return Sent(to=[], skipped=sent_before(folder))
        message = build_message(settings, subject, text, html, attachments)
        refused = send(settings, message)
        accepted = [a for a in settings.to if parseaddr(a)[1] not in refused and a not in refused]
        record = {"month": month, "sent_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "to": accepted, "refused": refused, "subject": subject, "message_id": message["Message-ID"],
                  "attachments": [name for name, _ in attachments], "server": settings.smtp_host}
        return Sent(to=accepted, refused=refused, record=_write_record(folder, record))
