"""Exporting transcripts for archiving or sharing: plain text copies, pseudonymised by the
register when asked, with every coding's offsets carried onto the copy.

The folder gets one ``.txt`` per document (named ``document-01.txt`` ... when pseudonymised,
since file names often name the interviewee), ``codings.csv`` in the bulk codings format
(document, code, start, end, text, coder, memo, important) whose offsets are valid in the
copies, and ``README.txt`` saying what was done. Each file is written whole or not at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from qualcode.core.files import atomic_write
from qualcode.services import pseudonyms
from qualcode.services.codes import code_paths, path_text
from qualcode.store import Store

CODINGS_HEADER = ["document", "code", "start", "end", "text", "coder", "memo", "important"]


@dataclass(frozen=True)
class TranscriptExport:
    folder: Path
    documents: int
    codings: int
    pseudonymised: bool


def export_transcripts(store: Store, folder: Path, *, pseudonymised: bool) -> TranscriptExport:
    replace = pseudonyms.replacer(store) if pseudonymised else None
    paths = {i: path_text(p) for i, p in code_paths(store.codes.all()).items()}
    docs = store.documents.all()
    rows: list[list[object]] = []
    for number, doc in enumerate(docs, 1):
        name = f"document-{number:02d}.txt" if pseudonymised else f"{Path(doc.name).stem}.txt"
        if replace is not None:
            text, offsets = replace.apply(doc.text)
        else:
            text, offsets = doc.text, None
        with atomic_write(folder / name, parents=True, encoding="utf-8", newline="") as out:
            out.write(text)
        for coding in store.codings.all(document_id=doc.id):
            start = offsets.start(coding.start) if offsets else coding.start
            end = offsets.end(coding.end) if offsets else coding.end
            memo = replace(coding.memo) if replace is not None else coding.memo
            rows.append([name, paths.get(coding.code_id, ""), start, end, text[start:end],
                         coding.coder, memo, "yes" if coding.important else ""])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CODINGS_HEADER)
    writer.writerows(rows)
    with atomic_write(folder / "codings.csv", encoding="utf-8", newline="") as out:
        out.write(buffer.getvalue())
    note = ("Pseudonymised with the project's identifier register: people, contacts and "
            "addresses replaced unless kept; document names replaced by numbers."
            if pseudonymised else "Not pseudonymised: these files contain what the "
            "interviews said, names included.")
    with atomic_write(folder / "README.txt", encoding="utf-8") as out:
        out.write(f"Transcripts exported by qualcode: {len(docs)} documents, {len(rows)} "
                  f"codings.\n{note}\nOffsets in codings.csv are code-point positions into "
                  "each .txt file (UTF-8, LF line ends), as `qualcode codings import` reads "
                  "them.\n")
    return TranscriptExport(folder, len(docs), len(rows), pseudonymised)
