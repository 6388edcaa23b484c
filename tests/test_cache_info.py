"""`smpseo cache info` tells whether a run could write entries, found as a run would find it: a read-only cache
folder or one behind a symbolic link to nothing is one error line, status 1, not "caching: on"."""

from __future__ import annotations

import errno
import os

import pytest

from smpseo.cli import main


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(folder))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    monkeypatch.delenv("SMPSEO_CACHE_MAX_MB", raising=False)
    return folder


def _info(capsys):
    code = main(["cache", "info"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_a_read_only_cache_folder_is_said_so(cache_dir, capsys, monkeypatch):
    """Simulated (a read-only mount, another account's folder), as permissions do not stop a test run as root."""
    cache_dir.mkdir()
    (cache_dir / "notes.txt").write_text("mine")
    real = os.open

    def read_only(path, flags, *args, **kwargs):
        if os.path.dirname(os.path.abspath(path)) == str(cache_dir) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    code, out, err = _info(capsys)
    assert code == 1
    assert out == [f"cache folder: {cache_dir}",
                   f"caching: read only: entries there are read, none is written ({os.strerror(errno.EROFS)})",
                   "entries: 0 (0 B; limit 500.0 MB, SMPSEO_CACHE_MAX_MB)"]
    assert err == (f"smpseo: error: {cache_dir}: the cache folder cannot be written ({os.strerror(errno.EROFS)}): "
                   "nothing new is cached\n")
    assert sorted(p.name for p in cache_dir.iterdir()) == ["notes.txt"]


def test_a_cache_folder_that_is_a_link_to_nothing_is_said_so(cache_dir, tmp_path, capsys):
    cache_dir.symlink_to(tmp_path / "gone")
    code, out, err = _info(capsys)
    assert code == 1
    why = f"a symbolic link to {tmp_path / 'gone'}, which does not exist"
    assert out == [f"cache folder: {cache_dir}", f"caching: off: the folder cannot be made ({why})",
                   "entries: 0 (0 B; limit 500.0 MB, SMPSEO_CACHE_MAX_MB)"]
    assert err == f"smpseo: error: {cache_dir}: the cache folder cannot be written ({why}): nothing new is cached\n"
    assert not (tmp_path / "gone").exists()


def test_a_writable_folder_and_one_not_made_yet_are_on(cache_dir, capsys):
    for made in (False, True):
        code, out, err = _info(capsys)
        assert (code, err) == (0, "")
        assert out[:2] == [f"cache folder: {cache_dir}{'' if made else ' (not created yet)'}", "caching: on"]
        cache_dir.mkdir(exist_ok=True)
    assert list(cache_dir.iterdir()) == []  # the write tried leaves nothing behind


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="tells the file written by its descriptor (Linux)")
def test_a_cache_folder_on_a_full_disk_is_said_so(cache_dir, capsys, monkeypatch):
    """Simulated: on a full disk an empty file is still made, and the first bytes of an entry are not written."""
    cache_dir.mkdir()
    real = os.write

    def full(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(cache_dir)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(os, "write", full)
    code, out, err = _info(capsys)
    assert code == 1
    assert out[1] == f"caching: read only: entries there are read, none is written ({os.strerror(errno.ENOSPC)})"
    assert err == (f"smpseo: error: {cache_dir}: the cache folder cannot be written ({os.strerror(errno.ENOSPC)}): "
                   "nothing new is cached\n")
    assert list(cache_dir.iterdir()) == []
