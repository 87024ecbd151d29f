"""Reading any codebook file a user may bring: qualcode's YAML/CSV, REFI-QDA .qdc, Taguette CSV.

Kept apart from services/exchange.py so that services/codes.py can use it without a cycle.
"""

from __future__ import annotations

from pathlib import Path

from qualcode.codebook import Codebook, read_codebook
from qualcode.exchange.qdc import read_qdc
from qualcode.exchange.taguette import looks_like_taguette, read_codebook_csv


def read_any_codebook(path: Path) -> Codebook:
    path = Path(path)
    if path.suffix.lower() == ".qdc":
        return read_qdc(path)
    if path.suffix.lower() == ".csv" and looks_like_taguette(path):
        return read_codebook_csv(path)
    return read_codebook(path)
