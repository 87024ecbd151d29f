"""A .docx or .odt zip bomb is refused by the import, in one line, before python-docx or the
XML parser inflates it. (Speed and memory on the 1 GiB bomb: `make bench`, stage "bomb".)"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from benchmarks.bombs import write_docx_bomb
from qualcode.cli import main
from qualcode.core.errors import InputError
from qualcode.ingest import read_transcript

MB = 1024 * 1024


def _odt_bomb(path: Path, inflated: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        with package.open("content.xml", "w") as member:
            member.write(b"<office:document-content>")
            for _ in range(inflated // MB):
                member.write(b" " * MB)
            member.write(b"</office:document-content>")
    return path


def test_a_docx_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    bomb = write_docx_bomb(tmp_path / "bomb.docx", 16 * MB)
    with pytest.raises(InputError) as caught:
        read_transcript(bomb)
    assert caught.value.path == str(bomb)
    assert "word/document.xml' inflates" in caught.value.problem
    assert "\n" not in str(caught.value)


def test_an_odt_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    bomb = _odt_bomb(tmp_path / "bomb.odt", 16 * MB)
    with pytest.raises(InputError, match=r"content\.xml' inflates \d+ times \(a zip bomb\?\)"):
        read_transcript(bomb)


def test_importing_a_bomb_stores_nothing_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.qualcode"
    assert main(["--project", str(project), "init"]) == 0
    bomb = write_docx_bomb(tmp_path / "bomb.docx", 16 * MB)
    capsys.readouterr()
    assert main(["--project", str(project), "import", str(bomb)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert re.fullmatch(rf"qualcode: error: {re.escape(str(bomb))}: member 'word/document\.xml' "
                        r"inflates \d+ times \(a zip bomb\?\); refused", err[0])
