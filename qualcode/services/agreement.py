"""Inter-coder agreement on the project's codings: per code and overall, on a chosen unit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.analysis.agreement import (
    SCOPES,
    UNITS,
    Agreement,
    CodedSpan,
    DocumentUnits,
    figures,
    reliability_data,
    segment_agreement,
)
from qualcode.analysis.reliability import LEVELS
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code
from qualcode.services.codes import code_paths, find_code, path_text
from qualcode.store import Store


@dataclass(frozen=True)
class AgreementReport:
    coders: tuple[str, ...]
    unit: str
    scope: str
    documents: int
    per_code: list[tuple[str, Agreement]]  # (code path, figures), in codebook order
    overall: Agreement
    group: str | None = None  # the code group compared as one nominal variable
    level: str = "nominal"
    ambiguous: int = 0  # units where a coder applied two codes of the group
    threshold: float | None = None  # segment overlap


def agreement(store: Store, *, coders: Sequence[str] = (), unit: str = "character",
              codes: Sequence[str] = (), group: str | None = None, level: str = "nominal",
              overlap: float = 0.9, scope: str = "all",
              documents: Sequence[str] = ()) -> AgreementReport:
    """Percent agreement, Cohen's kappa and Krippendorff's alpha between coders."""
    if unit not in UNITS:
        raise QualcodeError(f"unknown unit {unit!r} (choose from {', '.join(UNITS)})")
    if scope not in SCOPES:
        raise QualcodeError(f"unknown scope {scope!r} (choose from {', '.join(SCOPES)})")
    if level not in LEVELS:
        raise QualcodeError(f"unknown level {level!r} (choose from {', '.join(LEVELS)})")
    if not 0.0 < overlap <= 1.0:
        raise QualcodeError("--overlap must be a share between 0 and 1 (e.g. 0.9 for 90%)")
    docs = ([store.documents.find(ref) for ref in documents] if documents
            else store.documents.all())
    doc_ids = {d.id for d in docs}
    all_codes = store.codes.all()
    compared, value_of = _compared_codes(store, all_codes, codes, group, level)
    spans = [CodedSpan(c.document_id, c.code_id, c.coder, c.start, c.end)
             for c in store.codings.all(code_ids=[c.id or 0 for c in all_codes])
             if c.document_id in doc_ids]
    chosen = _coders(store, coders, spans, unit)
    paths = code_paths(all_codes)
    code_ids = [c.id or 0 for c in compared]
    if unit == "segment":
        per, overall = segment_agreement([s for s in spans if s.code_id in set(code_ids)],
                                         chosen, code_ids, overlap)
        return AgreementReport(tuple(chosen), unit, scope, len(docs),
                               [(path_text(paths[c]), per[c]) for c in code_ids], overall,
                               threshold=overlap)
    units = [DocumentUnits.of(d.id or 0, d.text,
                              [(t.text_start, t.text_end) for t in store.turns.all(d.id or 0)])
             for d in docs]
    per_code, grouped, ambiguous = reliability_data(units, spans, chosen, unit, value_of,
                                                    code_ids, scope=scope)
    rows = [(path_text(paths[c]), figures(c, per_code[c], chosen)) for c in code_ids]
    if value_of is not None:
        overall = figures(None, grouped, chosen, level)
    else:
        overall = figures(None, [u for c in code_ids for u in per_code[c]], chosen)
    return AgreementReport(tuple(chosen), unit, scope, len(docs), rows, overall,
                           group=group, level=level, ambiguous=ambiguous)


def _compared_codes(store: Store, all_codes: list[Code], refs: Sequence[str],
                    group: str | None, level: str) -> tuple[list[Code], dict[int, object] | None]:
    if group is not None:
        parent = find_code(store, group)
        children = [c for c in all_codes if c.parent_id == parent.id]
        if len(children) < 2:
            raise QualcodeError(f"code {parent.name!r} needs at least two sub-codes to be "
                                "compared as one variable")
        return children, {c.id or 0: _value(c, level) for c in children}
    if level != "nominal":
        raise QualcodeError("--level applies to a --group of codes whose names are numbers")
    if refs:
        return [find_code(store, ref) for ref in refs], None
    return all_codes, None


def _value(code: Code, level: str) -> object:
    if level == "nominal":
        return code.name
    try:
        return float(code.name.strip().split()[0].replace(",", "."))
    except (ValueError, IndexError):
        raise QualcodeError(f"code {code.name!r} does not start with a number, which level "
                            f"{level!r} needs (name the sub-codes 1, 2, 3 ...)") from None


def _coders(store: Store, requested: Sequence[str], spans: list[CodedSpan],
            unit: str) -> list[str]:
    known = store.coders.names()
    if requested:
        missing = [c for c in requested if c not in known]
        if missing:
            raise QualcodeError(f"no coder {missing[0]!r} in the project "
                                f"(coders: {', '.join(known) or 'none'})")
        chosen = list(dict.fromkeys(requested))
    else:
        chosen = [c for c in known if any(s.coder == c for s in spans)]
    if len(chosen) < 2:
        raise QualcodeError(f"agreement needs two or more coders with codings; found "
                            f"{len(chosen)} ({', '.join(chosen) or 'none'})")
    if unit == "segment" and len(chosen) != 2:
        raise QualcodeError("--unit segment compares exactly two coders (give --coders A,B)")
    return chosen
