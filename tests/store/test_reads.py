"""Reads of the store that other processes and the lists rely on: committed changes seen by a
second handle, full-text search, and the documents list's counts (moved from
tests/services: they test the store's reads, with the services only to make the codings)."""

from __future__ import annotations

from qualcode.services import codes, coding
from qualcode.store import Store


def test_second_process_sees_committed_change(seeded: Store) -> None:
    doc = seeded.documents.all()[0]
    code = codes.find_code(seeded, "Governance")
    coding.apply_code(seeded, doc, code, 40, 60, coder="ana")
    with Store.open(seeded.path) as other:
        assert [(c.start, c.end) for c in other.codings.all()] == [(40, 60)]


def test_search_finds_turns_and_survives_bad_syntax(seeded: Store) -> None:
    hits = seeded.overview.search("webinar*")
    assert {h.document_name for h in hits} == {"a.txt", "b.txt"}
    assert all("[" in h.snippet for h in hits)
    assert len(seeded.overview.search("steering \"group")) == 2  # unbalanced quote: no crash
    seeded.overview.search("AND OR")  # operators alone: no crash


def test_coded_share_counts_respondent_text_under_codings_once(seeded: Store) -> None:
    doc = seeded.documents.all()[0]
    turns = seeded.turns.all(doc.id or 0)
    said = [t for t in turns if t.role.value == "respondent"]
    total = sum(t.text_end - t.text_start for t in said)
    gov = codes.find_code(seeded, "Governance")
    know = codes.find_code(seeded, "Knowledge sharing")
    first = said[0]
    # Two overlapping codings inside one respondent turn, and one on an interviewer turn.
    coding.apply_code(seeded, doc, gov, first.text_start, first.text_start + 10, coder="a")
    coding.apply_code(seeded, doc, know, first.text_start + 5, first.text_start + 20, coder="a")
    asked = next(t for t in turns if t.role.value == "interviewer")
    coding.apply_code(seeded, doc, gov, asked.text_start, asked.text_end, coder="a")
    info = next(i for i in seeded.documents.infos() if i.id == doc.id)
    assert (info.respondent_chars, info.coded_respondent_chars) == (total, 20)
    assert info.words == len(doc.text.split()) and info.codings == 3


def test_document_infos_for_some_documents_match_the_full_list(seeded: Store) -> None:
    doc = seeded.documents.all()[1]
    coding.apply_code(seeded, doc, codes.find_code(seeded, "Governance"), 5, 40, coder="a")
    every = {i.id: i for i in seeded.documents.infos()}
    assert seeded.documents.infos([doc.id or 0]) == [every[doc.id]]
    assert seeded.documents.infos([]) == []


def test_turn_spans_are_every_documents_turns_in_order(seeded: Store) -> None:
    from qualcode.core.model import Role
    from qualcode.services.speakers import set_role

    doc = seeded.documents.all()[0]
    asked = next(t for t in seeded.turns.all(doc.id or 0) if t.role is Role.INTERVIEWER)
    set_role(seeded, doc, asked.speaker or "", Role.RESPONDENT, coder="a")  # after import
    spans = seeded.turns.spans()
    assert set(spans) == {d.id for d in seeded.documents.all()}
    for doc_id, found in spans.items():
        assert [(t.index, t.start, t.end, t.text_start, t.text_end, t.role)
                for t in found] == [(t.index, t.start, t.end, t.text_start, t.text_end, t.role)
                                    for t in seeded.turns.all(doc_id)]
    assert spans[doc.id or 0][asked.index].role is Role.RESPONDENT
