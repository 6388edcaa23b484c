"""`smpseo cache info` and `smpseo cache clear`: where the cache is, what it holds, and emptying it.

Only smpseo's own entries are counted and deleted (`smpseo.app.cache.usage`, `remove_entries`), never anything else in
the folder. Both work when the folder does not exist yet (status 0); a cache folder that is a file, cannot be read,
or keeps entries that could not be deleted is one error line, status 1, and so, for `info`, is a folder a run could
not write an entry in or make (read-only, a symbolic link to nothing).
"""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("cache", help="show or clear the analysis cache",
                       description="The analysis cache keeps per-post results and whole check and gaps runs, so a "
                                   "re-run over unchanged posts is fast. Its folder is $SMPSEO_CACHE_DIR, else "
                                   "$XDG_CACHE_HOME/smpseo, else the user cache folder (~/.cache/smpseo on Linux).")
    # the same one-line-error parser as the other commands (`smpseo cache` alone is a usage error, status 2)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    info = actions.add_parser("info", help="the cache folder, whether caching is on, entries and size by kind",
                              description="Print the cache folder, whether caching is on, how many entries it holds "
                                          "and their size, by kind of entry, and the folder's limit "
                                          "($SMPSEO_CACHE_MAX_MB, 500 unless set; 0 for none): past it, the entries "
                                          "used least recently are deleted, once a day at most.")
    info.set_defaults(run=run_info)
    clear = actions.add_parser("clear", help="delete smpseo's cache entries",
                               description="Delete every entry smpseo keeps in the cache folder (nothing else in "
                                           "it) and say how much was freed. Entries are rebuilt on the next run.")
    clear.set_defaults(run=run_clear)


def run_info(args) -> int:
    from smpseo.app import cache
    from smpseo.views.cache import info_lines

    folder = cache.directory()
    if _not_a_folder(folder):
        return 1
    try:
        counts = cache.usage(folder)
    except OSError as exc:
        return _unreadable(folder, exc)
    from smpseo.app.cache_folder import limit
    from smpseo.model.post import one_line

    why = cache.unwritable(folder) if cache.enabled() else None  # tried as a run would write an entry
    print("\n".join(info_lines(folder, folder.is_dir(), cache.enabled(), counts, limit(), why)))
    if why:
        print(one_line(f"smpseo: error: {folder}: the cache folder cannot be written ({why}): nothing new is "
                       "cached"), file=sys.stderr)
        return 1
    return 0


def run_clear(args) -> int:
    from smpseo.app import cache
    from smpseo.model.post import one_line
    from smpseo.views.cache import cleared_line

    folder = cache.directory()
    if _not_a_folder(folder):
        return 1
    kept: list = []
    try:
        freed = cache.remove_entries(folder, kept)
    except OSError as exc:
        return _unreadable(folder, exc)
    print(cleared_line(folder, freed))
    if kept:
        file, why = kept[0]
        print(one_line(f"smpseo: error: {len(kept):,} entr{'y' if len(kept) == 1 else 'ies'} not removed: {why} "
                       f"({file.parent.parent.parent})"), file=sys.stderr)
        return 1
    return 0


def _not_a_folder(folder) -> bool:
    """A cache folder that is a file (SMPSEO_CACHE_DIR set to one): nothing can be cached there; said in one line."""
    from smpseo.model.post import one_line

    if folder.exists() and not folder.is_dir():
        print(one_line(f"smpseo: error: {folder}: the cache folder is a file: nothing is cached (set SMPSEO_CACHE_DIR "
                       "to a folder)"), file=sys.stderr)
        return True
    return False


def _unreadable(folder, exc: OSError) -> int:
    from smpseo.model.post import one_line

    print(one_line(f"smpseo: error: {folder}: cannot read the cache folder: {exc.strerror or exc}"), file=sys.stderr)
    return 1
