"""The workbench in a browser tab (``qualcode serve``): files it writes are offered as downloads.

A file is always written where the user asked (beside the project by default), as in the
terminal; in a browser the colleague may be on another machine, so the tab also asks the
browser to download it, through a link that the server signed for this one file
(qualcode.core.download_links).
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App

from qualcode.core.download_links import key_from_env, link


def offer_download(app: App[None], path: Path) -> bool:
    """In a browser tab, have the browser download ``path``; in a terminal, do nothing.
    Returns whether a download was offered."""
    key = key_from_env(os.environ)
    if not app.is_web or key is None:
        return False
    # In the same tab: the server answers with an attachment, so the page stays as it is
    # (a new tab opened without a click would be stopped by pop-up blockers).
    app.open_url(link(key, path), new_tab=False)
    app.notify(f"Your browser is downloading {path.name}.", timeout=5)
    return True
