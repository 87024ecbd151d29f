"""Bad input: one clear line per bad file, exit 1, the good files imported, nothing else changed."""

from __future__ import annotations

import json
from pathlib import Path

from qualcode.store import Store
from tests.cli.helpers import qualcode

CP1252_TEXT = "Interviewer: Was it hard?\nJosé: Yes – the “hub” cost us 500 €, café money.\n"


def test_mixed_bad_files(tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    qualcode(project, "init", check=True)
    good = tmp_path / "good.txt"
    good.write_text("FICTIONAL\nInterviewer: Hello?\nAna: Hello.\n", encoding="utf-8")
    qualcode(project, "import", str(good), check=True)
    with Store.open(project) as store:
        before = store.overview.snapshot()

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip file")
    (batch / "empty.txt").write_text("")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (batch / "latin.txt").write_bytes(CP1252_TEXT.encode("cp1252"))

    result = qualcode(project, "import", str(batch))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 3, result.stderr
    for name in ("corrupt.docx", "empty.txt", "binary.txt"):
        assert sum(name in line for line in errors) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "cp1252" in result.stderr  # the encoding is reported

    with Store.open(project) as store:
        after = store.overview.snapshot()
        docs = {d.name: d for d in store.documents.all()}
    assert set(docs) == {"good.txt", "latin.txt"}
    assert docs["latin.txt"].text == CP1252_TEXT
    assert docs["latin.txt"].encoding.lower().replace("-", "") in {"cp1252", "windows1252"}
    # Nothing that was there before changed.
    for table, rows in before.items():
        if table == "documents":
            assert rows == [r for r in after[table] if r[1] == "good.txt"]
        elif table in ("speakers", "turns"):
            good_id = before["documents"][0][0]
            assert rows == [r for r in after[table] if r[1] == good_id]
        else:
            # Rows there before are unchanged (the new documents may add their own: a
            # similarity sketch, identifiers found in them).
            known = {r[0] for r in rows}
            assert rows == [r for r in after[table] if r[0] in known], table


def test_bad_flag_and_missing_project_are_one_line(tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    missing = qualcode(project, "stats")
    assert missing.returncode == 1
    assert len(missing.stderr.strip().splitlines()) == 1
    assert "no such project" in missing.stderr
    qualcode(project, "init", check=True)
    bad = qualcode(project, "codings", "--format", "yaml")
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "--format" in bad.stderr


def test_codings_json_and_csv(tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    qualcode(project, "init", check=True)
    doc = tmp_path / "ca.txt"
    doc.write_text("FICTIONAL\nInterviewer: Tell me.\nAna: We meet monthly. It helps.\n")
    qualcode(project, "import", str(doc), "--case", "CA-01", "--attr", "country=Moldova",
             check=True)
    book = tmp_path / "book.csv"
    book.write_text("name,description\nGovernance,How decisions are made\n"
                    "Governance > Meetings,Regular meetings\n")
    qualcode(project, "codebook", "load", str(book), check=True)
    out = qualcode(project, "code", "ca.txt", "Meetings", "--quote", "We meet monthly.",
                   check=True)
    assert "Meetings" in out.stdout
    listed = json.loads(qualcode(project, "codings", "--format", "json",
                                 "--where", "country=Moldova", check=True).stdout)
    assert [(c["code"], c["text"], c["case"]) for c in listed] == [
        ("Governance > Meetings", "We meet monthly.", "CA-01")]
    none = json.loads(qualcode(project, "codings", "--format", "json",
                               "--where", "country=Serbia", check=True).stdout)
    assert none == []
    by_parent = qualcode(project, "codings", "--format", "csv", "--code", "Governance",
                         check=True).stdout.splitlines()
    assert len(by_parent) == 2 and "We meet monthly." in by_parent[1]


def test_speaker_roles_can_be_corrected_and_patterns_configured(tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    qualcode(project, "init", check=True)
    doc = tmp_path / "x.txt"
    doc.write_text("FICTIONAL\nMaja: Hello there.\nAna: Well.\nMaja: Good.\n")
    qualcode(project, "import", str(doc), check=True)
    rows = json.loads(qualcode(project, "speakers", "--format", "json", check=True).stdout)
    assert {r["speaker"]: r["role"] for r in rows} == {"Maja": "respondent", "Ana": "respondent"}
    qualcode(project, "speakers", "x.txt", "--set-role", "Maja=interviewer", check=True)
    rows = json.loads(qualcode(project, "speakers", "--format", "json", check=True).stdout)
    assert {r["speaker"]: (r["role"], r["turns"]) for r in rows} == {
        "Maja": ("interviewer", 2), "Ana": ("respondent", 1)}
    with Store.open(project) as store:
        roles = [t.role.value for t in store.turns.all(store.documents.all()[0].id or 0)]
    assert roles == ["note", "interviewer", "respondent", "interviewer"]
    qualcode(project, "undo", check=True)
    rows = json.loads(qualcode(project, "speakers", "--format", "json", check=True).stdout)
    assert {r["speaker"]: r["role"] for r in rows}["Maja"] == "respondent"
    other = tmp_path / "y.txt"
    other.write_text("FICTIONAL\nInt. Maja: Question?\nAna: Answer.\n")
    qualcode(project, "import", str(other), "--interviewer-pattern", r"int\. .*", check=True)
    rows = json.loads(qualcode(project, "speakers", "y.txt", "--format", "json",
                               check=True).stdout)
    assert {r["speaker"]: r["role"] for r in rows} == {"Int. Maja": "interviewer",
                                                       "Ana": "respondent"}
    bad = qualcode(project, "import", str(other), "--interviewer-pattern", "(")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
