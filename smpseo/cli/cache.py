"""`smpseo cache info` and `smpseo cache clear`: where the cache is, what it holds, and emptying it.

Only smpseo's own entries are counted and deleted (`smpseo.app.cache.usage`, `remove_entries`), never anything else in
the folder. Both work when the folder does not exist yet; the exit status is 0.
"""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("cache", help="show or clear the analysis cache",
                       description="The analysis cache keeps per-post results and whole check and gaps runs, so a "
                                   "re-run over unchanged posts is fast. Its folder is $SMPSEO_CACHE_DIR, else "
                                   "$XDG_CACHE_HOME/smpseo, else the user cache folder (~/.cache/smpseo on Linux).")
    # the same one-line-error parser as the other commands (`smpseo cache` alone is a usage error, status 2)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    info = actions.add_parser("info", help="the cache folder, whether caching is on, entries and size by kind",
                              description="Print the cache folder, whether caching is on, and how many entries it "
                                          "holds and their size, by kind of entry.")
    info.set_defaults(run=run_info)
    clear = actions.add_parser("clear", help="delete smpseo's cache entries",
                               description="Delete every entry smpseo keeps in the cache folder (nothing else in "
                                           "it) and say how much was freed. Entries are rebuilt on the next run.")
    clear.set_defaults(run=run_clear)


def run_info(args) -> int:
    from smpseo.app import cache
    from smpseo.views.cache import info_lines

    folder = cache.directory()
    print("\n".join(info_lines(folder, folder.is_dir(), cache.enabled(), cache.usage(folder))))
    return 0


def run_clear(args) -> int:
    from smpseo.app import cache
    from smpseo.views.cache import cleared_line

    folder = cache.directory()
    print(cleared_line(folder, cache.remove_entries(folder)))
    return 0
