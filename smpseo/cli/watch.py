"""`smpseo check --watch PATH...`: check, then check again on every save and print what changed; Ctrl-C stops."""

from __future__ import annotations

import sys

from smpseo.cli.common import load_config_for, report_read_errors


def watch(args, rules: list[str] | None, blog) -> int:
    """`rules`: the rules `--select`/`--ignore` leave; `blog`: the blog's folder when the paths are some of its files."""
    from smpseo.app.watch import Watcher, backend
    from smpseo.core.settings import ConfigError
    from smpseo.views.watch import changes_text

    if args.format != "text" or args.quiet:
        print("smpseo check: --watch prints text; leave out --format and --quiet", file=sys.stderr)
        return 2
    working = [load_config_for(args, args.paths)]  # the latest settings that could be read
    shown: set[str] = set()  # lines about unreadable files printed already

    def settings():
        try:
            found = load_config_for(args, args.paths)
        except ConfigError as exc:  # a half-edited smpseo.toml: keep the settings that worked
            print(f"smpseo: {exc}; keeping the previous settings", file=sys.stderr, flush=True)
            return working[0]
        before, now = getattr(working[0], "path", None), getattr(found, "path", None)
        if before != now:  # the settings file removed, put back or another found: the checks change with it
            said = f"now checking with {now}" if now else "now checking with the default settings"
            print(f"smpseo: settings {'file ' + str(before) + ' gone' if before else 'file found'}; {said}",
                  file=sys.stderr, flush=True)
        working[0] = found
        return working[0]

    def report(changes) -> None:
        import os
        from pathlib import Path

        from smpseo.model.post import ReadError

        said = {os.path.normpath(e.path) for e in changes.result.errors}  # `posts/` is said as `posts`
        gone = [ReadError(str(p), "no such file or folder") for p in args.paths if not Path(p).exists()
                and os.path.normpath(str(p)) not in said]  # a post named, then deleted
        errors = [*changes.result.errors, *gone]
        report_read_errors([e for e in errors if str(e) not in shown])
        shown.clear()
        shown.update(str(e) for e in errors)
        print("\n".join(changes_text(changes)))
        if changes.first:
            print(f"smpseo: watching {', '.join(map(str, args.paths))} for changes (Ctrl-C stops)")
        sys.stdout.flush()

    extra = [working[0].path] if working[0].path else []
    watcher = Watcher(list(args.paths), settings, args.keyphrase, rules, drafts=args.drafts, blog=blog)
    watched = [*args.paths, *([blog] if blog is not None else [])]
    try:
        watcher.run(backend(watched, poll=args.poll, extra=extra), report)
    except KeyboardInterrupt:
        print("smpseo: stopped watching", file=sys.stderr)
    return 0
