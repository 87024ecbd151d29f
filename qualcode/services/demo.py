"""Building the demo project from the shipped fictional transcripts and codebook.

Built in a temporary file beside the target and moved into place only when complete, so an
interrupted build never leaves a half-built demo behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from qualcode.core.errors import QualcodeError
from qualcode.services import cases, codes, demo_coding, demo_synthesis, importing
from qualcode.services.privacy_file import apply_privacy_file
from qualcode.store import Store

# The consultant's own name labels the interviewer in two demo transcripts.
DEMO_INTERVIEWERS = ("Marta Kovač",)


def build_demo(path: Path, transcripts: Path, codebook: Path, *, coder: str) -> list[str]:
    if not transcripts.is_dir():
        raise QualcodeError(f"{transcripts}: no such folder")
    tmp = path.with_name(f".{path.name}.building")
    for leftover in _files_of(tmp):
        leftover.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    with Store.open(tmp, create=True) as store:
        importing.add_interviewer_names(store, DEMO_INTERVIEWERS)
        report = importing.import_paths(store, [transcripts], coder=coder)
        if report.errors:
            raise QualcodeError("demo transcripts: " + "; ".join(report.errors))
        lines.append(f"imported {len(report.imported)} transcripts from {transcripts}")
        cases_csv = transcripts / "cases.csv"
        if cases_csv.exists():
            rows = cases.import_attributes(store, cases_csv, coder=coder)
            lines.append(f"attributes for {rows} cases from {cases_csv}")
        added, _ = codes.load_codebook(store, codebook, coder=coder)
        lines.append(f"{added} codes from {codebook}")
        coding_file = transcripts / "demo-coding.yml"
        if coding_file.exists():
            count = demo_coding.apply_demo_coding(store, coding_file)
            lines.append(f"{count} codings by {demo_coding.DEMO_CODER} from {coding_file}")
        synthesis_file = transcripts / "demo-synthesis.yml"
        if synthesis_file.exists():
            done = demo_synthesis.apply_demo_synthesis(store, synthesis_file,
                                                       coder=demo_coding.DEMO_CODER)
            lines.append(f"{done['findings']} findings, {done['cells']} matrix cells, "
                         f"{done['profiles']} profiles and {done['sections']} report sections "
                         f"from {synthesis_file}")
        privacy = transcripts / "privacy.yml"
        if privacy.exists():
            decided = apply_privacy_file(store, privacy, coder=coder)
            lines.append(f"identifier register scanned, {decided} decisions from {privacy}")
    os.replace(tmp, path)
    for leftover in _files_of(tmp):
        leftover.unlink()
    lines.append(f"demo project ready: {path}")
    return lines


def _files_of(db: Path) -> list[Path]:
    return [p for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"))
            if p.exists()]
