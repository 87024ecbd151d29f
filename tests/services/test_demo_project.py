"""The demo corpus as a user gets it from `make run`."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qualcode.core.model import Role
from qualcode.services import cases, codes, demo, importing
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qualcode"
    demo.build_demo(path, TRANSCRIPTS, CODEBOOK, coder="tester")
    return path


def case_rows() -> list[dict[str, str]]:
    with (TRANSCRIPTS / "cases.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_demo_corpus_is_complete_and_fictional() -> None:
    rows = case_rows()
    assert len(rows) >= 10
    groups = [r["peer group"] for r in rows]
    assert groups.count("country associate") >= 4
    assert groups.count("peer organisation") >= 4
    assert any(r["sector"] == "health" for r in rows)
    suffixes = {Path(r["document"]).suffix for r in rows}
    assert {".txt", ".docx", ".vtt", ".md", ".odt"} <= suffixes
    for r in rows:
        assert (TRANSCRIPTS / r["document"]).exists(), r["document"]


def test_every_document_is_tiled_by_turns_with_speakers_and_interviewers(
        demo_project: Path) -> None:
    with Store.open(demo_project) as store:
        docs = store.documents.all()
        assert len(docs) == len(case_rows())
        for doc in docs:
            turns = store.turns.all(doc.id or 0)
            assert turns[0].start == 0, doc.name
            assert turns[-1].end == len(doc.text), doc.name
            for a, b in zip(turns, turns[1:], strict=False):
                assert a.end == b.start, doc.name
            assert "fictional" in doc.text[:400].lower(), doc.name
            roles = {t.role for t in turns}
            assert Role.INTERVIEWER in roles, doc.name
            assert Role.RESPONDENT in roles, doc.name
            speakers = store.speakers.all(doc.id)
            respondents = [s for s in speakers if s.role is Role.RESPONDENT]
            assert len(respondents) == 1, (doc.name, respondents)
            # Each interview is 1,500 to 3,000 words.
            assert 1500 <= len(doc.text.split()) <= 3200, doc.name


def test_every_document_has_its_case_and_attributes(demo_project: Path) -> None:
    with Store.open(demo_project) as store:
        by_name = {c.name: c for c in store.cases.all()}
        for doc in store.documents.all():
            assert doc.case_id is not None, doc.name
        for row in case_rows():
            case = by_name[row["case"]]
            assert case.attributes["country or region"] == row["country or region"]
            assert str(case.attributes["interview date"]) == row["interview date"]
        assert len(store.codes.all()) >= 30


def test_importing_again_changes_nothing(demo_project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.qualcode"
    copy.write_bytes(demo_project.read_bytes())
    with Store.open(copy) as store:
        before = store.overview.snapshot()
        history = store.history(1000)
        report = importing.import_paths(store, [TRANSCRIPTS])
        assert report.imported == [] and report.errors == []
        assert len(report.unchanged) == len(case_rows())
        cases.import_attributes(store, TRANSCRIPTS / "cases.csv")
        codes.load_codebook(store, CODEBOOK)
        assert store.overview.snapshot() == before
        assert store.history(1000) == history


def test_a_malformed_demo_synthesis_is_one_line_naming_the_file(tmp_path: Path) -> None:
    from qualcode.core.errors import InputError
    from qualcode.services.demo_synthesis import apply_demo_synthesis

    bad = tmp_path / "demo-synthesis.yml"
    bad.write_text("findings:\n  - text: no code given\n", encoding="utf-8")
    with Store.open(tmp_path / "p.qualcode", create=True) as store:
        with pytest.raises(InputError, match="demo-synthesis.yml: an entry lacks a field"):
            apply_demo_synthesis(store, bad, coder="tester")
        bad.write_text("sections:\n  preface: hello\n", encoding="utf-8")
        with pytest.raises(InputError, match="no report section 'preface'"):
            apply_demo_synthesis(store, bad, coder="tester")
        assert store.history() == []  # all or nothing
