"""File and document names with control characters (an ESC starting a terminal sequence) are
printed escaped by the CLI, never raw."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.cli.output import emit, shown

# An OSC sequence that would set the terminal's title (click strips only colour sequences).
EVIL = "ca01\x1b]0;pwned\x07.txt"


def test_shown_escapes_controls_and_bidi_overrides() -> None:
    assert shown("a\x1b[31mb") == "a\\x1b[31mb"
    assert shown("x\u202eexe.txt") == "x\\u202eexe.txt"
    assert shown("tab\there\nnext\x7f") == "tab\\there\\nnext\\x7f"
    assert shown("line\nbreak", keep="\n") == "line\nbreak"
    assert shown("Čačak – “quoted” 😀") == "Čačak – “quoted” 😀"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_names_with_an_escape_are_printed_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = str(tmp_path / "p.qualcode")
    good = tmp_path / EVIL
    good.write_text("FICTIONAL\nInterviewer: Hello?\nAna: Hello.\n", encoding="utf-8")
    empty = tmp_path / ("empty\x1b[2J" + ".txt")
    empty.write_text("", encoding="utf-8")
    assert main(["--project", project, "init"]) == 0
    assert _run(capsys, "--project", project, "import", str(good))[0] == 0
    outputs = [
        _run(capsys, "--project", project, "import", str(good)),  # "unchanged: <name> ..."
        _run(capsys, "--project", project, "import", str(empty)),  # "<path>: empty file"
        _run(capsys, "--project", project, "export", "segments",
             str(tmp_path / "out\x1b]0;x\x07.csv")),  # "wrote 0 ... to <path>"
        _run(capsys, "--project", project, "attributes", "import",
             str(tmp_path / "no\x1bsuch.csv")),  # "<path>: cannot read file"
    ]
    assert [code for code, _ in outputs] == [0, 1, 0, 1]
    for _, text in outputs:
        assert "\x1b" not in text and "\x07" not in text
        assert "\\x1b" in text
    assert "unchanged: ca01\\x1b]0;pwned\\x07.txt is already in the project" in outputs[0][1]


def test_tables_escape_names_but_keep_line_breaks(capsys: pytest.CaptureFixture[str]) -> None:
    emit([{"document": EVIL, "text": "two\nlines"}], ["document", "text"], "table",
         wrap=["text"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "ca01\\x1b]0;pwned\\x07.txt" in out
    assert "two" in out and "lines" in out and "two\\nlines" not in out
