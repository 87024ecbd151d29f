"""Bulk codings: CSV, XLSX and JSON in and out, every row's text checked, one undoable action."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.errors import QualcodeError
from qualcode.services import bulk_codings
from qualcode.services.codes import code_paths, path_text
from qualcode.store import Store


def _codings(store: Store) -> list[tuple]:
    paths = code_paths(store.codes.all())
    names = {d.id: d.name for d in store.documents.all()}
    return sorted((names[c.document_id], path_text(paths[c.code_id]), c.start, c.end, c.text,
                   c.coder, c.memo, c.important) for c in store.codings.all())


def _rows(store: Store) -> list[dict]:
    doc = store.documents.find("a.txt")
    text = doc.text
    quote = "We also run webinars every month."
    start = text.index(quote)
    return [
        {"document": "a.txt", "code": "Knowledge > Webinars", "start": start,
         "end": start + len(quote), "text": quote, "coder": "ana",
         "memo": "a memo, with \"quotes\"",
         "important": "yes"},
        {"document": "b.txt", "code": "Governance", "start": "", "end": "",
         "text": "A steering group of five countries decides.", "coder": "", "memo": "",
         "important": ""},
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_round_trip_is_exact(seeded: Store, tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"in{suffix}"
    from qualcode.exchange.bulk import write_rows

    write_rows(_rows(seeded), source)
    report = bulk_codings.import_codings(seeded, source, coder="me", create_codes=True)
    assert (report.added, report.failed) == (2, [])
    first = _codings(seeded)
    assert first[0][:2] == ("a.txt", "Knowledge > Webinars") and first[0][5:] == (
        "ana", 'a memo, with "quotes"', True)
    assert first[1][5] == "me"  # no coder in the row: the one importing
    out = tmp_path / f"out{suffix}"
    assert bulk_codings.export_codings(seeded, out) == 2
    # Into a fresh copy of the same documents: the same codings, exactly.
    with Store.open(tmp_path / "other.qualcode", create=True) as other:
        _copy_documents(seeded, other)
        report = bulk_codings.import_codings(other, out, coder="x", create_codes=True)
        assert report.failed == []
        assert _codings(other) == first


def _copy_documents(src: Store, dest: Store) -> None:
    with dest.action("seed", undoable=False):
        for doc in src.documents.all():
            dest.documents.add(doc, src.turns.all(doc.id or 0))


def test_codings_cli_csv_output_reads_back(seeded: Store, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(_rows(seeded)), encoding="utf-8")
    project = str(seeded.path)
    assert main(["--project", project, "codings", "import", str(path), "--create-codes"]) == 0
    capsys.readouterr()
    assert main(["--project", project, "codings", "--format", "csv"]) == 0
    listed = tmp_path / "listed.csv"
    listed.write_text(capsys.readouterr().out, encoding="utf-8")
    with Store.open(tmp_path / "o.qualcode", create=True) as other:
        _copy_documents(seeded, other)
        bulk_codings.import_codings(other, listed, coder="x", create_codes=True)
        assert _codings(other) == _codings(seeded)


def test_text_is_checked_and_misplaced_rows_reanchored(seeded: Store, tmp_path: Path) -> None:
    rows = _rows(seeded)
    rows[0]["start"] += 5  # off by five: found again by its text
    rows[0]["end"] += 5
    rows[1]["text"] = "Nobody said this."
    path = tmp_path / "in.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    report = bulk_codings.import_codings(seeded, path, coder="me", create_codes=True)
    assert report.added == 1 and report.reanchored == 1
    assert len(report.failed) == 1 and f"{path}:2:" in report.failed[0]
    assert "does not contain the text" in report.failed[0]
    [coding] = seeded.codings.all()
    assert coding.text == "We also run webinars every month."


def test_unknown_codes_are_refused_unless_created(seeded: Store, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(_rows(seeded)), encoding="utf-8")
    report = bulk_codings.import_codings(seeded, path, coder="me")
    assert report.added == 1 and len(report.failed) == 1  # Governance is in the codebook
    assert "no code 'Knowledge > Webinars' (use --create-codes" in report.failed[0]
    assert report.codes_added == []


def test_one_undoable_action(seeded: Store, tmp_path: Path) -> None:
    before = seeded.overview.snapshot()
    path = tmp_path / "in.json"
    path.write_text(json.dumps(_rows(seeded)), encoding="utf-8")
    bulk_codings.import_codings(seeded, path, coder="me", create_codes=True)
    assert len(seeded.codings.all()) == 2
    undone = seeded.undo()
    assert undone is not None and undone.name == "import codings"
    assert seeded.overview.snapshot()["codings"] == before["codings"]
    assert seeded.overview.snapshot()["codes"] == before["codes"]


def test_all_or_nothing(seeded: Store, tmp_path: Path) -> None:
    rows = _rows(seeded)
    rows[1]["document"] = "missing.txt"
    path = tmp_path / "in.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    before = seeded.overview.snapshot()
    with pytest.raises(QualcodeError, match="1 row"):
        bulk_codings.import_codings(seeded, path, coder="me", create_codes=True,
                                    all_or_nothing=True)
    assert seeded.overview.snapshot() == before


@pytest.mark.parametrize("content, problem", [
    ("document,start\na.txt,1\n", "missing column(s): code"),
    ("document,code,start,end\na.txt,X,one,4\n", "start 'one' is not a whole number"),
])
def test_malformed_file_is_one_line(seeded: Store, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str], content: str,
                                    problem: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    before = seeded.overview.snapshot()
    assert main(["--project", str(seeded.path), "codings", "import", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and problem in err and str(path) in err
    assert seeded.overview.snapshot() == before


def test_taguette_highlights_are_found_by_their_text(seeded: Store, tmp_path: Path) -> None:
    path = tmp_path / "highlights.csv"
    path.write_text("id,document,tag,content\n1,a.txt,knowledge.webinars,"
                    "We also run webinars every month.\n", encoding="utf-8")
    report = bulk_codings.import_codings(seeded, path, coder="me", create_codes=True)
    assert report.failed == []
    assert _codings(seeded)[0][:2] == ("a.txt", "knowledge > webinars")
    out = tmp_path / "out.csv"
    bulk_codings.export_highlights(seeded, out)
    assert out.read_text(encoding="utf-8").splitlines()[1].endswith(
        "a.txt,knowledge.webinars,We also run webinars every month.")
