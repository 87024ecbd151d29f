"""Any sequence of code, uncode, memo, important, undo and redo actions can be undone back to
the exact initial state, and codings always match the document text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualcode.core.errors import QualcodeError
from qualcode.core.model import MemoTarget
from qualcode.services import coding as coding_service
from qualcode.store import Store

action = st.one_of(
    st.tuples(st.just("code"), st.integers(0, 1), st.integers(0, 2), st.integers(0, 400),
              st.integers(1, 80)),
    st.tuples(st.just("uncode"), st.integers(0, 50)),
    st.tuples(st.just("memo"), st.sampled_from(["document", "code", "coding"]),
              st.integers(0, 50), st.sampled_from(["", "first thought", "a revised, longer memo"])),
    st.tuples(st.just("important"), st.integers(0, 50), st.booleans()),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)


def check_codings(store: Store) -> None:
    texts = {d.id: d.text for d in store.documents.all()}
    for c in store.codings.all():
        assert texts[c.document_id][c.start:c.end] == c.text


def run(store: Store, step: tuple) -> None:  # type: ignore[type-arg]
    docs, codes, codings = store.documents.all(), store.codes.all(), store.codings.all()
    kind = step[0]
    try:
        if kind == "code":
            _, d, k, start, length = step
            doc = docs[d]
            start = min(start, len(doc.text) - 1)
            end = min(len(doc.text), start + length)
            coding_service.apply_code(store, doc, codes[k], start, end, coder="ana")
        elif kind == "uncode" and codings:
            # One coder throughout: this is one person's history (the model-based test in
            # test_store_model.py covers two coders' histories interleaved).
            coding_service.remove_coding(store, codings[step[1] % len(codings)], coder="ana")
        elif kind == "memo":
            _, target, n, text = step
            pool = {"document": docs, "code": codes, "coding": codings}[target]
            if pool:
                coding_service.set_memo(store, MemoTarget(target), pool[n % len(pool)].id, text,
                                        coder="ana")
        elif kind == "important" and codings:
            coding_service.set_important(store, codings[step[1] % len(codings)], step[2],
                                         coder="ana")
        elif kind == "undo":
            store.undo()
        elif kind == "redo":
            store.redo()
    except QualcodeError:
        pass  # e.g. the same span coded twice: refused, nothing stored


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(action, max_size=200) | st.lists(action, min_size=150, max_size=200))
def test_undo_everything_restores_initial_state(tmp_path_factory, steps) -> None:  # type: ignore[no-untyped-def]
    from qualcode.core.model import Code
    from tests.conftest import SAMPLE_TURNS, make_document

    path = tmp_path_factory.mktemp("undo") / "p.qualcode"
    with Store.open(path, create=True) as store:
        with store.action("seed", undoable=False):
            for name in ("a.txt", "b.txt"):
                doc, turns = make_document(name, SAMPLE_TURNS if name == "a.txt"
                                           else list(reversed(SAMPLE_TURNS)))
                store.documents.add(doc, turns)
            for n, name in enumerate(["Governance", "Knowledge sharing", "Challenges"]):
                store.codes.add(Code(name=name, guid=f"g{n}", position=n))
        initial = store.overview.snapshot()
        for step in steps:
            run(store, step)
            check_codings(store)
        while store.undo() is not None:
            check_codings(store)
        assert store.overview.snapshot() == initial
        # and everything can be redone again without error
        while store.redo() is not None:
            check_codings(store)
