"""Running report notebooks: papermill executes, nbconvert exports offline HTML, finished reports are swapped in.

A run writes into a fresh staging folder next to its destination and is moved into place only when the notebook
ran without error and the HTML was written, so an earlier good report is never overwritten by a failed run. A failed
run keeps its executed notebook (with papermill's error cell) as `<name>.FAILED.ipynb`. How the folder is written
is `staging`'s, what the notebook is given `parameters`'s: the pre-publish run (`prepublish_run`) shares both.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from smpseo.app.report.failed import ReportFailed
from smpseo.app.report.parameters import absolute, as_given, config_for
from smpseo.app.report.staging import keep_failed, locked, make_folder, remove_stale, staging_folder, swap_in
from smpseo.app.report.summary import SUMMARY_NAME
from smpseo.core.months import last_complete_month, month_title, parse_month, previous_month

KERNEL_NAME = "python3"  # jupyter_client runs this kernel in the running interpreter (sys.executable)
DEFAULT_TIMEOUT = 300  # seconds a single cell may take
TEMPLATES = Path(__file__).resolve().parents[2] / "views" / "templates"
TEMPLATE_NAME = "smpseo_report"
KERNEL_LOG = "kernel.log"  # what the kernel writes on its stderr, kept beside its sockets for the run's error
NOTEBOOK_ONLY_TAG = "notebook-only"  # cells for the person running the notebook, left out of the HTML report


@dataclass
class RunResult:
    html: Path
    notebook: Path
    summary: Path | None = None
    index: Path | None = None
    extra: dict = field(default_factory=dict)
    pdf: Path | None = None  # the PDF, when one was asked for and made
    pdf_error: str | None = None  # why the PDF asked for was not made (the HTML report is written all the same)
    index_error: str | None = None  # why `index.html` was not updated (the month's report is written all the same)
    kept: list = field(default_factory=list)  # the user's files in the way, and where each is kept (keep.Kept)


def notebooks_dir() -> Path:
    """Where the bundled notebooks are: inside the installed package, or `notebooks/` of a source checkout."""
    packaged = Path(__file__).resolve().parents[2] / "notebooks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "notebooks"


def notebook_path(name: str) -> Path:
    path = notebooks_dir() / f"{name}.ipynb"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: notebook not found")
    return path


def _first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else ""


def _kernel_manager_class(socket_dir: str):
    """A kernel manager talking to the kernel over Unix sockets in `socket_dir`: no TCP port is opened, and the
    kernel does not warn about unencrypted TCP on every run. Elsewhere (Windows) jupyter_client's default."""
    from jupyter_client.manager import AsyncKernelManager

    if os.name != "posix":
        return AsyncKernelManager

    class SocketKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", os.path.join(socket_dir, "kernel"))
            super().__init__(**kwargs)

        async def _async_launch_kernel(self, kernel_cmd, **kw) -> None:
            # The kernel's own stderr goes to a log beside its sockets, not ours: a kernel shut down after a cell
            # ran past its time prints a traceback of its closed sockets, and the report says what went wrong itself
            with open(os.path.join(socket_dir, KERNEL_LOG), "ab") as log:  # the kernel keeps its own copy
                kw["stderr"] = log
                await super()._async_launch_kernel(kernel_cmd, **kw)

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts before every shutdown request, and an idle kernel then logs
            # "KeyboardInterrupt caught in kernel" to our stderr; the shutdown request (then SIGTERM) suffices.
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return SocketKernelManager


