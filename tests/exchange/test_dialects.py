"""Fictional projects in each vendor's dialect: every coding lands on its text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qualcode.core.model import MemoTarget
from qualcode.services import exchange
from qualcode.services.codes import code_paths
from qualcode.store import Store
from tests.exchange.dialects import COMMENT, DIALECTS, QUOTES, TEXT, qdpx


def _import(tmp_path: Path, store: Store, name: str, data: bytes | None = None):
    path = tmp_path / f"{name}.qdpx"
    path.write_bytes(data if data is not None else qdpx(name))
    return exchange.import_project_file(store, path, coder="importer")


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_every_coding_lands_on_its_text(tmp_path: Path, store: Store, name: str) -> None:
    report = _import(tmp_path, store, name)
    [doc] = store.documents.all()
    assert doc.text == TEXT  # BOM stripped, CRLF turned into LF, emoji kept
    codings = store.codings.all()
    assert sorted(c.text for c in codings) == sorted(q for _, q in QUOTES)
    for c in codings:
        assert doc.text[c.start:c.end] == c.text
        assert c.coder == "Rita Coder"
        assert c.created_at.startswith("2024-02-0")
    paths = code_paths(store.codes.all())
    assert sorted(paths.values())[0] == ("Knowledge",)
    assert all(p[0] == "Knowledge" for p in paths.values())
    assert not report.problems


def test_nvivo_positions_are_utf16_with_crlf_as_two(tmp_path: Path, store: Store) -> None:
    report = _import(tmp_path, store, "nvivo")
    assert any("utf-16, CRLF as 2" in n for n in report.notices)
    # Read naively as code points, the emoji and the CRLFs would shift the last quote.
    last = next(c for c in store.codings.all() if c.text.startswith("A steering"))
    assert last.start == TEXT.index("A steering")


def test_dialect_is_verified_against_the_text_not_taken_from_origin(
        tmp_path: Path, store: Store) -> None:
    data = qdpx("nvivo")
    import io
    import zipfile

    from tests.exchange.dialects import DIALECTS as D
    from tests.exchange.dialects import project_qde

    mislabelled = D["nvivo"]
    qde = project_qde(mislabelled).replace('origin="NVivo 12 Windows"', 'origin="SomeTool 1.0"')
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            out.writestr(item, qde if item.filename == "project.qde" else src.read(item))
    _import(tmp_path, store, "mislabelled", buf.getvalue())
    assert sorted(c.text for c in store.codings.all()) == sorted(q for _, q in QUOTES)


def test_maxqda_misplaced_coding_is_reanchored_and_reported(tmp_path: Path,
                                                            store: Store) -> None:
    report = _import(tmp_path, store, "maxqda")
    assert any("re-anchored" in n for n in report.notices)
    assert "monthly webinars" in [c.text for c in store.codings.all()]


def test_maxqda_values_on_sources_become_the_documents_case(tmp_path: Path,
                                                            store: Store) -> None:
    _import(tmp_path, store, "maxqda")
    [case] = store.cases.all()
    [doc] = store.documents.all()
    assert doc.case_id == case.id
    assert case.attributes["Country"] == "Moldova"
    assert case.attributes["Staff"] == 12.0
    assert case.attributes["Member"] is True
    assert case.attributes["Joined"] == dt.date(2019, 5, 1)
    assert case.attributes["Budget"] == 1250.5
    assert case.attributes["Visited"] == "2021-03-04T10:00:00"  # DateTime kept whole as text


def test_cases_memos_colours_and_skipped_items(tmp_path: Path, store: Store) -> None:
    report = _import(tmp_path, store, "atlasti")
    [case] = store.cases.all()
    assert case.name == "CA-01" and case.attributes["Staff"] == 12.0
    assert store.documents.all()[0].case_id == case.id
    coding_memos = store.memos.all(MemoTarget.CODING)
    assert sorted(m.text for m in coding_memos) == [
        "Decisions sit with five countries (fictional memo).", COMMENT]
    assert store.codings.get(next(m.target_id for m in coding_memos if m.text == COMMENT)
                             ).text == "the forum"
    project_memos = [m for m in store.memos.all(MemoTarget.PROJECT)]
    assert any(m.title == "Case CA-01" and m.text == "Fictional case." for m in project_memos)
    colours = {c.colour for c in store.codes.all() if c.name.startswith("Code")}
    assert colours == {"#1f77b4"}  # from rgb(31, 119, 180)
    assert report.skipped == {"links": 1, "graphs": 1}
    assert any("1 links" in line for line in report.lines())


def test_skipped_pictures_are_counted(tmp_path: Path, store: Store) -> None:
    report = _import(tmp_path, store, "maxqda")
    assert report.skipped == {"picture sources": 1}


def test_importing_twice_adds_nothing(tmp_path: Path, store: Store) -> None:
    _import(tmp_path, store, "nvivo")
    before = store.overview.snapshot()
    report = _import(tmp_path, store, "nvivo")
    assert store.overview.snapshot() == before
    assert report.counts.get("codings already there") == 3


def test_import_adds_into_an_existing_project(tmp_path: Path, store: Store) -> None:
    """Documents are matched by content, codes by GUID then path: a second tool's coding of
    the same interview lands on the same document and codes."""
    _import(tmp_path, store, "qualcoder")
    _import(tmp_path, store, "nvivo")  # same text, same code GUIDs, same coder
    assert len(store.documents.all()) == 1
    assert len(store.codes.all()) == 4
    assert len(store.codings.all()) == 3


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_fixtures_follow_the_schema_but_for_vendor_colours(name: str, project_schema) -> None:
    from tests.exchange.dialects import project_qde

    errors = [e.reason for e in project_schema.iter_errors(project_qde(DIALECTS[name]))]
    assert all("color=" in (reason or "") for reason in errors), errors


def test_notes_on_project_source_code_and_selection(tmp_path: Path, store: Store) -> None:
    from tests.exchange.dialects import NOTES

    _import(tmp_path, store, "qualcoder")
    by_target = {(m.target, m.text) for m in store.memos.all()}
    diary, about, knowledge = (text for _, text in NOTES.values())
    assert (MemoTarget.PROJECT, diary) in by_target
    assert (MemoTarget.DOCUMENT, about) in by_target
    assert (MemoTarget.CODE, knowledge) in by_target
    assert (MemoTarget.CODING, "Decisions sit with five countries (fictional memo).") in by_target
    [code_memo] = store.memos.all(MemoTarget.CODE)
    assert store.codes.get(code_memo.target_id).name == "Knowledge"


def test_sets_are_kept_and_exported(tmp_path: Path, store: Store, project_schema) -> None:
    import zipfile

    from qualcode.store import exchange as repo
    from tests.exchange.conftest import schema_errors
    from tests.exchange.dialects import SET

    _import(tmp_path, store, "atlasti")
    [group] = repo.sets(store)
    assert group.guid == SET and group.name == "Online"
    assert [store.codes.get(i).name for i in group.members["code"]] == ["Code 1"]
    assert group.members["document"] == [store.documents.all()[0].id]
    out = tmp_path / "out.qdpx"
    exchange.export_project(store, out, pseudonymise=False)
    qde = zipfile.ZipFile(out).read("project.qde")
    assert schema_errors(project_schema, qde) == []
    assert SET.encode() in qde


def test_pdf_source_through_its_text_representation(tmp_path: Path, store: Store) -> None:
    import io
    import zipfile

    text = "FICTIONAL report page one.\nThe network trains 40 social workers a year.\n"
    quote = "trains 40 social workers"
    start = text.index(quote)
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="MAXQDA 2022">'
        '<CodeBook><Codes><Code guid="aaaaaaaa-1111-4111-8111-111111111111" name="Training" '
        'isCodable="true"/></Codes></CodeBook><Sources>'
        '<PDFSource guid="bbbbbbbb-1111-4111-8111-111111111111" name="report.pdf" '
        'path="internal://report.pdf"><PDFSelection guid="cccccccc-1111-4111-8111-111111111111"'
        ' page="1" firstX="1" firstY="1" secondX="9" secondY="9"/>'
        '<Representation guid="dddddddd-1111-4111-8111-111111111111" '
        'plainTextPath="internal://report.txt">'
        f'<PlainTextSelection guid="eeeeeeee-1111-4111-8111-111111111111" name="{quote}" '
        f'startPosition="{start}" endPosition="{start + len(quote)}">'
        '<Coding guid="ffffffff-1111-4111-8111-111111111111">'
        '<CodeRef targetGUID="aaaaaaaa-1111-4111-8111-111111111111"/></Coding>'
        "</PlainTextSelection></Representation></PDFSource></Sources></Project>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        out.writestr("project.qde", qde)
        out.writestr("sources/report.txt", text)
        out.writestr("sources/report.pdf", b"%PDF-1.4 fictional")
    report = _import(tmp_path, store, "pdf", buf.getvalue())
    [doc] = store.documents.all()
    assert doc.name == "report.pdf" and doc.format == "pdf" and doc.text == text
    assert [c.text for c in store.codings.all()] == [quote]
    assert report.skipped == {"PDF selections by area": 1}
