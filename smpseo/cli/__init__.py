"""The `smpseo` command. Each subcommand lives in `smpseo/cli/<name>.py` with `register()` and `run()`.

Exit status: 0 all good; 1 findings of error severity, or a source that could not be read; 2 usage or config error.
Errors are one line each on stderr, naming the file (and line); `--debug` shows a traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from smpseo.core.version import __version__

# command name -> module under smpseo.cli (kept light: heavy imports happen inside run()).
COMMANDS = {
    "import": "import_",
    "analyze": "analyze",
    "check": "check",
    "gaps": "gaps",
    "report": "report",
    "cache": "cache",
    "init": "init",
}

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    dashed: tuple[str, ...] = ()  # the arguments given that start with "-" and name a file (`_dashed_files`)

    def error(self, message: str):  # one line, status 2
        self.print_usage(sys.stderr)
        hint = f" ({self.dashed[0]} is a file: write ./{self.dashed[0]}, or -- before it)" if self.dashed else ""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}{hint}\n")


def _dashed_files(given: list[str]) -> tuple[str, ...]:
    """The arguments that start with "-" and name a file or folder (`-draft.md`, a name a sync app or a marketer
    gave): read as options, they are what a usage error is about."""
    import os

    return tuple(a for a in given if a.startswith("-") and a not in ("-", "--") and os.path.lexists(a))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `smpseo` parser with every command, or with `command` alone (what parsing that command's arguments
    needs: the same usage, help and errors, without importing and registering the others)."""
    parser = Parser(prog="smpseo", description="Content and SEO checks for a blog's posts.")
    parser.add_argument("--version", action="version", version=f"smpseo {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback when something fails")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, module in COMMANDS.items():
        if command is not None and name != command:
            continue
        try:
            mod = importlib.import_module(f"smpseo.cli.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"smpseo.cli.{module}":
                raise
            if command is not None:  # not there: the full parser says so, listing the commands that are
                return build_parser()
            continue
        mod.register(sub)
    return parser


# A full collection of the cyclic garbage collector walks every object alive: a check of a 500-post blog holds
# millions (posts, summaries), and the default thresholds walk them several times a run for the few cycles there
# are to free (a tenth of a check after an edit). Full collections come after 100 times as many young ones.
GC_THRESHOLDS = (700, 10, 1000)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a service manager stopping the run, a closed terminal): stopped as Ctrl-C stops it, so
    what a run had begun (a report's staging folder, the notebook kernel's files) is cleaned up as then."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP raise Terminated in this process; a worker process it starts dies of them as usual."""
    import os
    import signal

    home = os.getpid()

    def stop(signum, _frame):
        if os.getpid() != home:  # a forked worker: the default, so a pool that terminates its workers ends them
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def run() -> int:
    """The `smpseo` command and `python -m smpseo`: `main()` in a process that ends when it returns. The objects the
    command made are then left to the operating system, not walked once more by the interpreter's collections at
    exit (a thirtieth of a one-post check), and a Ctrl-C from then on is ignored (pressed twice to stop `--watch`, it
    would interrupt the interpreter's own shutdown). SIGTERM and SIGHUP stop a command as Ctrl-C does (status 143 and
    129). Programs that call `main()` and go on are not affected."""
    import gc
    import signal

    _stop_on_signals()
    status = main()
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the process is ending: a second Ctrl-C (after --watch) is no error
    return status


def main(argv: list[str] | None = None) -> int:
    import gc

    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*thresholds)  # as it was (main() is also called in other programs' processes)


def _main(argv: list[str] | None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if given == ["--version"]:  # what the full parser prints, without importing and registering every command
        print(f"smpseo {__version__}")
        return EXIT_OK
    parser = build_parser(given[0] if given and given[0] in COMMANDS else None)
    Parser.dashed = _dashed_files(given)
    try:
        args = parser.parse_args(argv)
    finally:
        Parser.dashed = ()
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    import os

    from smpseo.app.settings import DEBUG_ENV

    debug_before = os.environ.get(DEBUG_ENV)
    if getattr(args, "debug", False):  # for this process and its workers: a check's bug on a post then raises
        os.environ[DEBUG_ENV] = "1"
    output = _Output(sys.stdout)
    sys.stdout = output
    try:
        status = int(args.run(args) or 0)
        if isinstance(output.lost, OSError):  # a full disk, a closed file: what the command said is lost
            print(f"smpseo: error: the output could not be written: {output.lost.strerror or output.lost}",
                  file=sys.stderr)
            return max(status, EXIT_FINDINGS)
        return status
    except Terminated as exc:
        import signal

        print(f"smpseo: stopped by {signal.Signals(exc.signum).name}", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("smpseo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        from smpseo.core.settings import ConfigError
        from smpseo.model.post import one_line

        if isinstance(exc, ConfigError):
            for line in exc.lines():  # each mistake of the settings, one line each
                print(one_line(f"smpseo: error: {line}"), file=sys.stderr)
            return EXIT_USAGE
        print(one_line(f"smpseo: error: {type(exc).__name__}: {exc} (run with --debug for details)"), file=sys.stderr)
        return EXIT_FINDINGS
    finally:  # as it was: main() is also called in other programs' processes
        sys.stdout = output.stream
        if debug_before is None:
            os.environ.pop(DEBUG_ENV, None)
        else:
            os.environ[DEBUG_ENV] = debug_before


class _Output:
    """Standard output for one command. When the reader goes away (`smpseo import ... | head`) or it cannot be
    written (a full disk), the rest of the output is dropped and the command goes on: every post is still imported,
    and the exit status still says what the run found. `lost`: "pipe" when the reader went away, the error when the
    output could not be written, None."""

    def __init__(self, stream):
        self.stream = stream
        self.lost: str | OSError | None = None

    def write(self, text: str) -> int:
        if self.lost is None:
            try:
                return self.stream.write(text)
            except OSError as exc:
                self._lose(exc)
        return len(text)

    def flush(self) -> None:
        if self.lost is None:
            try:
                self.stream.flush()
            except OSError as exc:
                self._lose(exc)

    def _lose(self, exc: OSError) -> None:
        import os

        self.lost = "pipe" if isinstance(exc, BrokenPipeError) else exc
        try:  # what is still buffered, and the interpreter's last flush, go nowhere rather than fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


if __name__ == "__main__":
    sys.exit(main())
