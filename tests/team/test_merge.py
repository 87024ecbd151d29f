"""Merging a colleague's project: their work comes in as theirs, once, and undo removes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code
from qualcode.services.merge import merge_project
from qualcode.store import Store


def _codings(path: Path) -> set[tuple[str, int, int, str, str]]:
    with Store.open(path) as store:
        names = {d.id: d.name for d in store.documents.all()}
        code_names = {c.id: c.name for c in store.codes.all()}
        return {(names[c.document_id], c.start, c.end, code_names[c.code_id], c.coder)
                for c in store.codings.all()}


def test_merge_brings_the_other_coders_codings_and_memos(ana_and_ben: tuple[Path, Path]) -> None:
    ana, ben = ana_and_ben
    before_ana, theirs = _codings(ana), _codings(ben)
    with Store.open(ana) as store:
        report = merge_project(store, ben, coder="ana")
        memos = [m.text for m in store.memos.all()]
        snapshot = store.overview.snapshot()
    assert report.codings_added == len(theirs) and report.coders == ["ben"]
    assert report.documents_matched == 2 and not report.documents_added
    assert not report.codes_added and not report.conflicts
    assert _codings(ana) == before_ana | theirs
    assert any(m.startswith("Ben: 40 percent") for m in memos)
    # Merging again changes nothing at all.
    with Store.open(ana) as store:
        again = merge_project(store, ben, coder="ana")
        assert store.overview.snapshot() == snapshot
    assert not again.changed and again.codings_present == len(theirs)


def test_undo_removes_the_merge(ana_and_ben: tuple[Path, Path]) -> None:
    ana, ben = ana_and_ben
    before = _codings(ana)
    with Store.open(ana) as store:
        merge_project(store, ben, coder="ana")
        undone = store.undo()
    assert undone is not None and undone.name == "merge"
    assert _codings(ana) == before


def test_a_different_definition_is_reported_never_overwritten(
        ana_and_ben: tuple[Path, Path]) -> None:
    ana, ben = ana_and_ben
    with Store.open(ben) as store:
        code = next(c for c in store.codes.all() if c.name == "Language")
        with store.action("edit", coder="ben"):
            store.codes.update(code.id or 0, definition="Ben's own reading of language.")
            store.codes.add(Code(name="Ben's new code", guid="ben-new"))
    with Store.open(ana) as store:
        ours = next(c for c in store.codes.all() if c.name == "Language").definition
        report = merge_project(store, ben, coder="ana")
        assert next(c for c in store.codes.all() if c.name == "Language").definition == ours
    assert any("Language" in line and "definition differs" in line for line in report.conflicts)
    assert report.codes_added == ["Ben's new code"]


def test_documents_the_project_lacks_are_imported(tmp_path: Path,
                                                  ana_and_ben: tuple[Path, Path]) -> None:
    _ana, ben = ana_and_ben
    empty = tmp_path / "empty.qualcode"
    Store.open(empty, create=True).close()
    with Store.open(empty) as store:
        report = merge_project(store, ben, coder="lead")
        assert sorted(d.name for d in store.documents.all()) == sorted(report.documents_added)
        for coding in store.codings.all():
            assert store.documents.get(coding.document_id).text[coding.start:coding.end] == \
                coding.text
    assert _codings(empty) == _codings(ben)


def test_the_other_file_is_never_written(ana_and_ben: tuple[Path, Path]) -> None:
    ana, ben = ana_and_ben
    before = ben.read_bytes()
    with Store.open(ana) as store:
        merge_project(store, ben, coder="ana")
    assert ben.read_bytes() == before


def test_not_a_project_is_one_line(tmp_path: Path, ana_and_ben: tuple[Path, Path]) -> None:
    ana, _ben = ana_and_ben
    bogus = tmp_path / "notes.qualcode"
    bogus.write_text("not sqlite")
    with Store.open(ana) as store, pytest.raises(QualcodeError, match="not a qualcode project"):
        merge_project(store, bogus, coder="ana")


def test_cli_merge_reports_in_plain_words(ana_and_ben: tuple[Path, Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    ana, ben = ana_and_ben
    assert main(["--project", str(ana), "--coder", "ana", "merge", str(ben)]) == 0
    out = capsys.readouterr().out
    assert "merged ben.qualcode:" in out and "by ben" in out and "coding(s)" not in out
    assert main(["--project", str(ana), "--coder", "ana", "merge", str(ben)]) == 0
    assert "nothing new to merge" in capsys.readouterr().out


def test_a_colleagues_qdpx_merges_like_a_project(ana_and_ben: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    from qualcode.services import exchange

    ana, ben = ana_and_ben
    qdpx = tmp_path / "ben.qdpx"
    with Store.open(ben) as store:
        exchange.export_project(store, qdpx, pseudonymise=False)
    before, theirs = _codings(ana), _codings(ben)
    with Store.open(ana) as store:
        report = merge_project(store, qdpx, coder="ana")
    assert report.coders == ["ben"] and report.codings_added == len(theirs)
    assert _codings(ana) == before | theirs
    with Store.open(ana) as store:
        assert not merge_project(store, qdpx, coder="ana").changed
