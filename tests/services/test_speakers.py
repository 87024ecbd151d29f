"""Speakers across a project: inferred roles, one-place fixes, undo, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Role
from qualcode.services import history, importing, speaker_roles, speakers
from qualcode.store import Store
from tests.ingest.helpers import write_docx
from tests.services.speaker_corpus import INTERVIEWER, write_study


def _roles(store: Store) -> dict[tuple[str, str], Role]:
    return {(r.document, r.name): r.role for r in speakers.document_speakers(store)}


def test_interviewer_with_a_personal_name_is_found_without_being_told(
        store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "study"
    folder.mkdir()
    respondents = write_study(folder, count=22)
    report = importing.import_paths(store, [folder])
    assert len(report.imported) == 22 and not report.errors
    roles = _roles(store)
    assert len(roles) == 44
    for (doc, name), role in roles.items():
        expected = Role.INTERVIEWER if name == INTERVIEWER else Role.RESPONDENT
        assert role is expected, (doc, name)
    assert set(respondents) == {name for _, name in roles if name != INTERVIEWER}
    marta = next(s for s in speakers.project_speakers(store) if s.name == INTERVIEWER)
    assert marta.documents == 22 and marta.role == "interviewer"
    assert "22 of 22 documents" in marta.evidence
    turns = [t for d in store.documents.all() for t in store.turns.all(d.id or 0)
             if t.speaker == INTERVIEWER]
    assert len(turns) == 22 * 6 and all(t.role is Role.INTERVIEWER for t in turns)


def _two_documents(store: Store, tmp_path: Path) -> None:
    for name, who in (("a.txt", "Interviewer 1"), ("b.txt", "Interviewer")):
        path = tmp_path / name
        path.write_text(f"FICTIONAL\n{who}: Hello.\nMaja Petrović: Hi. We met in May.\n"
                        f"{who}: Thanks.\nMaja Petrović: Bye now.\n", encoding="utf-8")
    importing.import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])


def test_one_action_sets_a_role_in_every_document_and_undo_reverts_it(
        store: Store, tmp_path: Path) -> None:
    _two_documents(store, tmp_path)
    before = store.overview.snapshot()
    done = speakers.set_role_everywhere(store, "maja petrović", Role.INTERVIEWER, coder="ana")
    assert (done.documents, done.turns) == (2, 4)
    assert {role for (_, name), role in _roles(store).items() if name == "Maja Petrović"} == {
        Role.INTERVIEWER}
    assert all(t.role is Role.INTERVIEWER for d in store.documents.all()
               for t in store.turns.all(d.id or 0) if t.speaker == "Maja Petrović")
    assert history.undo(store).name == "speaker role"
    assert store.overview.snapshot() == before
    with pytest.raises(QualcodeError, match="no speaker 'Nobody'"):
        speakers.set_role_everywhere(store, "Nobody", Role.INTERVIEWER)


def test_rename_merges_numbered_interviewer_and_undo_splits_again(
        store: Store, tmp_path: Path) -> None:
    _two_documents(store, tmp_path)
    before = store.overview.snapshot()
    speakers.rename(store, "Interviewer 1", "Interviewer")
    names = {name for _, name in _roles(store)}
    assert names == {"Interviewer", "Maja Petrović"}
    listed = {s.name: s for s in speakers.project_speakers(store)}
    assert listed["Interviewer"].documents == 2 and listed["Interviewer"].turns == 4
    history.undo(store)
    assert store.overview.snapshot() == before


def test_merge_within_a_document_moves_turns_to_the_kept_speaker(
        store: Store, tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("FICTIONAL\nInterviewer: One?\nAna Lima: Yes.\nInterviewer 1: Two?\n"
                    "Ana Lima: No.\nInterviewer: Three?\nAna Lima: Maybe.\n", encoding="utf-8")
    importing.import_paths(store, [path])
    before = store.overview.snapshot()
    speakers.rename(store, "Interviewer 1", "interviewer")
    doc = store.documents.all()[0]
    assert [t.speaker for t in store.turns.all(doc.id or 0)][1:4] == [
        "Interviewer", "Ana Lima", "Interviewer"]
    assert len(store.speakers.all(doc.id)) == 2
    history.undo(store)
    assert store.overview.snapshot() == before


def test_interviewer_option_applies_to_documents_already_imported(
        store: Store, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("FICTIONAL\nAna Lima: Hello.\nBo Chen: Well, hello.\nAna Lima: Right.\n"
                    "Bo Chen: Yes indeed.\n", encoding="utf-8")
    importing.import_paths(store, [path])
    assert _roles(store)[("d.txt", "Ana Lima")] is Role.RESPONDENT
    importing.add_interviewer_names(store, ["ana lima"])
    assert speaker_roles.apply_interviewer_names(store, ["ana lima"]) == 1
    assert _roles(store)[("d.txt", "Ana Lima")] is Role.INTERVIEWER
    history.undo(store)
    assert _roles(store)[("d.txt", "Ana Lima")] is Role.RESPONDENT


def test_redetect_keeps_text_and_codings_and_is_undoable(store: Store, tmp_path: Path) -> None:
    from qualcode.services import codes, coding

    path = tmp_path / "e.md"
    text = ("FICTIONAL\n\n**Interviewer** How did it start?\n\n"
            "**Ana Lima** With three people.\n\n**Interviewer** And now?\n\n"
            "**Ana Lima** Twelve.\n")
    path.write_text(text, encoding="utf-8")
    importing.import_paths(store, [path])
    doc = store.documents.all()[0]
    # Pretend the document was imported by older rules: one note turn.
    from qualcode.ingest import SpeakerRules
    from qualcode.ingest.turns import cut_turns
    from qualcode.store import speaker_edits

    with store.action("old rules", undoable=False):
        speaker_edits.replace_turns(store, doc.id or 0, doc.text,
                                    cut_turns(doc.text, [], SpeakerRules()))
    code = codes.add_code(store, "Growth")
    start = doc.text.index("Twelve")
    coding.apply_code(store, doc, code, start, start + 6, coder="ana")
    before = store.overview.snapshot()
    assert speaker_roles.redetect(store, doc) == (1, 5)
    assert [t.speaker for t in store.turns.all(doc.id or 0)] == [
        None, "Interviewer", "Ana Lima", "Interviewer", "Ana Lima"]
    assert store.documents.get(doc.id or 0).text == text
    kept = store.codings.all(document_id=doc.id)
    assert [k.text for k in kept] == ["Twelve"] and doc.text[kept[0].start:kept[0].end] == "Twelve"
    history.undo(store)
    assert store.overview.snapshot() == before


def test_same_interview_as_txt_and_docx_is_imported_once(store: Store, tmp_path: Path) -> None:
    lines = ["FICTIONAL TRANSCRIPT - invented for tests.",
             "Interviewer: How did the network start in your region?",
             "Ana Lima: With three agencies and a shared list of referrals, back in 2016.",
             "Interviewer: Who pays for the coordination today?",
             "Ana Lima: A foundation grant, renewed every two years, and small fees."]
    (tmp_path / "ana.txt").write_text("\n\n".join(lines), encoding="utf-8")  # no final newline
    write_docx(tmp_path / "ana.docx", [[(line, False)] for line in lines])
    report = importing.import_paths(store, [tmp_path / "ana.docx", tmp_path / "ana.txt"])
    assert report.imported == ["ana.docx"]
    assert len(report.duplicates) == 1 and "ana.txt" in report.duplicates[0]
    assert "same interview as ana.docx" in report.duplicates[0]
    assert len(store.documents.all()) == 1
    again = importing.import_paths(store, [tmp_path / "ana.txt"], allow_duplicates=True)
    assert again.imported == ["ana.txt"]


def test_unsupported_files_in_a_folder_are_listed(store: Store, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("FICTIONAL\nInterviewer: Hi?\nAna: Hello.\n")
    (tmp_path / "codes.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "project.qdpx").write_bytes(b"PK\x03\x04")
    report = importing.import_paths(store, [tmp_path])
    assert report.imported == ["one.txt"]
    assert sorted(Path(s.split(":")[0]).name for s in report.skipped) == [
        "codes.xlsx", "project.qdpx"]


def test_import_summary_flags_suspicious_shapes(store: Store, tmp_path: Path) -> None:
    (tmp_path / "mono.txt").write_text(
        "FICTIONAL\nInterviewer: " + "I talk and talk about the network. " * 30 +
        "\nAna Lima: Yes.\nInterviewer: Fine.\nAna Lima: Ok.\n", encoding="utf-8")
    (tmp_path / "solo.txt").write_text("FICTIONAL\nAna Lima: I keep a diary of the work.\n"
                                       "Ana Lima: Then more.\n", encoding="utf-8")
    prompts = "".join(f"Lea Roth: Tell me about part {n}.\nBo Chen: " + "Well, it went fine. " * 8
                      + "\n" for n in range(4))
    (tmp_path / "brief.txt").write_text("FICTIONAL\n" + prompts, encoding="utf-8")
    report = importing.import_paths(store, [tmp_path])
    flags = {s.document: s.flags for s in report.summaries}
    guess = "Lea Roth is interviewer by a guess (says "
    assert any(f.startswith(guess) for f in flags["brief.txt"])
    assert any("Interviewer (interviewer) has 9" in f for f in flags["mono.txt"])
    assert "only one speaker (Ana Lima)" in flags["solo.txt"]
    assert "no interviewer found" in flags["solo.txt"]
    line = next(s for s in report.summaries if s.document == "mono.txt").line()
    assert line.startswith("mono.txt: Interviewer (interviewer, 9")


def test_documents_imported_before_sketches_are_sketched_then_matched(
        store: Store, tmp_path: Path) -> None:
    text = "FICTIONAL\nInterviewer: " + "How did the network grow over the years? " * 5 + \
        "\nAna Lima: " + "It grew slowly, one district after another. " * 8 + "\n"
    (tmp_path / "old.txt").write_text(text, encoding="utf-8")
    importing.import_paths(store, [tmp_path / "old.txt"])
    with store.action("forget sketches", undoable=False):  # as in a project from before 0005
        store.conn.execute("DELETE FROM document_sketches")
        store.log.changed = True
    (tmp_path / "new.md").write_text(text.replace("Ana Lima:", "**Ana Lima:**"), "utf-8")
    report = importing.import_paths(store, [tmp_path / "new.md"])
    assert report.imported == [] and "same interview as old.txt" in report.duplicates[0]
