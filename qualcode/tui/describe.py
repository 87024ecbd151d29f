"""Short texts the workbench shows about documents, cases and codings, and the rows of its
documents list (Textual-free)."""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.core.attributes import format_value
from qualcode.core.model import AttributeType, Case
from qualcode.core.views import DocumentInfo
from qualcode.services.settings import KEY_ATTRIBUTES as KEY_ATTRIBUTES_SETTING
from qualcode.store import Store

_MAX_VALUE = 24


def key_attribute_names(cases: Sequence[Case], types: dict[str, AttributeType],
                        chosen: Sequence[str] | None = None, limit: int = 2) -> list[str]:
    """The attributes to show beside each document: the project's choice if it made one,
    else the short text attributes that tell the most cases apart."""
    if chosen:
        return [name for name in chosen if name in types][:limit]
    scored = []
    for order, (name, kind) in enumerate(types.items()):
        if kind not in (AttributeType.TEXT, AttributeType.BOOLEAN):
            continue
        values = [format_value(c.attributes[name]) for c in cases if name in c.attributes]
        distinct = len(set(values))
        if distinct > 1 and max(len(v) for v in values) <= _MAX_VALUE:
            scored.append((-distinct, order, name))
    return [name for *_, name in sorted(scored)[:limit]]


def share_bar(share: float, width: int = 5) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "▰" * filled + "▱" * (width - filled)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


def excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def document_rows(store: Store, shown: Sequence[DocumentInfo], only: int | None = None
                  ) -> tuple[list[DocumentInfo], dict[int, str]]:
    """The documents list's rows and each one's case details (its key attributes). With
    ``only`` (a document id) and rows ``shown``, just that document is counted again."""
    cases = {c.id: c for c in store.cases.all()}
    names = key_attribute_names(list(cases.values()), store.attributes.types(),
                                store.settings.get(KEY_ATTRIBUTES_SETTING))
    if only is not None and shown:
        fresh = {i.id: i for i in store.documents.infos([only])}
        infos = [fresh.get(i.id, i) for i in shown]
    else:
        infos = store.documents.infos()
    details = {}
    for info in infos:
        case = cases.get(info.case_id)
        if case is not None:
            details[info.id] = " · ".join(format_value(case.attributes[n])
                                          for n in names if n in case.attributes)
    return infos, details
