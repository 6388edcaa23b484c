"""`smpseo import SOURCE... --to DIR [--force]`: bring posts in from a dump, HTML pages, a WordPress export or a site.

One `DIR/<slug>.md` per post, written atomically. An existing file is kept unless `--force`. A source that cannot
be read is reported (exit status 1) and the others are still written.
"""

from __future__ import annotations

import os
import re
import sys


def register(sub) -> None:
    p = sub.add_parser(
        "import",
        help="turn a text dump, HTML pages, a WordPress export or a site's pages into Markdown posts",
        description="Write one Markdown file (with front matter) per post found in the sources. A SOURCE is a "
        ".txt dump, an .html/.htm page, a WordPress export (.xml), or an http(s):// address of a page or a "
        "sitemap.xml.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="file, or http(s):// page or sitemap address")
    p.add_argument("--to", required=True, metavar="DIR", dest="to", help="folder to write the posts to (created "
                   "if missing)")
    p.add_argument("--force", action="store_true", help="overwrite posts that already exist")
    from smpseo.cli.common import seconds

    p.add_argument("--timeout", type=seconds, default=10.0, metavar="SECONDS",
                   help="per-request timeout for http(s) sources (default: 10)")
    p.set_defaults(run=run)


def read_source(source: str, timeout: float = 10.0):
    """(posts, errors) for one source: a file, or an http(s) page or sitemap."""
    from smpseo.model.post import ReadError
    from smpseo.sources.readers import post_warnings, read_file
    from smpseo.sources.readers.decode import SourceError

    if re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", source):  # an address: http(s) only, never file:// or ftp://
        from smpseo.sources.readers.web import fetch_posts

        return fetch_posts(source, timeout=timeout)
    try:
        posts = read_file(source)
    except SourceError as exc:  # a cut-off export still gives the posts complete before the cut
        return exc.posts, [ReadError(exc.path, exc.message, exc.line), *post_warnings(source, exc.posts)]
    except RecursionError:
        return [], [ReadError(source, "structure nested too deeply to read")]
    return posts, post_warnings(source, posts)


def _taken(path, post) -> bool:
    """Whether a numbered name (`slug-2.md`) is another file's: there, and not this post's own earlier import (the
    same `source` in its front matter), so that a second post of a slug never lands on a file the user made, and a
    second run still finds the first run's file and keeps it."""
    if not os.path.lexists(path):
        return False
    if not post.source or os.path.islink(path):
        return True
    from smpseo.sources.readers.decode import SourceError
    from smpseo.sources.readers.frontmatter import split_front_matter

    try:
        fields = split_front_matter(path.read_text(encoding="utf-8", errors="replace"), str(path))[0]
    except (OSError, SourceError):
        return True
    return fields.get("source") != post.source


def _images_kept_in_view(post, source: str, folder) -> None:
    """A page saved with its pictures beside it (`care_files/photo.jpg`, as a browser's "Save page as" leaves them)
    keeps them in view from the folder its post is written to: an image's relative address that names a file
    beside the source is rewritten relative to `folder`. Addresses of the web, of the site's root, and of files not
    there are left as written."""
    from dataclasses import replace
    from pathlib import Path
    from urllib.parse import quote, unquote

    base = Path(source).parent
    for block in post.blocks:
        for i, img in enumerate(block.images):
            src = img.src.strip()
            if not src or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|[/#\\]", src):
                continue
            found = base / unquote(re.split(r"[?#]", src, maxsplit=1)[0])
            try:
                if not found.is_file():
                    continue
                moved = os.path.relpath(os.path.abspath(found), os.path.abspath(folder))
            except (OSError, ValueError):  # a name the system refuses; another drive (Windows)
                continue
            block.images[i] = replace(img, src=quote(Path(moved).as_posix(), safe="/._-~()!$&'*+,;=:@"))


def run(args) -> int:
    from pathlib import Path

    from smpseo.model.post import one_line
    from smpseo.sources.writer import safe_slug, write_post

    folder = Path(args.to)
    if folder.exists() and not folder.is_dir():
        print(one_line(f"smpseo import: error: {folder}: not a folder"), file=sys.stderr)
        return 2
    in_the_way = next((p for p in folder.parents if p.exists() and not p.is_dir()), None)
    if in_the_way is not None:  # `--to notes.txt/posts`: each post said 'Not a directory', each on its own line
        print(one_line(f"smpseo import: error: {folder}: not a folder ({in_the_way} is a file in the way)"),
              file=sys.stderr)
        return 2
    from smpseo.cli.common import missing_paths

    if missing_paths([s for s in args.sources if not re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", s)]):
        return 2
    status = 0
    used: set[str] = set()
    for source in args.sources:
        is_url = bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", source))
        if not is_url and Path(source).is_dir():
            print(one_line(f"{source}: error: a folder; name the files to import"), file=sys.stderr)
            status = 1
            continue
        try:
            posts, errors = read_source(source, timeout=args.timeout)
        except Exception as exc:
            if args.debug:
                raise
            posts, errors = [], []
            print(one_line(f"{source}: error: could not be read: {type(exc).__name__}: {exc}"), file=sys.stderr)
            status = 1
        for err in errors:
            print(str(err), file=sys.stderr)
            if err.severity == "error":
                status = 1
        for post in [p for p in posts if p.not_a_post == "redirect page"]:  # no text; it sends the reader elsewhere
            print(one_line(f"{post.path or source}: info: a redirect page to {post.meta['refresh']}, not a post: "
                           "not imported"), file=sys.stderr)
        posts = [p for p in posts if p.not_a_post != "redirect page"]
        if posts and not folder.is_dir():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # said once, not once for every post
                print(one_line(f"smpseo import: error: {folder}: cannot make the folder: {exc.strerror or exc}; "
                               "nothing imported"), file=sys.stderr)
                return 1
        for post in posts:
            if not is_url:
                _images_kept_in_view(post, source, folder)
            base = safe_slug(post.slug or post.title)
            slug, n = base, 1
            while slug in used or (n > 1 and not args.force and _taken(folder / f"{slug}.md", post)):
                n += 1  # a second post of a slug takes the first free number, never a file already there
                slug = f"{base}-{n}"
            used.add(slug)
            target = folder / f"{slug}.md"
            try:
                written = write_post(post, folder, force=args.force, slug=slug)
            except FileExistsError:
                print(one_line(f"skipped, exists: {target}"))
                continue
            except (OSError, ValueError) as exc:
                print(one_line(f"{target}: error: {getattr(exc, 'strerror', None) or exc}"), file=sys.stderr)
                status = 1
                continue
            print(one_line(f"wrote {written}  ({post.title})"))
    return status
