"""Finding, creating and opening the project file."""

from __future__ import annotations

import os
from pathlib import Path

from qualcode.core.errors import QualcodeError
from qualcode.store import Store

DEFAULT_NAME = "project.qualcode"
ENV_VAR = "QUALCODE_PROJECT"


def project_path(explicit: str | Path | None = None) -> Path:
    """``--project`` wins, then $QUALCODE_PROJECT, then ./project.qualcode."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return Path.cwd() / DEFAULT_NAME


def init_project(path: Path) -> Store:
    if path.exists():
        raise QualcodeError(f"{path}: a file is already there; open it with --project")
    path.parent.mkdir(parents=True, exist_ok=True)
    return Store.open(path, create=True)


def open_project(path: Path) -> Store:
    return Store.open(path)


def default_coder() -> str:
    """Who is coding: $QUALCODE_CODER, else the login name."""
    return os.environ.get("QUALCODE_CODER") or os.environ.get("USER") or "coder"