def execute(notebook: Path, output: Path, parameters: dict, cwd: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Execute `notebook` into `output` with papermill, each cell given `timeout` seconds (a fraction rounded up:
    papermill takes whole seconds). Raises ReportFailed naming the failing cell."""
    import math

    import papermill
    from papermill.exceptions import PapermillExecutionError

    from smpseo.app.report.ipythondir import writable_ipython_dir

    with tempfile.TemporaryDirectory(prefix="smpseo-kernel-") as sockets:
        try:
            with writable_ipython_dir(sockets), _quiet_client_log():
                papermill.execute_notebook(
                    str(notebook), str(output), parameters=parameters, kernel_name=KERNEL_NAME, cwd=str(cwd),
                    execution_timeout=math.ceil(timeout), progress_bar=sys.stderr.isatty(), log_output=False,
                    # saved as each cell starts and ends: a run stopped mid-cell (over its time, a kernel that died)
                    # still leaves the notebook executed so far, to keep as the failed one
                    request_save_on_cell_execute=True, kernel_manager_class=_kernel_manager_class(sockets),
                )
        except PapermillExecutionError as exc:
            where = f"cell [{exc.exec_count}]" if exc.exec_count else f"cell {exc.cell_index}"
            code = _first_line(exc.source)
            why = f"{exc.ename}: {_first_line(exc.evalue)}" if exc.evalue else exc.ename
            raise ReportFailed(f"{notebook.name}: {where} `{code}` failed: {why}", output, exc.exec_count) from None
        except Exception as exc:  # a cell over its time limit, a kernel that died or never started, a full disk
            if type(exc).__name__ == "CellTimeoutError":
                what = f"{_last_started(output)} ran past the time it may take ({timeout:g} s; --timeout sets it)"
            else:
                what = _os_cause(exc) or _first_line(exc) or "no details"
                said = _last_line(Path(sockets) / KERNEL_LOG)
                what += f" (the kernel said: {said})" if said and type(exc).__name__ == "DeadKernelError" else ""
            raise ReportFailed(f"{notebook.name}: {type(exc).__name__}: {what}", output) from exc


def _last_started(executed: Path) -> str:
    """The cell a run stopped in, named as a failing cell is (its number and first line), from the notebook saved
    as each cell started: the last cell that started; "a cell" when the notebook cannot tell."""
    import nbformat

    try:
        cells = nbformat.read(str(executed), as_version=4).cells
    except Exception:  # not written, or cut short: the run's error is said all the same
        return "a cell"
    started = [(i, c) for i, c in enumerate(cells) if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    if not started:
        return "a cell"
    index, cell = started[-1]
    where = f"cell [{cell.execution_count}]" if cell.get("execution_count") else f"cell {index}"
    return f"{where} `{_first_line(cell.source)}`"


def _nothing_read(summary: Path) -> bool:
    """Whether a run's summary.json holds no post because none could be read (a folder emptied, every file broken),
    rather than because none is of the month."""
    import json

    try:
        data = json.loads(summary.read_text(encoding="utf-8"))
        posts, errors = data.get("posts"), data.get("read_errors") or []
        return not posts and any(isinstance(e, dict) and e.get("severity") == "error" for e in errors)
    except (OSError, ValueError, AttributeError):
        return False


def _last_line(log: Path) -> str:
    """The last line a log holds ("" when none, or unreadable)."""
    try:
        lines = log.read_bytes()[-4096:].decode("utf-8", "replace").strip().splitlines()
    except OSError:
        return ""
    return lines[-1].strip() if lines else ""


@contextlib.contextmanager
def _quiet_client_log():
    """While a notebook runs, the notebook client's own log says nothing below CRITICAL ("Timeout waiting for
    execute reply"): what failed is said once, by the run's error."""
    import logging

    loggers = [logging.getLogger(name) for name in ("traitlets", "papermill", "nbclient")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def export_html(notebook: Path, output: Path, title: str) -> Path:
    """The executed notebook as a self-contained HTML page: no code, no prompts, no scripts from a CDN."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    nb.metadata["title"] = title
    nb.cells = [c for c in nb.cells if NOTEBOOK_ONLY_TAG not in c.get("metadata", {}).get("tags", [])]
    for cell in nb.cells:  # warnings printed by libraries are for the notebook's author, not the report's reader
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    exporter = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    output.write_text(body, encoding="utf-8")
    return output


def _refresh_index(out: Path) -> None:
    """The index after a failed run: best effort, so that its failure never hides the run's own cause; an
    `index.html` that is not smpseo's own is left as it is (moving it aside is said by a run that succeeds)."""
    from smpseo.app.report.index import write_index
    from smpseo.app.report.keep import ours

    index = out / "index.html"
    if (index.exists() or index.is_symlink()) and not ours(out, index.name):
        return
    try:
        write_index(out)
    except OSError:
        pass


def _os_cause(exc: BaseException) -> str:
    """The operating system's reason behind a failure (a full disk, a folder not writable), or ""."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno:
            where = f" writing {exc.filename}" if exc.filename else ""
            return f"{exc.strerror or os.strerror(exc.errno)}{where}"
        exc = exc.__cause__ or exc.__context__
    return ""


def run_monthly(month: str | None = None, posts: str | Path = "posts", config: str | Path | None = None,
                queries: str | Path | None = None, out: str | Path = "reports", previous: str | Path | None = None,
                timeout: float = DEFAULT_TIMEOUT, notebook: str | Path | None = None, pages: str | Path | None = None,
                drafts: bool = False, pdf: bool = False, compare: bool = True) -> RunResult:
    """Run the monthly report into `out/YYYY-MM/` and refresh `out/index.html`. Raises ReportFailed.
    `pages`: Search Console's Pages.csv or export ZIP; `drafts`: include draft posts.

    With `pdf`, the page is also printed to `monthly_report.pdf`; a PDF that cannot be made leaves the reason in
    `RunResult.pdf_error` and the rest of the report as it is. Without `compare`, no earlier summary is compared
    with (not even last month's beside this one). A re-run keeps the month's record of the email
    already sent (`email_sent.json`), so that the month is not mailed twice. One run at a time writes into `out`."""
    month = month or last_complete_month()
    parse_month(month)
    out = Path(out)
    if (out / month).is_symlink():  # the swap would replace the link, not write into the folder it names
        raise NotADirectoryError(f"{out / month}: a symbolic link (to {os.readlink(out / month)}), not a report "
                                 f"folder; put the folder itself in its place, or remove the link, to write the "
                                 f"{month} report")
    if (out / month).exists() and not (out / month).is_dir():  # never moved aside, hidden, or written over
        raise NotADirectoryError(f"{out / month}: a file, not a report folder; move it to write the {month} report")
    make_folder(out)
    with locked(out):
        return _run_monthly(month, posts, config, queries, out, previous, timeout, notebook, pages, drafts, pdf,
                            compare)


def _failed(message: str, executed: Path, final: Path, out: Path, cell: int | None = None) -> ReportFailed:
    """What every failed monthly run does before it says why: its executed notebook is kept as
    `monthly_report.FAILED.ipynb` beside the month's report (which stays as it was) and named in the message, and
    `index.html` is refreshed, marking the month whose last run failed."""
    kept = keep_failed(executed, final, "monthly_report")
    _refresh_index(out)
    return ReportFailed(f"{message} (executed notebook kept as {kept})" if kept else message, kept, cell)


def _run_monthly(month, posts, config, queries, out: Path, previous, timeout, notebook, pages, drafts,
                 pdf, compare) -> RunResult:
    from smpseo.app.report.index import write_index
    from smpseo.app.report.keep import carry_over, record
    from smpseo.app.report.monthly import find_previous
    from smpseo.app.report.pdf import PdfFailed, print_pdf

    final = out / month
    remove_stale(out)  # first, so that a previous month a killed run had moved aside is back to compare with
    previous = (previous or find_previous(out, month)) if compare else None
    staging = staging_folder(out, month)
    try:
        executed = staging / "monthly_report.ipynb"
        parameters = {
            "month": month, "posts": as_given(posts), "config": config_for(config, posts),
            # the summary compared with; the reports folder tells the notebook whether it is last month's own,
            # found beside this one (a damaged one there costs only the comparison) or one named (used as given)
            "queries": as_given(queries), "previous": absolute(previous),
            "reports_dir": absolute(out) if compare else "",
            "summary_path": str(staging / SUMMARY_NAME), "pages": as_given(pages), "drafts": bool(drafts),
        }
        source = Path(notebook) if notebook else notebook_path("monthly_report")
        try:
            execute(source, executed, parameters, cwd=Path.cwd(), timeout=timeout)
        except ReportFailed as exc:
            cause = _os_cause(exc)
            raise _failed(f"{exc.args[0]} ({cause})" if cause and cause not in exc.args[0] else exc.args[0],
                          executed, final, out, exc.cell) from None
        summary = staging / SUMMARY_NAME
        if not summary.is_file():
            raise _failed(f"{source.name}: ran without writing {SUMMARY_NAME}", executed, final, out)
        if _nothing_read(summary):  # a folder emptied or all its files broken: a report of nothing replaces nothing
            there = " (the report that was there is kept)" if (final / "monthly_report.html").is_file() else ""
            raise _failed(f"no post could be read from {as_given(posts)}: no report made{there}", executed, final,
                          out)
        try:
            export_html(executed, staging / "monthly_report.html", f"SEO report {month_title(month)}")
        except Exception as exc:
            why = _os_cause(exc) or f"{type(exc).__name__}: {_first_line(exc)}"
            raise _failed(f"exporting the report to HTML failed: {why}", executed, final, out) from exc
        pdf_error = None
        if pdf:
            try:
                print_pdf(staging / "monthly_report.html", staging / "monthly_report.pdf")
            except PdfFailed as exc:
                pdf_error = str(exc)
        record(staging, [p.name for p in staging.iterdir()])
        kept = carry_over(final, staging)  # the user's files and edits, and the record of the email sent
        swap_in(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    index = index_error = None
    try:
        index = write_index(out, kept)
    except OSError as exc:  # the month's report is in place all the same
        index_error = f"{out / 'index.html'}: not updated: {exc.strerror or exc}"
    extra = {"previous": str(previous) if previous else None, "previous_month": previous_month(month)}
    made = final / "monthly_report.pdf"
    return RunResult(html=final / "monthly_report.html", notebook=final / "monthly_report.ipynb",
                     summary=final / SUMMARY_NAME, index=index, extra=extra,
                     pdf=made if pdf and made.is_file() else None, pdf_error=pdf_error, index_error=index_error,
                     kept=kept)
