"""Deterministic GUIDs for what qualcode keeps without one (uuid5 over stable keys), so that
exporting the same project twice gives the same file and a re-export's diff is small."""

from __future__ import annotations

import uuid

# qualcode's own namespace for uuid5 (a fixed random UUID; never change it).
NAMESPACE = uuid.UUID("6f1d2c5e-8a43-4f0b-9c7e-2d5b1a9e3c47")


def stable_guid(kind: str, *key: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join([kind, *map(str, key)])))
