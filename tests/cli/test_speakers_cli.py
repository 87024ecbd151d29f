"""`qualcode import` says who speaks and what to check; `qualcode speakers` fixes it once."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import qualcode
from tests.ingest.helpers import write_docx


def _rows(project: Path, *args: str) -> list[dict[str, object]]:
    return json.loads(qualcode(project, "speakers", *args, "--format", "json",
                               check=True).stdout)


def test_import_reports_speakers_duplicates_and_skipped_files(tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    qualcode(project, "init", check=True)
    folder = tmp_path / "in"
    folder.mkdir()
    lines = ["FICTIONAL TRANSCRIPT - invented for tests.",
             "Ana Lima: How did the network start in your region?",
             "Bo Chen: With three agencies and a shared list of referrals, back in 2016.",
             "Ana Lima: Who pays for the coordination today?",
             "Bo Chen: A foundation grant, renewed every two years, and small fees."]
    (folder / "bo.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_docx(folder / "bo.docx", [[(line, False)] for line in lines])
    (folder / "codes.xlsx").write_bytes(b"PK\x03\x04")
    result = qualcode(project, "import", str(folder), check=True)
    out = result.stdout
    assert "bo.docx: Ana Lima (interviewer, " in out and "Bo Chen (respondent, " in out
    assert "duplicate: " in out and "bo.txt: the same interview as bo.docx" in out
    assert "codes.xlsx: not a transcript format" in result.stderr
    assert "imported 1 document(s)" in out
    rows = _rows(project)
    assert {r["speaker"]: (r["role"], r["documents"]) for r in rows} == {
        "Ana Lima": ("interviewer", 1), "Bo Chen": ("respondent", 1)}
    assert "asks questions" in str(rows[0]["evidence"]) + str(rows[1]["evidence"])


def test_set_role_everywhere_rename_undo_and_interviewer_for_old_documents(
        tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    qualcode(project, "init", check=True)
    for name, who in (("a.txt", "Interviewer 1"), ("b.txt", "Interviewer")):
        (tmp_path / name).write_text(
            f"FICTIONAL\n{who}: Hello.\nMaja Petrović: Hi there.\n{who}: Good.\n"
            "Maja Petrović: Bye.\n", encoding="utf-8")
    qualcode(project, "import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), check=True)
    done = qualcode(project, "speakers", "--set-role", "maja petrović=interviewer", check=True)
    assert "is now interviewer in 2 document(s) (4 turns)" in done.stdout
    assert {r["role"] for r in _rows(project) if r["speaker"] == "Maja Petrović"} == {
        "interviewer"}
    qualcode(project, "undo", check=True)
    assert {r["role"] for r in _rows(project) if r["speaker"] == "Maja Petrović"} == {
        "respondent"}
    qualcode(project, "speakers", "--rename", "Interviewer 1=Interviewer", check=True)
    rows = {r["speaker"]: r for r in _rows(project)}
    assert set(rows) == {"Interviewer", "Maja Petrović"} and rows["Interviewer"]["documents"] == 2
    per_doc = _rows(project, "a.txt")
    assert [r["speaker"] for r in per_doc] == ["Interviewer", "Maja Petrović"]
    (tmp_path / "c.txt").write_text("FICTIONAL\nLea Roth: Yes.\nMaja Petrović: Fine.\n",
                                    encoding="utf-8")
    result = qualcode(project, "import", str(tmp_path / "c.txt"), "--interviewer",
                      "Maja Petrović", check=True)
    assert "2 speaker(s) in documents already imported are now interviewers" in result.stdout
    assert {r["role"] for r in _rows(project) if r["speaker"] == "Maja Petrović"} == {
        "interviewer"}
    redo = qualcode(project, "speakers", "a.txt", "--redetect", check=True)
    assert "a.txt: 5 turns -> 5 turns" in redo.stdout
    # The rename holds: the detected label "Interviewer 1" maps to the renamed speaker.
    assert [r["speaker"] for r in _rows(project, "a.txt")] == ["Interviewer", "Maja Petrović"]
    bad = qualcode(project, "speakers", "--set-role", "Nobody=interviewer")
    assert bad.returncode == 1 and "has no speaker 'Nobody'" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
