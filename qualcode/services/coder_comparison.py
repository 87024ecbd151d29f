"""The coder-comparison workbook: what each coder did, per code, per document, and how far
they agree, for a methods annex or a consensus meeting."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from qualcode.core.model import Coding
from qualcode.export.workbook import Cell, write_workbook
from qualcode.services.agreement import agreement
from qualcode.services.codes import code_paths, path_text
from qualcode.store import Store


def _covered(codings: list[Coding]) -> int:
    """Characters under at least one of ``codings`` (overlaps counted once per document)."""
    total = 0
    by_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for c in codings:
        by_doc[c.document_id].append((c.start, c.end))
    for spans in by_doc.values():
        reach = -1
        for start, end in sorted(spans):
            if end > reach:
                total += end - max(start, reach)
                reach = end
    return total


def export_coder_comparison(store: Store, dest: Path, *, unit: str = "character") -> int:
    """Write the workbook; returns how many coders it compares."""
    codings = store.codings.all()
    coders = [c for c in store.coders.names() if any(x.coder == c for x in codings)]
    codes = store.codes.all()
    paths = code_paths(codes)
    names = {d.id: d.name for d in store.documents.summaries()}
    per_code: dict[tuple[int, str], list[Coding]] = defaultdict(list)
    per_doc: dict[tuple[int, str], list[Coding]] = defaultdict(list)
    for c in codings:
        per_code[(c.code_id, c.coder)].append(c)
        per_doc[(c.document_id, c.coder)].append(c)
    figures = {}
    if len(coders) >= 2:
        report = agreement(store, coders=coders, unit=unit)
        figures = {a.code_id: a for _name, a in report.per_code}
    code_rows: list[list[Cell]] = []
    for code in codes:
        row: list[Cell] = [path_text(paths[code.id or 0])]
        for coder in coders:
            mine = per_code[(code.id or 0, coder)]
            row += [len(mine), len({c.document_id for c in mine}), _covered(mine)]
        found = figures.get(code.id)
        row += [None if found is None else found.percent,
                None if found is None else found.kappa,
                None if found is None else found.alpha]
        code_rows.append(row)
    code_header = ["code", *[f"{coder} {what}" for coder in coders
                             for what in ("segments", "documents", "characters")],
                   f"agreement ({unit}s)", "Cohen's kappa", "Krippendorff's alpha"]
    doc_rows: list[list[Cell]] = [
        [names[doc_id], *[v for coder in coders for v in (
            len(per_doc[(doc_id, coder)]), len({c.code_id for c in per_doc[(doc_id, coder)]}))]]
        for doc_id in sorted(names, key=lambda i: names[i])]
    doc_header = ["document", *[f"{coder} {what}" for coder in coders
                                for what in ("segments", "codes")]]
    coder_rows: list[list[Cell]] = []
    for coder in coders:
        mine = [c for c in codings if c.coder == coder]
        coder_rows.append([coder, len(mine), len({c.document_id for c in mine}),
                           len({c.code_id for c in mine}), _covered(mine)])
    write_workbook([
        ("By code", code_header, code_rows),
        ("By document", doc_header, doc_rows),
        ("By coder", ["coder", "segments", "documents", "codes", "characters"], coder_rows),
    ], dest)
    return len(coders)
