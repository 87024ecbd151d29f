"""The codebook as a Word document."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from qualcode.cli import main
from qualcode.services import exports
from qualcode.store import Store


def test_codebook_to_a_file_object_lists_every_code_as_a_heading(seeded: Store) -> None:
    with seeded.action("define", undoable=False):
        code = seeded.codes.all()[0]
        seeded.codes.update(code.id or 0, definition="How decisions are made.",
                            inclusion="Boards.", exclusion="Staff.", example="We vote.")
    out = io.BytesIO()
    assert exports.export_codebook_docx(seeded, out) == 3
    doc = docx.Document(io.BytesIO(out.getvalue()))
    headings = [(p.style.name, p.text) for p in doc.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Governance"), ("Heading 2", "Steering groups"),
                        ("Heading 1", "Knowledge sharing")]
    text = "\n".join(p.text for p in doc.paragraphs)
    for line in ("How decisions are made.", "Include: Boards.", "Exclude: Staff.",
                 "Example: We vote."):
        assert line in text


def test_cli_writes_the_codebook(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "codebook.docx"
    assert main(["--project", str(seeded.path), "export", "codebook", str(out)]) == 0
    assert "Steering groups" in [p.text for p in docx.Document(str(out)).paragraphs]
