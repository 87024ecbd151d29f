"""The exchange commands as a user runs them: one line per outcome, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcode.cli import main
from tests.exchange.dialects import qdpx


def _run(project: Path, *args: str) -> int:
    return main(["--project", str(project), *args])


def test_import_export_and_bulk_commands(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    project, other = tmp_path / "p.qualcode", tmp_path / "o.qualcode"
    source = tmp_path / "nvivo.qdpx"
    source.write_bytes(qdpx("nvivo"))
    assert _run(project, "init") == 0 and _run(other, "init") == 0
    assert _run(project, "import", str(source)) == 0
    out = capsys.readouterr().out
    assert "4 codes added, 1 documents added" in out and "3 codings added" in out
    assert _run(project, "export", "qdpx", str(tmp_path / "out.qdpx"), "--for", "nvivo") == 0
    assert "1 document, 4 codes, 3 codings, 1 case" in capsys.readouterr().out
    codings = tmp_path / "codings.xlsx"
    assert _run(project, "export", "codings", str(codings)) == 0
    assert "wrote 3 codings" in capsys.readouterr().out
    # The same documents in another project (from the export), then the codings in bulk.
    assert _run(other, "import", str(tmp_path / "out.qdpx")) == 0
    capsys.readouterr()
    assert _run(other, "codings", "import", str(codings)) == 0
    assert "0 coding(s) added, 3 already there" in capsys.readouterr().out
    assert _run(other, "codings", "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(r["text"] for r in listed)[0] == "A steering group of five countries decides."


def test_bulk_rows_that_fail_are_listed_and_exit_1(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.qualcode"
    source = tmp_path / "q.qdpx"
    source.write_bytes(qdpx("qualcoder"))
    assert _run(project, "init") == 0 and _run(project, "import", str(source)) == 0
    rows = tmp_path / "rows.csv"
    rows.write_text("document,code,text\n"
                    "Interview CA-01,Knowledge > Code 0,monthly webinars\n"
                    "Interview CA-01,Nope,the forum\n", encoding="utf-8")
    capsys.readouterr()
    assert _run(project, "codings", "import", str(rows)) == 1
    captured = capsys.readouterr()
    assert "1 coding(s) added" in captured.out
    assert captured.err.strip() == (f"qualcode: error: {rows}:3: no code 'Nope' "
                                    "(use --create-codes to add it)")


def test_export_needs_the_qdpx_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.qualcode"
    assert _run(project, "init") == 0
    assert _run(project, "export", "qdpx", str(tmp_path / "out.zip")) == 1
    assert "must end in .qdpx" in capsys.readouterr().err
    assert not (tmp_path / "out.zip").exists()
