"""`smpseo report monthly --email`: the month's digest put into words, and the report mailed with it."""

from __future__ import annotations

import sys

from smpseo.core.settings import Email


def mail_report(result, settings: Email, resend: bool = False) -> int:
    """Mail the report `result` (a RunResult) once. Returns the exit status: 0 sent or sent before, 1 not sent
    (one line on stderr; the report stays as it is)."""
    from smpseo.app.report.digest import digest
    from smpseo.app.report.mail import SENT_NAME, SendFailed, deliver
    from smpseo.app.report.summary import load_summary
    from smpseo.model.post import one_line
    from smpseo.views.digest import digest_html, digest_text, subject

    folder = result.html.parent
    summary = load_summary(result.summary)
    previous = None
    if result.extra.get("previous"):
        try:
            previous = load_summary(result.extra["previous"])
        except (OSError, ValueError):
            previous = None
    d = digest(summary, previous)
    attachments = [(f"seo-report-{d.month}.html", result.html)]
    if result.pdf:
        attachments.append((f"seo-report-{d.month}.pdf", result.pdf))
    try:
        sent = deliver(folder, d.month, settings, subject(d), digest_text(d), digest_html(d), attachments,
                       resend=resend)
    except (SendFailed, OSError) as exc:  # OSError: the month's folder could not be written (the record, the mark)
        print(one_line(f"smpseo: error: email not sent: {exc}; the report is kept in {folder}"), file=sys.stderr)
        return 1
    if sent.skipped is not None:
        print(f"smpseo: the {d.title} report was already emailed ({sent.skipped.get('sent_at', '?')}, "
              f"{folder / SENT_NAME}); nothing sent (--resend sends it again)")
        return 0
    print(f"smpseo: emailed the {d.title} report to {', '.join(sent.to)}")
    if sent.refused:
        refused = "; ".join(f"{who}: {why}" for who, why in sent.refused.items())
        print(one_line(f"smpseo: error: email not delivered to {refused}"), file=sys.stderr)
        return 1
    return 0
