from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import MemoTarget
from qualcode.services import codes, coding
from qualcode.store import Store


def apply(store: Store, doc_index: int, code_name: str, start: int, end: int) -> None:
    doc = store.documents.all()[doc_index]
    coding.apply_code(store, doc, codes.find_code(store, code_name), start, end, coder="ana")


def test_find_code_by_path_name_prefix_and_id(seeded: Store) -> None:
    assert codes.find_code(seeded, "Governance > Steering groups").name == "Steering groups"
    assert codes.find_code(seeded, "steering groups").name == "Steering groups"
    assert codes.find_code(seeded, "Know").name == "Knowledge sharing"
    gov = codes.find_code(seeded, "Governance")
    assert codes.find_code(seeded, str(gov.id)) == gov
    with pytest.raises(QualcodeError, match="no code"):
        codes.find_code(seeded, "Finance")


def test_merge_moves_codings_and_children_and_undoes(seeded: Store) -> None:
    before = seeded.overview.snapshot()
    apply(seeded, 0, "Steering groups", 10, 30)
    apply(seeded, 0, "Knowledge sharing", 10, 30)
    apply(seeded, 1, "Steering groups", 40, 60)
    coded = seeded.overview.snapshot()
    source = codes.find_code(seeded, "Steering groups")
    target = codes.find_code(seeded, "Knowledge sharing")
    moved = codes.merge_codes(seeded, source, target, coder="ana")
    assert moved == 1  # the twin on 10:30 was already coded with the survivor
    assert [c.name for c in seeded.codes.all()] == ["Governance", "Knowledge sharing"]
    spans = sorted((c.document_id, c.start, c.end) for c in seeded.codings.all())
    assert len(spans) == 2
    assert {c.code_id for c in seeded.codings.all()} == {target.id}
    seeded.undo()
    assert seeded.overview.snapshot() == coded
    for _ in range(3):
        seeded.undo()
    assert seeded.overview.snapshot() == before


def test_delete_code_removes_subtree_codings_and_memos_and_undo_restores(seeded: Store) -> None:
    apply(seeded, 0, "Steering groups", 10, 30)
    gov = codes.find_code(seeded, "Governance")
    coding.set_memo(seeded, MemoTarget.CODE, gov.id, "why this code", coder="ana")
    coding.set_memo(seeded, MemoTarget.CODING, seeded.codings.all()[0].id, "note", coder="ana")
    before = seeded.overview.snapshot()
    removed = codes.delete_code(seeded, gov, coder="ana")
    assert removed == 1
    assert [c.name for c in seeded.codes.all()] == ["Knowledge sharing"]
    assert seeded.codings.all() == [] and seeded.memos.all() == []
    seeded.undo()
    assert seeded.overview.snapshot() == before


def test_move_rename_and_refuse_cycles(seeded: Store) -> None:
    gov = codes.find_code(seeded, "Governance")
    child = codes.find_code(seeded, "Steering groups")
    with pytest.raises(QualcodeError, match="under itself"):
        codes.move_code(seeded, gov, child)
    moved = codes.move_code(seeded, child, None)
    assert moved.parent_id is None
    with pytest.raises(QualcodeError, match="already there"):
        codes.update_code(seeded, moved, name="governance")
    renamed = codes.update_code(seeded, moved, name="Steering committees", colour="#aa0000")
    assert (renamed.name, renamed.colour) == ("Steering committees", "#aa0000")


def test_codebook_load_is_idempotent_and_merges(store: Store, tmp_path: Path) -> None:
    book = tmp_path / "book.yml"
    book.write_text(
        "codebook: Test\ncodes:\n"
        "  - name: Governance\n    definition: decisions\n"
        "    codes:\n      - name: Boards\n        definition: boards\n")
    assert codes.load_codebook(store, book) == (2, 0)
    snapshot, history = store.overview.snapshot(), store.history()
    assert codes.load_codebook(store, book) == (0, 0)
    assert store.overview.snapshot() == snapshot and store.history() == history
    book.write_text(
        "codebook: Test\ncodes:\n"
        "  - name: Governance\n    definition: how decisions are made\n"
        "    codes:\n      - name: Boards\n        definition: boards\n"
        "  - name: Finance\n")
    assert codes.load_codebook(store, book) == (1, 1)
    assert codes.find_code(store, "Governance").definition == "how decisions are made"
    out = tmp_path / "out.csv"
    codes.export_codebook(store, out)
    fresh = tmp_path / "fresh.qualcode"
    with Store.open(fresh, create=True) as other:
        codes.load_codebook(other, out)
        assert [(c.name, c.guid, c.definition) for c in other.codes.all()] == [
            (c.name, c.guid, c.definition) for c in store.codes.all()]


def test_add_and_rename_follow_the_codebook_file_name_rules(seeded: Store) -> None:
    # One name rule (core.codetree): a name a codebook file would refuse is refused here too,
    # so every code the workbench makes can be exported and read back.
    with pytest.raises(QualcodeError, match="separates a parent from a child"):
        codes.add_code(seeded, "Funding > Grants", coder="ana")
    gov = codes.find_code(seeded, "Governance")
    with pytest.raises(QualcodeError, match="one line"):
        codes.update_code(seeded, gov, name="Gover\nnance", coder="ana")
    with pytest.raises(QualcodeError, match="already there"):
        codes.add_code(seeded, " governance ", coder="ana")
    assert codes.add_code(seeded, " Funding ", coder="ana").name == "Funding"


def test_a_code_cannot_move_under_its_own_sub_code(seeded: Store) -> None:
    gov = codes.find_code(seeded, "Governance")
    with pytest.raises(QualcodeError, match="under itself"):
        codes.move_code(seeded, gov, codes.find_code(seeded, "Steering groups"), coder="ana")
    with pytest.raises(QualcodeError, match="under itself"):
        codes.move_code(seeded, gov, gov, coder="ana")
