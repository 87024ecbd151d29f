"""REFI-QDA codebooks (.qdc) and Taguette's codebook CSV, through `codebook load/export`."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.services import codes as code_service
from qualcode.services.codes import code_paths
from qualcode.store import Store
from tests.conftest import CODEBOOK
from tests.exchange.conftest import schema_errors

# Taguette 1.4 writes tag paths in the names and an empty <Sets/> (the schema wants a Set).
TAGUETTE_QDC = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1"><Codes>
<Code guid="0A1B2C3D-4E5F-5A6B-8C7D-8E9F0A1B2C3D" name="people" isCodable="true"></Code>
<Code guid="1A1B2C3D-4E5F-5A6B-8C7D-8E9F0A1B2C3D" name="people.parents" isCodable="true"></Code>
<Code guid="2A1B2C3D-4E5F-5A6B-8C7D-8E9F0A1B2C3D" name="Dr. Who" isCodable="true"></Code>
<Code guid="3A1B2C3D-4E5F-5A6B-8C7D-8E9F0A1B2C3D" name="places.schools" isCodable="true"></Code>
</Codes><Sets></Sets></CodeBook>"""


def _run(project: Path, *args: str) -> int:
    return main(["--project", str(project), *args])


def test_qdc_export_is_valid_and_loads_back(tmp_path: Path, codebook_schema) -> None:
    project, again = tmp_path / "a.qualcode", tmp_path / "b.qualcode"
    out = tmp_path / "book.qdc"
    assert _run(project, "init") == 0 and _run(project, "codebook", "load", str(CODEBOOK)) == 0
    assert _run(project, "codebook", "export", str(out)) == 0
    assert schema_errors(codebook_schema, out.read_bytes()) == []
    assert _run(again, "init") == 0 and _run(again, "codebook", "load", str(out)) == 0
    fields = ("guid", "definition", "inclusion", "exclusion", "example", "colour")
    with Store.open(project) as a, Store.open(again) as b:
        def book(s: Store) -> list[tuple]:
            paths = code_paths(s.codes.all())
            return [(paths[c.id], *(getattr(c, f) for f in fields)) for c in s.codes.all()]
        assert book(a) == book(b)
    # Loading the same file twice changes nothing.
    with Store.open(again) as b:
        before = b.overview.snapshot()
        assert code_service.load_codebook(b, out) == (0, 0)
        assert b.overview.snapshot() == before


def test_taguette_flat_qdc_with_empty_sets(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "taguette.qdc"
    path.write_text(TAGUETTE_QDC, encoding="utf-8")
    added, _ = code_service.load_codebook(store, path)
    paths = sorted(code_paths(store.codes.all()).values())
    assert paths == [("Dr. Who",), ("people",), ("people", "parents"), ("places",),
                     ("places", "schools")]
    assert added == 5


def test_taguette_codebook_csv_loads_and_exports(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "codebook.csv"
    path.write_text("tag,description,number of highlights\n"
                    "people,People mentioned (fictional),3\n"
                    "people.parents,Parents,1\n", encoding="utf-8")
    added, _ = code_service.load_codebook(store, path)
    assert added == 2
    [parent] = [c for c in store.codes.all() if c.name == "people"]
    assert parent.definition == "People mentioned (fictional)"
    out = tmp_path / "out.csv"
    assert _run(store.path, "codebook", "export", str(out), "--format", "taguette") == 0
    assert out.read_text(encoding="utf-8").splitlines() == [
        "tag,description,number of highlights", "people,People mentioned (fictional),0",
        "people.parents,Parents,0"]


def test_taguette_codebook_csv_with_parent_column(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "codebook.csv"
    path.write_text("tag,parent,description,number of highlights\n"
                    "people,,People (fictional),3\n"
                    "parents,people,Parents,1\n", encoding="utf-8-sig")
    code_service.load_codebook(store, path)
    assert sorted(code_paths(store.codes.all()).values()) == [("people",), ("people", "parents")]


def test_qualcode_csv_is_not_mistaken_for_taguette(tmp_path: Path, store: Store) -> None:
    out = tmp_path / "own.csv"
    with Store.open(tmp_path / "x.qualcode", create=True) as other:
        code_service.load_codebook(other, CODEBOOK)
        code_service.export_codebook(other, out)
    added, _ = code_service.load_codebook(store, out)
    assert added == len(code_paths(store.codes.all())) > 10


@pytest.mark.parametrize("text, problem", [
    ("<CodeBook/>", "not a REFI-QDA file"),
    ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>', "malformed XML"),
])
def test_bad_qdc_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                             problem: str) -> None:
    path = tmp_path / "bad.qdc"
    path.write_text(text, encoding="utf-8")
    assert _run(tmp_path / "p.qualcode", "init") == 0
    assert _run(tmp_path / "p.qualcode", "codebook", "load", str(path)) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(path) in err and problem in err
