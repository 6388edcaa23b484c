"""Hostile files, part of `make bench`: how the time to read and check one file grows with its size.

Each case is a file generated here, at two sizes, the second twice the first, checked (or imported, where the case
says so) cold (`SMPSEO_NO_CACHE=1`) in one fresh process (`SMPSEO_WORKERS=1`, so that a pool does not hide what one process does). The time of the larger
over the smaller is about 2 when the work grows with the size, about 4 when it grows with its square: those files
took minutes, or ran past the 20 s a file may take to read, and were then not read at all.

    python benchmarks/hostile.py [--scale X]     # X times the sizes below (a quick run: 0.25)
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = "scalp pigment session healing week density clinic artist hairline".split()


def _deep_html(n: int) -> tuple[str, str]:
    return "deep.html", "<html><body>" + "<div>" * n + "Deep text is here." + "</div>" * n + "</body></html>\n"


def _deep_tables(n: int) -> tuple[str, str]:
    """Tables nested N deep: each was asked for a caption, header cells and a table inside it by a walk of all it
    held."""
    return "tables.html", ("<html><head><title>Deep</title></head><body>" + "<table><tr><td>" * n
                           + "Deep text is here." + "</td></tr></table>" * n + "</body></html>\n")


def _links(n: int) -> tuple[str, str]:
    return "links.md", "# Links\n\n" + " ".join(f"[x{i}](https://example.com/{i})" for i in range(n)) + "\n"


def _stops(n: int) -> tuple[str, str]:
    return "stops.md", "# Stops\n\n" + " ".join(f"{WORDS[i % 9]} {WORDS[(i * 7) % 9]}." for i in range(n)) + "\n"


def _lines(n: int) -> tuple[str, str]:
    """One paragraph of a sentence a line (a poem, an address list, a dump pasted without blank lines)."""
    return "lines.md", "# Lines\n\n" + "\n".join(f"{WORDS[i % 9].capitalize()} {WORDS[(i * 7) % 9]} here."
                                                 for i in range(n)) + "\n"


def _export(n: int) -> tuple[str, str]:
    """A WordPress export written on one line, as some tools write it."""
    items = "".join(
        f"<item><title>Post {i}</title><link>https://example.com/{i}</link><wp:post_name>post-{i}</wp:post_name>"
        f"<wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[<p>Post {i} is "
        + " ".join(WORDS[(i + k) % 9] for k in range(40)) + ".</p><p>It ends here. Call us today.</p>]]>"
        "</content:encoded></item>" for i in range(n))
    return "export.xml", ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
                          'content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>' + items
                          + "</channel></rss>\n")


def _one_word(n: int) -> tuple[str, str]:
    """A paragraph that is one "word" of N escaped references with no space ("\\[1\\]\\[1\\]..."): its findings'
    columns were looked for at each of its thousands of starts, character by character."""
    return "word.md", "# Word\n\n" + "\\[1\\]" * n + "\n"


def _table(n: int) -> tuple[str, str]:
    """A Markdown table of N rows of 1,000 columns: every cell was tokens and a paragraph of its own, 900 times the
    table's size in memory."""
    row = "|" + "a|" * 1000
    return "table.md", "# Table\n\n" + "\n".join([row, "|" + "-|" * 1000] + [row] * n) + "\n"


CASES = [  # what, how it is made, the smaller size[, the command: check unless said]
    ("HTML nested N deep", _deep_html, 25_000),
    ("HTML tables nested N deep", _deep_tables, 5_000),
    ("N links in one paragraph", _links, 10_000),
    ("N full stops that end no sentence", _stops, 30_000),
    ("a paragraph of N lines", _lines, 20_000),
    ("an export of N posts on one line", _export, 250),
    ("the same, imported", _export, 250, "import"),
    ("a paragraph of one word, N escapes", _one_word, 5_000),
    ("a table of N rows of 1,000 columns", _table, 200),
]


def timed(path: Path, command: str = "check") -> float:
    env = {**os.environ, "SMPSEO_NO_CACHE": "1", "SMPSEO_WORKERS": "1", "SMPSEO_PROGRESS": "0"}
    more = ["--to", str(path.parent / "posts")] if command == "import" else []
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "smpseo", command, str(path), *more], env=env, cwd=path.parent,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="times the sizes (0.25: a quick run)")
    args = parser.parse_args(argv)
    print(f"hostile files: smpseo check, cold, one process; {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs")
    print(f"  {'case':36s} {'N':>8s} {'seconds':>8s} {'2N':>8s} {'seconds':>8s} {'ratio':>6s}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for what, make, size, *command in CASES:
            n = max(1, int(size * args.scale))
            seconds = []
            for k, count in enumerate((n, 2 * n)):
                name, text = make(count)
                folder = Path(tmp) / f"{make.__name__}-{'-'.join(command)}{k}"
                folder.mkdir()
                (folder / name).write_text(text, encoding="utf-8")
                seconds.append(timed(folder / name, *command))
            ratio = seconds[1] / seconds[0]
            worst = max(worst, ratio)
            print(f"  {what:36s} {n:8d} {seconds[0]:8.2f} {2 * n:8d} {seconds[1]:8.2f} {ratio:6.2f}")
    print(f"  the largest ratio: {worst:.2f} (about 2: time grows with the size; about 4: with its square)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
