"""Signed links to files that a browser tab of ``qualcode serve`` may download.

The server makes a random key and hands it to each tab's workbench process through the
environment. A workbench signs the path of a file it has just written (the Word report);
the server serves a path only with a valid, unexpired signature, so the page can never ask
for any other file on the machine. (Textual's own file delivery streams chunks through the
same pipe as the screen from another thread, which corrupts both under load.)
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlencode

KEY_ENV = "QUALCODE_SERVE_KEY"  # hex; set by the server for the workbench processes it starts
ROUTE = "/files"
LIFETIME_SECONDS = 600


def signature(key: bytes, path: str, expires: int) -> str:
    message = f"{path}\n{expires}".encode("utf-8", "surrogateescape")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def link(key: bytes, path: Path, now: float | None = None) -> str:
    """A same-origin URL (path and query) that downloads ``path`` for a while."""
    expires = int(now if now is not None else time.time()) + LIFETIME_SECONDS
    target = str(path.resolve())
    return f"{ROUTE}?" + urlencode(
        {"path": target, "expires": expires, "sig": signature(key, target, expires)})


def verify(key: bytes, query: Mapping[str, str], now: float | None = None) -> Path | None:
    """The file a link's query names, or None if it is not one we signed or has expired."""
    path, sig = query.get("path", ""), query.get("sig", "")
    try:
        expires = int(query.get("expires", ""))
    except ValueError:
        return None
    if not path or expires < (now if now is not None else time.time()):
        return None
    if not hmac.compare_digest(sig, signature(key, path, expires)):
        return None
    return Path(path)


def key_from_env(environ: Mapping[str, str]) -> bytes | None:
    try:
        return bytes.fromhex(environ.get(KEY_ENV, "")) or None
    except ValueError:
        return None
