from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.ingest import SUPPORTED_SUFFIXES, read_transcript
from qualcode.ingest.registry import READERS


def test_supported_suffixes() -> None:
    assert frozenset({".txt", ".md", ".docx", ".odt", ".vtt", ".srt", ".pdf"}) == SUPPORTED_SUFFIXES
    assert set(READERS) == SUPPORTED_SUFFIXES


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "notes.xyz"
    path.write_text("Interviewer: hi")
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert err.value.problem == (
        "unsupported format '.xyz' (supported: .docx, .md, .odt, .pdf, .srt, .txt, .vtt)"
    )


def test_suffix_case_does_not_matter(tmp_path: Path) -> None:
    path = tmp_path / "LOUD.TXT"
    path.write_text("Interviewer: hi\nMaja: hello\n")
    parsed = read_transcript(path)
    assert parsed.format == "txt"
    assert [t.speaker for t in parsed.turns] == ["Interviewer", "Maja"]


def test_markdown_keeps_its_format_name(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text("**Interviewer:** hi\n")
    parsed = read_transcript(path)
    assert parsed.format == "md"
    assert parsed.text == "**Interviewer:** hi\n"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_transcript(tmp_path / "gone.txt")


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_transcript(tmp_path / "folder.txt")


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "cannot read file (Input/output error)"),
    ],
)
def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, problem: str
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Interviewer: hi")

    def refuse(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert err.value.problem == problem


def test_accepts_a_string_path(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Interviewer: hi\n")
    assert read_transcript(str(path)).turns[0].speaker == "Interviewer"  # type: ignore[arg-type]


def test_importing_ingest_loads_no_format_library() -> None:
    code = (
        "import sys, qualcode.ingest\n"
        "print(','.join(m for m in ('docx', 'pdfminer', 'charset_normalizer', 'defusedxml')"
        " if m in sys.modules))\n"
    )
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    )
    assert out.stdout.strip() == ""
