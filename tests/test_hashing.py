"""`smpseo.core.hashing` gives hashlib's digests, with CPython's own SHA-256 for small inputs and OpenSSL's past a
megabyte."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys

import pytest

from smpseo.core import hashing


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 1000, 100_000])
def test_digests_are_hashlibs(size):
    data = os.urandom(size)
    assert hashing.sha256(data) == hashlib.sha256(data).hexdigest()
    assert hashing.blake2b(data, digest_size=8) == hashlib.blake2b(data, digest_size=8).hexdigest()
    assert hashing.blake2b(data) == hashlib.blake2b(data).hexdigest()


@pytest.mark.parametrize("size", [0, 10, hashing.OPENSSL_AFTER - 1, hashing.OPENSSL_AFTER,
                                  hashing.OPENSSL_AFTER + 1, 3 * hashing.OPENSSL_AFTER + 7])
def test_a_file_digest_is_hashlibs(size):
    data = os.urandom(size)
    handle = io.BytesIO(b"skipped" + data)
    handle.read(7)  # what is left in the file is hashed, as hashlib.file_digest does
    assert hashing.file_sha256(handle) == hashlib.file_digest(io.BytesIO(data), "sha256").hexdigest()


def test_openssl_is_loaded_only_past_a_megabyte():
    script = ("import sys; from smpseo.core import hashing as h; h.sha256(b'x' * 1000); a = 'hashlib' in sys.modules; "
              "d = h.sha256(b'y' * h.OPENSSL_AFTER); b = 'hashlib' in sys.modules; "
              "import hashlib; print(a, b, d == hashlib.sha256(b'y' * h.OPENSSL_AFTER).hexdigest(), "
              "h.sha256(b'z') == hashlib.sha256(b'z').hexdigest())")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "True", "True", "True"], out.stderr
