"""Coding: applying codes to spans, removing and resizing codings, memos and key quotes."""

from __future__ import annotations

from dataclasses import dataclass

from qualcode.core import spans
from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import Code, Coding, Document, MemoTarget
from qualcode.store import Store


@dataclass(frozen=True)
class SpanRef:
    """Where to code: an explicit span, a turn (by index), or a quote to find."""

    start: int | None = None
    end: int | None = None
    turn: int | None = None
    quote: str | None = None


def resolve_span(store: Store, doc: Document, ref: SpanRef) -> tuple[int, int]:
    if ref.turn is not None:
        turns = store.turns.all(doc.id or 0)
        if not 0 <= ref.turn < len(turns):
            raise QualcodeError(f"{doc.name} has turns 0 to {len(turns) - 1}, not {ref.turn}")
        turn = turns[ref.turn]
        if turn.text_start == turn.text_end:
            raise QualcodeError(f"turn {ref.turn} of {doc.name} is empty")
        return turn.text_start, turn.text_end
    if ref.quote is not None:
        found = list(spans.find_quote(doc.text, ref.quote))
        if not found:
            raise QualcodeError(f"{doc.name} does not contain that quote")
        if len(found) > 1:
            raise QualcodeError(f"the quote occurs {len(found)} times in {doc.name}; "
                                "give a longer one or a span")
        return found[0]
    if ref.start is None or ref.end is None:
        raise QualcodeError("say where to code: a span START:END, a turn, or a quote")
    spans.check_span(doc.text, ref.start, ref.end)
    return ref.start, ref.end


def apply_code(store: Store, doc: Document, code: Code, start: int, end: int, *, coder: str,
               memo: str = "", important: bool = False, origin: str = "human") -> Coding:
    """Code ``doc.text[start:end]`` with ``code``. Coding the same span with the same code
    again is refused rather than duplicated."""
    spans.check_span(doc.text, start, end)
    existing = store.codings.find(doc.id or 0, code.id or 0, start, end, coder=coder)
    if existing is not None:
        raise QualcodeError(f"that span is already coded with {code.name!r}")
    with store.action("code", detail=f"{code.name} @ {doc.name}:{start}-{end}", coder=coder):
        coding_id = store.codings.add(Coding(
            document_id=doc.id or 0, code_id=code.id or 0, start=start, end=end,
            text=doc.text[start:end], coder=coder, important=important, origin=origin))
        if memo:
            store.memos.set(MemoTarget.CODING, coding_id, memo, coder)
    return store.codings.get(coding_id)


def remove_coding(store: Store, coding: Coding, *, coder: str = "") -> None:
    with store.action("uncode", detail=f"coding {coding.id}", coder=coder):
        store.codings.delete(coding.id or 0)


def resize_coding(store: Store, coding: Coding, start: int, end: int, *,
                  coder: str = "") -> Coding:
    doc = store.documents.get(coding.document_id)
    spans.check_span(doc.text, start, end)
    # The same coder's coding of that span with that code exists: refuse, as apply_code does.
    same = store.codings.find(coding.document_id, coding.code_id, start, end, coder=coding.coder)
    if same is not None and same.id != coding.id:
        name = store.codes.get(coding.code_id).name
        raise QualcodeError(f"that span is already coded with {name!r}")
    with store.action("resize coding", detail=f"coding {coding.id}", coder=coder):
        store.codings.update(coding.id or 0, start=start, end=end, text=doc.text[start:end])
    return store.codings.get(coding.id or 0)


def set_important(store: Store, coding: Coding, important: bool, *, coder: str = "") -> Coding:
    with store.action("mark important" if important else "unmark important",
                      detail=f"coding {coding.id}", coder=coder):
        store.codings.update(coding.id or 0, important=int(important))
    return store.codings.get(coding.id or 0)


def set_memo(store: Store, target: MemoTarget, target_id: int | None, text: str, *,
             coder: str) -> None:
    """The memo of a document, code or coding (one each); empty text removes it. Project memos
    are added with :func:`add_project_memo`."""
    if target is MemoTarget.PROJECT:
        raise QualcodeError("project memos are added, not set")
    _check_target(store, target, target_id)
    with store.action("memo", detail=f"{target} {target_id}", coder=coder):
        store.memos.set(target, target_id, text.strip(), coder)


def add_project_memo(store: Store, title: str, text: str, *, coder: str) -> int:
    with store.action("memo", detail=f"project: {title}", coder=coder):
        return store.memos.add(MemoTarget.PROJECT, None, text.strip(), coder, title=title)


def _check_target(store: Store, target: MemoTarget, target_id: int | None) -> None:
    if target_id is None:
        raise QualcodeError(f"a {target} memo needs the {target}'s id")
    lookup = {MemoTarget.DOCUMENT: store.documents.get, MemoTarget.CODE: store.codes.get,
              MemoTarget.CODING: store.codings.get}[target]
    try:
        lookup(target_id)
    except NotFound as err:
        raise QualcodeError(str(err)) from None
