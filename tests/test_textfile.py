"""`core.textfile.read_regular`: the one way a file's bytes are read, for the posts, the files the user names beside
them and the cache's entries."""

from __future__ import annotations

import os

import pytest

from smpseo.app import cache
from smpseo.core.textfile import TooLarge, read_regular
from smpseo.sources.readers import SourceError, read_bytes


def test_a_file_over_the_limit_is_refused_with_its_size_before_it_is_read(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 101)
    assert read_regular(path, 101) == b"x" * 101
    with pytest.raises(TooLarge) as exc:
        read_regular(path, 100)
    assert (exc.value.size, exc.value.limit, exc.value.strerror) == (101, 100, "file too large (101 bytes; the limit "
                                                                                 "is 100)")


def test_a_folder_is_said_to_be_one(tmp_path):
    with pytest.raises(IsADirectoryError):
        read_regular(tmp_path)
    with pytest.raises(SourceError, match="Is a directory"):
        read_bytes(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_never_waited_on_by_any_reader(tmp_path):
    """Opened without waiting (a FIFO with no writer would block the open itself), then refused as it is."""
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        read_regular(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_bytes(fifo)
    assert cache._read_regular(fifo) is None


def test_the_posts_limit_is_said_as_before(tmp_path, monkeypatch):
    import smpseo.sources.readers as readers

    monkeypatch.setattr(readers, "MAX_SOURCE_BYTES", 10)
    path = tmp_path / "video.md"
    path.write_bytes(b"y" * 11)
    with pytest.raises(SourceError) as exc:
        read_bytes(path)
    assert exc.value.message == "file too large to be posts (11 bytes; the limit is 10)"
    with pytest.raises(SourceError, match=r"file too large to be posts \(12 bytes; the limit is 10\)"):
        readers.too_large(path, 12)


def test_a_missing_file_raises_what_the_system_says(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "nope.md")
    assert cache._read_regular(tmp_path / "nope.md") is None
