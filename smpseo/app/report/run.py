"""Running report notebooks: papermill executes, nbconvert exports offline HTML, finished reports are swapped in.

A run writes into a fresh staging folder next to its destination and is moved into place only when the notebook
ran without error and the HTML was written, so an earlier good report is never overwritten by a failed run. A failed
run keeps its executed notebook (with papermill's error cell) as `<name>.FAILED.ipynb`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from smpseo.app.report.pids import alive
from smpseo.app.report.summary import SUMMARY_NAME
from smpseo.core.months import last_complete_month, month_title, parse_month, previous_month

KERNEL_NAME = "python3"  # jupyter_client runs this kernel in the running interpreter (sys.executable)
DEFAULT_TIMEOUT = 300  # seconds a single cell may take
TEMPLATES = Path(__file__).resolve().parents[2] / "views" / "templates"
TEMPLATE_NAME = "smpseo_report"
NOTEBOOK_ONLY_TAG = "notebook-only"  # cells for the person running the notebook, left out of the HTML report


class ReportFailed(Exception):
    """A report notebook failed. `notebook` is the kept executed notebook, `cell` the failing cell's number."""

    def __init__(self, message: str, notebook: Path | None = None, cell: int | None = None):
        super().__init__(message)
        self.notebook = notebook
        self.cell = cell


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
    kept: list = field(default_factory=list)  # (file, where the user's edited version of it is kept), see keep.py


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

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts before every shutdown request, and an idle kernel then logs
            # "KeyboardInterrupt caught in kernel" to our stderr; the shutdown request (then SIGTERM) suffices.
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return SocketKernelManager


def execute(notebook: Path, output: Path, parameters: dict, cwd: Path, timeout: int = DEFAULT_TIMEOUT) -> None:
    """Execute `notebook` into `output` with papermill. Raises ReportFailed naming the failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from smpseo.app.report.ipythondir import writable_ipython_dir

    try:
        with tempfile.TemporaryDirectory(prefix="smpseo-kernel-") as sockets, writable_ipython_dir(sockets):
            papermill.execute_notebook(
                str(notebook), str(output), parameters=parameters, kernel_name=KERNEL_NAME, cwd=str(cwd),
                execution_timeout=timeout, progress_bar=sys.stderr.isatty(), log_output=False,
                request_save_on_cell_execute=False, kernel_manager_class=_kernel_manager_class(sockets),
            )
    except PapermillExecutionError as exc:
        where = f"cell [{exc.exec_count}]" if exc.exec_count else f"cell {exc.cell_index}"
        code = _first_line(exc.source)
        why = f"{exc.ename}: {_first_line(exc.evalue)}" if exc.evalue else exc.ename
        raise ReportFailed(f"{notebook.name}: {where} `{code}` failed: {why}", output, exc.exec_count) from None
    except Exception as exc:  # a cell over its time limit, a kernel that died or never started, a full disk
        what = _os_cause(exc) or _first_line(exc) or "no details"
        raise ReportFailed(f"{notebook.name}: {type(exc).__name__}: {what}", output) from exc


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


_LEFTOVER = re.compile(r"\.(?P<name>[^.]+)\.(?P<kind>running|old)-(?P<pid>\d+)(-.*)?")


def _remove_stale(parent: Path) -> None:
    """Tidy what runs killed outright (kill -9, a power cut) left, for every month (or draft) in `parent`, since a
    scheduled run is of another month than the one killed: a dead run's staging folder goes; an earlier report it
    had moved aside to swap in the new one comes back if the new one never arrived."""
    for path in sorted(parent.iterdir()):
        found = _LEFTOVER.fullmatch(path.name)
        if not found or int(found["pid"]) == os.getpid() or alive(int(found["pid"])):
            continue
        final = parent / found["name"]
        if found["kind"] == "old" and not final.exists():
            os.replace(path, final)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _staging(parent: Path, name: str) -> Path:
    """A fresh folder next to the destination (same filesystem, so the final move is a rename), named with this
    process's id so that a later run can tell a dead run's leftovers from a live run's folder."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.running-{os.getpid()}-", dir=parent)).resolve()
    except OSError as exc:  # a read-only or someone else's folder: say so, not which hidden folder failed
        raise ReportFailed(f"{parent}: cannot write the report there: {exc.strerror or exc}; nothing written") \
            from None
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; a report folder is as readable as any other
    return staging


