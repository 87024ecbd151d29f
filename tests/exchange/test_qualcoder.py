"""A FICTIONAL QualCoder project (its public data.qda schema): sources, categories, codes and
sub-codes, codings with owners, cases and attributes, memos."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.model import MemoTarget
from qualcode.services import exchange
from qualcode.services.codes import code_paths
from qualcode.store import Store

SCHEMA = """
CREATE TABLE project (databaseversion text, date text, memo text, about text,
    bookmarkfile integer, bookmarkpos integer, codername text);
CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text,
    memo text, owner text, date text, av_text_id integer, risid integer, unique(name));
CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text,
    supercatid integer, unique(name));
CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer,
    owner text, date text, color text, supercid integer, unique(name));
CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer, seltext text,
    pos0 integer, pos1 integer, owner text, date text, memo text, avid integer,
    important integer, unique(cid, fid, pos0, pos1, owner));
CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text, date text,
    constraint ucm unique(name));
CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer,
    pos1 integer, owner text, date text, memo text);
CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text,
    caseOrFile text, valuetype text);
CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text,
    id integer, date text, owner text, unique(name, attr_type, id));
CREATE TABLE annotation (anid integer primary key, fid integer, pos0 integer, pos1 integer,
    memo text, owner text, date text);
CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text);
CREATE TABLE code_av (avid integer primary key, id integer, pos0 integer, pos1 integer,
    cid integer, memo text, date text, owner text, important integer);
"""

TEXT = ("FICTIONAL interview, invented for tests.\nQ: How do you learn? 🙂\n"
        "R: From peers in the network and from webinars.\n")


def build(folder: Path) -> Path:
    folder.mkdir()
    conn = sqlite3.connect(folder / "data.qda")
    conn.executescript(SCHEMA)
    at = "2024-01-15 10:00:00"

    def span(text: str) -> tuple[int, int]:
        return TEXT.index(text), TEXT.index(text) + len(text)

    peers, webinars = span("From peers in the network"), span("webinars")
    conn.execute("INSERT INTO project VALUES ('v7', ?, 'Fictional project memo', '', 0, 0, "
                 "'ana')", (at,))
    conn.execute("INSERT INTO source VALUES (1, 'int1.txt', ?, NULL, 'Source memo', 'ana', ?, "
                 "NULL, NULL)", (TEXT, at))
    conn.execute("INSERT INTO source VALUES (2, 'clip.mp3', NULL, '/audio/clip.mp3', '', 'ana', "
                 "?, NULL, NULL)", (at,))
    conn.execute("INSERT INTO code_cat VALUES (1, 'Learning', 'ana', ?, 'Category memo', NULL)",
                 (at,))
    conn.execute("INSERT INTO code_cat VALUES (2, 'Online', 'ana', ?, '', 1)", (at,))
    conn.execute("INSERT INTO code_name VALUES (1, 'Peers', 'Code memo', 1, 'ana', ?, '#ff0000', "
                 "NULL)", (at,))
    conn.execute("INSERT INTO code_name VALUES (2, 'Webinars', '', 2, 'ana', ?, '#00ff00', NULL)",
                 (at,))
    conn.execute("INSERT INTO code_name VALUES (3, 'Peer mentoring', '', NULL, 'ben', ?, "
                 "'#0000ff', 1)", (at,))
    conn.execute("INSERT INTO code_text VALUES (1, 1, 1, 'From peers in the network', ?, ?, "
                 "'ana', ?, 'Coding memo', NULL, 1)", (*peers, at))
    conn.execute("INSERT INTO code_text VALUES (2, 2, 1, 'webinars', ?, ?, 'ben', ?, '', NULL, "
                 "0)", (*webinars, at))
    conn.execute("INSERT INTO code_text VALUES (3, 3, 1, 'From peers in the network', ?, ?, "
                 "'ben', ?, '', NULL, 0)", (*peers, at))
    conn.execute("INSERT INTO cases VALUES (1, 'R-01', 'Case memo', 'ana', ?)", (at,))
    conn.execute("INSERT INTO case_text VALUES (1, 1, 1, 0, ?, 'ana', ?, '')", (len(TEXT), at))
    conn.execute("INSERT INTO attribute_type VALUES ('Age', ?, 'ana', '', 'case', 'numeric')",
                 (at,))
    conn.execute("INSERT INTO attribute_type VALUES ('Region', ?, 'ana', '', 'case', "
                 "'character')", (at,))
    conn.execute("INSERT INTO attribute VALUES (1, 'Age', 'case', '42', 1, ?, 'ana')", (at,))
    conn.execute("INSERT INTO attribute VALUES (2, 'Region', 'case', 'North', 1, ?, 'ana')",
                 (at,))
    conn.execute("INSERT INTO annotation VALUES (1, 1, 0, 9, 'Annotation text', 'ana', ?)", (at,))
    conn.execute("INSERT INTO journal VALUES (1, 'Week 1', 'Journal entry', ?, 'ana')", (at,))
    conn.execute("INSERT INTO code_av VALUES (1, 2, 0, 1000, 1, '', ?, 'ana', 0)", (at,))
    conn.commit()
    conn.close()
    return folder


@pytest.fixture
def qda(tmp_path: Path) -> Path:
    return build(tmp_path / "Study.qda")


def test_qualcoder_project_imports_whole(qda: Path, store: Store) -> None:
    report = exchange.import_project_file(store, qda, coder="importer")
    [doc] = store.documents.all()
    assert doc.text == TEXT and doc.name == "int1.txt"
    paths = sorted(code_paths(store.codes.all()).values())
    assert paths == [("Learning",), ("Learning", "Online"), ("Learning", "Online", "Webinars"),
                     ("Learning", "Peers"), ("Learning", "Peers", "Peer mentoring")]
    codings = store.codings.all()
    assert sorted((c.text, c.coder, c.important) for c in codings) == [
        ("From peers in the network", "ana", True), ("From peers in the network", "ben", False),
        ("webinars", "ben", False)]
    assert all(doc.text[c.start:c.end] == c.text for c in codings)
    [case] = store.cases.all()
    assert case.name == "R-01" and case.attributes == {"Age": 42.0, "Region": "North"}
    assert doc.case_id == case.id
    memos = {(m.target, m.text) for m in store.memos.all()}
    assert {(MemoTarget.CODING, "Coding memo"), (MemoTarget.CODE, "Code memo"),
            (MemoTarget.CODE, "Category memo"), (MemoTarget.DOCUMENT, "Source memo"),
            (MemoTarget.DOCUMENT, "Annotation text"), (MemoTarget.PROJECT, "Journal entry"),
            (MemoTarget.PROJECT, "Fictional project memo"),
            (MemoTarget.PROJECT, "Case memo")} <= memos
    assert report.skipped == {"audio, video and picture sources": 1, "audio/video codings": 1}


def test_qualcoder_data_file_and_cli(qda: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.qualcode"
    assert main(["--project", str(project), "init"]) == 0
    assert main(["--project", str(project), "import", str(qda / "data.qda")]) == 0
    assert "3 codings added" in capsys.readouterr().out


def test_not_a_qualcoder_database_is_one_line(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "data.qda"
    sqlite3.connect(bad).execute("CREATE TABLE other (x)").connection.close()
    project = tmp_path / "p.qualcode"
    assert main(["--project", str(project), "init"]) == 0
    assert main(["--project", str(project), "import", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not a QualCoder project" in err
