"""`smpseo.check` and `smpseo.gaps` as `import smpseo` gives them: the app's functions, then an `UnreadPosts` warning
for the files they could not read, as `smpseo.analyze` gives one (a notebook shows it under the cell even when the
result is kept in a variable rather than shown). The command line, the reports and the watch mode call the app's
functions and say what was not read their own way."""

from __future__ import annotations

import functools

from smpseo.app import check as checking
from smpseo.app import gaps as asking
from smpseo.app.arguments import warn_unread
from smpseo.model.gaps import GapReport
from smpseo.model.results import CheckResult


@functools.wraps(checking.check)
def check(*args, **kwargs) -> CheckResult:
    result = checking.check(*args, **kwargs)
    warn_unread(result.errors, ".errors")
    return result


@functools.wraps(asking.gaps)
def gaps(*args, **kwargs) -> GapReport:
    report = asking.gaps(*args, **kwargs)
    warn_unread(report.errors, ".errors")
    return report
