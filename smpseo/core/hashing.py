"""SHA-256 and BLAKE2b digests without loading OpenSSL for a few small inputs.

Importing `hashlib` loads OpenSSL's libcrypto, about 4 ms of a process that only hashes a post and a few cache keys
(as much as the rest of their hashing many times over). CPython ships its own SHA-256 and BLAKE2b, the modules
hashlib itself falls back to (hashlib's `blake2b` is that module's), which load in a fraction of that and give the
same digests. OpenSSL's SHA-256 is several times faster on large inputs, so once a process has hashed more than
`OPENSSL_AFTER` bytes (a run over a whole blog, a large export) it is loaded and used from then on.
"""

from __future__ import annotations

try:  # CPython's own SHA-256: `_sha2` from 3.12, `_sha256` before
    from _sha2 import sha256 as _builtin_sha256
except ImportError:  # pragma: no cover (depends on the Python version)
    try:
        from _sha256 import sha256 as _builtin_sha256
    except ImportError:
        from hashlib import sha256 as _builtin_sha256
try:
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover (a Python built without it)
    from hashlib import blake2b as _blake2b

OPENSSL_AFTER = 1 << 20  # bytes hashed by SHA-256 in this process after which OpenSSL's is loaded

_sha256 = _builtin_sha256
_hashed = 0


def sha256(data: bytes) -> str:
    """The SHA-256 of `data`, in hexadecimal (`hashlib.sha256(data).hexdigest()`)."""
    global _sha256, _hashed
    if _sha256 is _builtin_sha256:
        _hashed += len(data)
        if _hashed > OPENSSL_AFTER:
            from hashlib import sha256 as openssl_sha256

            _sha256 = openssl_sha256
    return _sha256(data).hexdigest()


def file_sha256(handle) -> str:
    """The SHA-256 of what is left in a file opened for binary reading (`hashlib.file_digest(handle, "sha256")`),
    read a megabyte at a time."""
    data = handle.read(OPENSSL_AFTER)
    more = handle.read(OPENSSL_AFTER)
    if not more:
        return sha256(data)
    import hashlib  # a large file: OpenSSL's SHA-256

    digest = hashlib.sha256(data)
    while more:
        digest.update(more)
        more = handle.read(OPENSSL_AFTER)
    return digest.hexdigest()


def blake2b(data: bytes, *more: bytes, digest_size: int = 64) -> str:
    """The BLAKE2b digest of `data` (followed by `more`, without joining them) of `digest_size` bytes, in hexadecimal
    (as `hashlib.blake2b` gives it)."""
    digest = _blake2b(data, digest_size=digest_size)
    for part in more:
        digest.update(part)
    return digest.hexdigest()


__all__ = ["OPENSSL_AFTER", "blake2b", "file_sha256", "sha256"]