def _make_folder(path: Path) -> None:
    """`path` and the folders above it; NotADirectoryError, naming it, when a file is in the way."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise NotADirectoryError(f"{path}: not a folder (a file is in the way)") from None
    except OSError as exc:
        raise ReportFailed(f"{path}: cannot make the folder: {exc.strerror or exc}; nothing written") from None


def _swap_in(staging: Path, final: Path) -> None:
    """Replace `final` (a folder) by `staging` with renames on one filesystem; the old one goes only afterwards."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.replace(final, old)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _keep_failed(executed: Path, folder: Path, name: str) -> Path | None:
    """Keep a failed run's executed notebook as `name.FAILED.ipynb`, whole or not at all: on a full disk there is
    no empty or half-copied notebook and no temporary file left (None)."""
    from smpseo.sources.writer import write_atomic

    try:
        if not executed.is_file() or executed.stat().st_size == 0:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"{name}.FAILED.ipynb"
        write_atomic(kept, executed.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return kept


def _refresh_index(out: Path) -> None:
    """The index after a failed run: best effort, so that its failure never hides the run's own cause."""
    from smpseo.app.report.index import write_index

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


@contextlib.contextmanager
def _locked(folder: Path):
    """One run at a time writing into `folder` (the reports folder, or its prepublish folder): a second run waits for
    the first, then runs, so concurrent runs never race on a staging folder, the swap or the index. The lock is
    taken on the folder itself, so it leaves no file behind and a killed run's lock goes with its process. Where
    there is no flock (Windows), the run goes ahead unlocked: the scheduled task's wrapper holds a lock of its own."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _abs(path: str | Path | None) -> str:
    return str(Path(path).resolve()) if path else ""


def _as_given(path: str | Path | None) -> str:
    """A path for the notebook, which runs in the current folder: as the user wrote it, so messages read
    `posts/a.md` rather than a long absolute path."""
    return str(path) if path else ""


def _config_for(config: str | Path | None, near: str | Path) -> str:
    """The settings file a run uses: the one named, else the nearest smpseo.toml above the posts, else above the
    current folder (the notebook runs elsewhere, so the file is found here and passed on)."""
    from smpseo.app.settings import find_config

    return _abs(config or find_config(near) or find_config(Path.cwd()))


def run_monthly(month: str | None = None, posts: str | Path = "posts", config: str | Path | None = None,
                queries: str | Path | None = None, out: str | Path = "reports", previous: str | Path | None = None,
                timeout: int = DEFAULT_TIMEOUT, notebook: str | Path | None = None, pages: str | Path | None = None,
                drafts: bool = False, pdf: bool = False) -> RunResult:
    """Run the monthly report into `out/YYYY-MM/` and refresh `out/index.html`. Raises ReportFailed.
    `pages`: Search Console's Pages.csv or export ZIP; `drafts`: include draft posts.

    With `pdf`, the page is also printed to `monthly_report.pdf`; a PDF that cannot be made leaves the reason in
    `RunResult.pdf_error` and the rest of the report as it is. A re-run keeps the month's record of the email
    already sent (`email_sent.json`), so that the month is not mailed twice. One run at a time writes into `out`."""
    month = month or last_complete_month()
    parse_month(month)
    out = Path(out)
    if (out / month).exists() and not (out / month).is_dir():  # never moved aside, hidden, or written over
        raise NotADirectoryError(f"{out / month}: a file, not a report folder; move it to write the {month} report")
    _make_folder(out)
    with _locked(out):
        return _run_monthly(month, posts, config, queries, out, previous, timeout, notebook, pages, drafts, pdf)


def _run_monthly(month, posts, config, queries, out: Path, previous, timeout, notebook, pages, drafts,
                 pdf) -> RunResult:
    from smpseo.app.report.index import write_index
    from smpseo.app.report.keep import carry_over, record
    from smpseo.app.report.monthly import find_previous
    from smpseo.app.report.pdf import PdfFailed, print_pdf

    final = out / month
    _remove_stale(out)  # first, so that a previous month a killed run had moved aside is back to compare with
    previous = previous or find_previous(out, month)
    staging = _staging(out, month)
    try:
        executed = staging / "monthly_report.ipynb"
        parameters = {
            "month": month, "posts": _as_given(posts), "config": _config_for(config, posts),
            # the summary compared with; the reports folder tells the notebook whether it is last month's own,
            # found beside this one (a damaged one there costs only the comparison) or one named (used as given)
            "queries": _as_given(queries), "previous": _abs(previous), "reports_dir": _abs(out),
            "summary_path": str(staging / SUMMARY_NAME), "pages": _as_given(pages), "drafts": bool(drafts),
        }
        source = Path(notebook) if notebook else notebook_path("monthly_report")
        try:
            execute(source, executed, parameters, cwd=Path.cwd(), timeout=timeout)
        except ReportFailed as exc:
            cause = _os_cause(exc)
            exc.notebook = _keep_failed(executed, final, "monthly_report")
            if cause and cause not in exc.args[0]:
                exc.args = (f"{exc.args[0]} ({cause})",)
            if exc.notebook:
                exc.args = (f"{exc.args[0]} (executed notebook kept as {exc.notebook})",)
            _refresh_index(out)
            raise
        summary = staging / SUMMARY_NAME
        if not summary.is_file():
            kept = _keep_failed(executed, final, "monthly_report")
            _refresh_index(out)
            raise ReportFailed(f"{source.name}: ran without writing {SUMMARY_NAME}", kept)
        try:
            export_html(executed, staging / "monthly_report.html", f"SEO report {month_title(month)}")
        except Exception as exc:
            kept = _keep_failed(executed, final, "monthly_report")
            _refresh_index(out)
            why = _os_cause(exc) or f"{type(exc).__name__}: {_first_line(exc)}"
            kept_note = f" (executed notebook kept as {kept})" if kept else ""
            raise ReportFailed(f"exporting the report to HTML failed: {why}{kept_note}", kept) from exc
        pdf_error = None
        if pdf:
            try:
                print_pdf(staging / "monthly_report.html", staging / "monthly_report.pdf")
            except PdfFailed as exc:
                pdf_error = str(exc)
        record(staging, [p.name for p in staging.iterdir()])
        kept = carry_over(final, staging)  # the user's files and edits, and the record of the email sent
        _swap_in(staging, final)
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
