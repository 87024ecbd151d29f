"""`qualcode codings --where`: the shared attribute filter, seen from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcode.cli import main


def run(capsys: pytest.CaptureFixture[str], project: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--project", str(project), "--coder", "tester", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_where_keeps_matching_cases_and_refuses_an_unknown_attribute(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.qualcode"
    doc = tmp_path / "ca.txt"
    doc.write_text("Interviewer: Tell me.\nAna: We meet monthly. It helps.\n")
    assert run(capsys, project, "init")[0] == 0
    assert run(capsys, project, "import", str(doc), "--case", "CA-01",
               "--attr", "country=Moldova")[0] == 0
    book = tmp_path / "book.csv"
    book.write_text("name,description\nMeetings,Regular meetings\n")
    assert run(capsys, project, "codebook", "load", str(book))[0] == 0
    assert run(capsys, project, "code", "ca.txt", "Meetings",
               "--quote", "We meet monthly.")[0] == 0
    code, out, _ = run(capsys, project, "codings", "--format", "json",
                       "--where", "Country=moldova")
    assert code == 0 and [c["text"] for c in json.loads(out)] == ["We meet monthly."]
    # Before the filters were one, a misspelt attribute listed no codings and exit 0.
    code, out, err = run(capsys, project, "codings", "--where", "colour=red")
    assert code == 1 and out == ""
    assert "no case attribute named 'colour'" in err and "country" in err
