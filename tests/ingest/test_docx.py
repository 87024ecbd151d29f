from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.core.model import Role
from qualcode.ingest import read_transcript
from tests.ingest.helpers import assert_tiles, said, speakers, write_docx


def test_bold_labels_with_colon_inside_or_after(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "t.docx",
        [
            [("FICTIONAL TRANSCRIPT - invented for tests.", False)],
            [("Interviewer:", True), (" How did it start?", False)],
            [("Dragan", True), (" ", False), ("Milić", True), (": In 2015.", False)],
            [("We had three staff.", False)],
            [("Interviewer: ", True), ("And now?", False)],
            [("Dragan Milić:", True), ("Twelve.", False)],
        ],
    )
    parsed = read_transcript(path)
    assert parsed.format == "docx"
    assert parsed.text.split("\n")[1] == "Interviewer: How did it start?"
    assert_tiles(parsed.text, parsed.turns)
    assert speakers(parsed.turns) == [
        None, "Interviewer", "Dragan Milić", "Interviewer", "Dragan Milić"
    ]
    assert [t.role for t in parsed.turns] == [
        Role.NOTE, Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER, Role.RESPONDENT
    ]
    assert said(parsed.text, parsed.turns[2]) == "In 2015.\nWe had three staff."
    assert said(parsed.text, parsed.turns[4]) == "Twelve."


def test_plain_colon_paragraphs_do_not_count_once_labels_are_bold(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "t.docx",
        [
            [("Q:", True), (" Funding?", False)],
            [("Grace Wanjiru:", True), (" Two sources.", False)],
            [("Income: sales of training.", False)],
            [("Income: also consultancy.", False)],
            [("Q:", True), (" Thanks.", False)],
            [("Grace Wanjiru:", True), (" Welcome.", False)],
        ],
    )
    parsed = read_transcript(path)
    assert speakers(parsed.turns) == ["Q", "Grace Wanjiru", "Q", "Grace Wanjiru"]
    assert said(parsed.text, parsed.turns[1]).endswith("Income: also consultancy.")


def test_plain_labels_when_nothing_is_bold(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "t.docx",
        [[("Interviewer: Hi.", False)], [("Samuel Okafor: Hello.", False)]],
    )
    assert speakers(read_transcript(path).turns) == ["Interviewer", "Samuel Okafor"]


def test_bold_name_paragraph_heads_a_turn(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "t.docx",
        [
            [("Interviewer", True)],
            [("Hello.", False)],
            [("Samuel Okafor", True)],
            [("Hi there.", False)],
        ],
    )
    parsed = read_transcript(path)
    assert speakers(parsed.turns) == ["Interviewer", "Samuel Okafor"]
    assert said(parsed.text, parsed.turns[1]) == "Hi there."


def test_tables_are_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "t.docx",
        [[("Interviewer:", True), (" Any numbers?", False)]],
        table=[["Interviewer: Members?", "Maja: 5,400."]],
    )
    parsed = read_transcript(path)
    assert parsed.text == "Interviewer: Any numbers?\nInterviewer: Members?\nMaja: 5,400."
    assert_tiles(parsed.text, parsed.turns)


def test_bold_from_a_character_style(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for name, text in (("Interviewer", "Hi."), ("Maja", "Hello.")):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{name}:", style="Strong")
        paragraph.add_run(f" {text}")
    document.save(str(tmp_path / "t.docx"))
    parsed = read_transcript(tmp_path / "t.docx")
    assert speakers(parsed.turns) == ["Interviewer", "Maja"]
    assert parsed.turns[0].text_start == len("Interviewer: ")


@pytest.mark.parametrize(
    "data",
    [b"this is not a zip", b"PK\x03\x04broken", b""],
)
def test_corrupt_docx_is_a_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert err.value.problem.startswith("not a valid .docx file (")
    assert err.value.path == str(path)


def test_zip_without_word_parts_is_a_clear_error(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    path = tmp_path / "other.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="not a valid .docx file"):
        read_transcript(path)


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "t.docx", [[("   ", False)]])
    with pytest.raises(InputError, match="empty file"):
        read_transcript(path)
