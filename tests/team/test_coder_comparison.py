"""The coder-comparison workbook, opened as a spreadsheet reader would."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from qualcode.cli import main
from qualcode.services.merge import merge_project
from qualcode.store import Store


def test_workbook_compares_both_coders(ana_and_ben: tuple[Path, Path], tmp_path: Path) -> None:
    ana, ben = ana_and_ben
    with Store.open(ana) as store:
        merge_project(store, ben, coder="ana")
        per_coder = {c: sum(1 for x in store.codings.all() if x.coder == c) for c in ("ana", "ben")}
    out = tmp_path / "out" / "coders.xlsx"
    out.parent.mkdir()
    assert main(["--project", str(ana), "export", "coders", str(out)]) == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["By code", "By document", "By coder"]
    coders = list(book["By coder"].iter_rows(values_only=True))
    assert coders[0] == ("coder", "segments", "documents", "codes", "characters")
    assert {row[0]: row[1] for row in coders[1:]} == per_coder
    by_code = list(book["By code"].iter_rows(values_only=True))
    header = by_code[0]
    assert header[1:4] == ("ana segments", "ana documents", "ana characters")
    assert "Cohen's kappa" in header
    language = next(r for r in by_code if str(r[0]).endswith("> Language"))
    assert language[header.index("Cohen's kappa")] is not None
    assert sum(r[1] for r in by_code[1:]) == per_coder["ana"]
    assert [p.name for p in out.parent.iterdir()] == ["coders.xlsx"]  # no temporary left


def test_not_xlsx_is_one_line(ana_and_ben: tuple[Path, Path], tmp_path: Path,
                              capsys) -> None:
    ana, _ben = ana_and_ben
    assert main(["--project", str(ana), "export", "coders", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "xlsx" in err[0]
