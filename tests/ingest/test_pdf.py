from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.core.model import Role
from qualcode.ingest import read_transcript
from tests.ingest.helpers import assert_tiles, said, speakers

matplotlib = pytest.importorskip("matplotlib")
from matplotlib.figure import Figure  # noqa: E402


def _pdf(path: Path, lines: list[str], pages: int = 1) -> Path:
    """A small text PDF drawn with matplotlib's PDF backend (no binary fixture needed)."""
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for page in range(pages):
            figure = Figure(figsize=(8.5, 11))
            for i, line in enumerate(lines[page::pages]):
                figure.text(0.05, 0.95 - i * 0.03, line, fontsize=11)
            pdf.savefig(figure)
    return path


def test_text_pdf(tmp_path: Path) -> None:
    lines = [
        "FICTIONAL TRANSCRIPT - invented for tests.",
        "Interviewer: How did it start?",
        "Irina Ceban: In 2015, with three people.",
        "We met every Monday at 10:30.",
        "Interviewer: And now?",
        "Irina Ceban: Now we are twelve. Café ﬁne.",
    ]
    parsed = read_transcript(_pdf(tmp_path / "t.pdf", lines))
    assert parsed.format == "pdf"
    assert_tiles(parsed.text, parsed.turns)
    assert speakers(parsed.turns) == [
        None, "Interviewer", "Irina Ceban", "Interviewer", "Irina Ceban"
    ]
    assert parsed.turns[2].role is Role.RESPONDENT
    # pdfminer may lay the two lines out with a blank line between them
    answer = " ".join(said(parsed.text, parsed.turns[2]).split())
    assert answer == "In 2015, with three people. We met every Monday at 10:30."
    assert "Café fine." in parsed.text  # ligature ﬁ spelled out
    assert "\x0c" not in parsed.text


def test_pages_join(tmp_path: Path) -> None:
    lines = ["Interviewer: Page one.", "Maja: Page two."]
    parsed = read_transcript(_pdf(tmp_path / "t.pdf", lines, pages=2))
    assert speakers(parsed.turns) == ["Interviewer", "Maja"]
    assert "\x0c" not in parsed.text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    figure = Figure(figsize=(4, 4))
    figure.add_artist(matplotlib.patches.Rectangle((0.1, 0.1), 0.5, 0.5))
    figure.savefig(path)
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert err.value.problem == "PDF has no text layer (scanned?)"


@pytest.mark.parametrize("data", [b"not a pdf", b"%PDF-1.4\n garbage without structure"])
def test_broken_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match="not a valid PDF file|PDF has no text layer"):
        read_transcript(path)
