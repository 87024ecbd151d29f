"""`qualcode attributes import`: the csv module reads the file itself (quoted cells keep their
line breaks), and a header naming a column twice is refused in one line, storing nothing.
The CSVs are FICTIONAL, shaped like Excel's "CSV UTF-8" (a BOM, CRLF line ends)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.store import Store


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.qualcode"
    assert main(["--project", str(path), "init"]) == 0
    return path


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    return path


def _attributes(project: Path) -> dict[str, dict[str, object]]:
    with Store.open(project) as store:
        return {case.name: dict(case.attributes) for case in store.cases.all()}


def test_quoted_multi_line_cells_are_kept(project: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path, 'case,role,notes\nCA-01,associate,"Joined in 2019.\nLeads the '
                          'webinars, ""peer"" visits."\nCA-02,coordinator,short\n')
    assert main(["--project", str(project), "attributes", "import", str(path)]) == 0
    assert _attributes(project) == {
        "CA-01": {"role": "associate",
                  "notes": 'Joined in 2019.\nLeads the webinars, "peer" visits.'},
        "CA-02": {"role": "coordinator", "notes": "short"}}


def test_a_bad_row_after_a_multi_line_cell_names_its_own_line(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _csv(tmp_path, 'case,notes\nCA-01,"one\ntwo\nthree"\nCA-02,x,extra\n')
    assert main(["--project", str(project), "attributes", "import", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"qualcode: error: {path}:5: 3 cells where the header has 2\n")


@pytest.mark.parametrize(("header", "column", "where"), [
    ("case,role,role", "role", "columns 2 and 3"),
    ("case,case", "case", "columns 1 and 2"),
    ("case,Role,role ", "role", "columns 2 and 3"),
])
def test_a_column_named_twice_is_refused(project: Path, tmp_path: Path, header: str,
                                         column: str, where: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    cells = ",".join(f"v{n}" for n in range(header.count(",") + 1))
    path = _csv(tmp_path, f"{header}\n{cells}\n")
    capsys.readouterr()
    assert main(["--project", str(project), "attributes", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"qualcode: error: {path}:1: column ")
    assert f"appears twice in the header ({where})" in err
    assert column in err.lower()
    assert _attributes(project) == {}


def test_a_runaway_cell_is_one_line(project: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    # A stray quote swallows the rest of the file into one cell, past the csv field limit.
    path = _csv(tmp_path, 'case,role\nCA-01,"a\n' + "CA-02,b\n" * 20_000)
    assert main(["--project", str(project), "attributes", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"qualcode: error: {path}:2: not a valid CSV file (") and \
        err.count("\n") == 1


def test_excel_semicolon_csv_is_read(project: Path, tmp_path: Path) -> None:
    # Excel in Serbian, Romanian or German locales separates cells with ";".
    path = _csv(tmp_path, 'case;country;notes\nCA-02;Serbia;"Novi Sad, Niš; Čačak"\n')
    assert main(["--project", str(project), "attributes", "import", str(path)]) == 0
    assert _attributes(project) == {
        "CA-02": {"country": "Serbia", "notes": "Novi Sad, Niš; Čačak"}}
