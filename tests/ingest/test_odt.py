from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.core.model import Role
from qualcode.ingest import DEFAULT_INTERVIEWER_NAMES, SpeakerRules, read_transcript
from tests.ingest.helpers import assert_tiles, said, speakers, write_odt

RULES = SpeakerRules(interviewer_names=DEFAULT_INTERVIEWER_NAMES + ("Marta Kovač",))


def test_bold_spans_are_labels(tmp_path: Path) -> None:
    path = write_odt(
        tmp_path / "t.odt",
        [
            [("FICTIONAL TRANSCRIPT - invented for tests.", False)],
            [("Marta Kovač:", True), (" Good morning, Jonas.", False)],
            [("Jonas Lindqvist", True), (": Good morning.", False)],
            [("Remarks: we are an alliance.", False)],
            [("Remarks: of 80 members.", False)],
            [("Marta Kovač:", True), (" Thanks.", False)],
        ],
    )
    parsed = read_transcript(path, RULES)
    assert parsed.format == "odt"
    assert parsed.text.startswith("FICTIONAL TRANSCRIPT - invented for tests.\nMarta Kovač: Good")
    assert_tiles(parsed.text, parsed.turns)
    assert speakers(parsed.turns) == [None, "Marta Kovač", "Jonas Lindqvist", "Marta Kovač"]
    assert [t.role for t in parsed.turns] == [
        Role.NOTE, Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER
    ]
    assert said(parsed.text, parsed.turns[2]) == (
        "Good morning.\nRemarks: we are an alliance.\nRemarks: of 80 members."
    )


def test_plain_odt_uses_text_labels(tmp_path: Path) -> None:
    path = write_odt(
        tmp_path / "t.odt", [[("Interviewer: Hi.", False)], [("Jonas Lindqvist: Hej.", False)]]
    )
    assert speakers(read_transcript(path).turns) == ["Interviewer", "Jonas Lindqvist"]


def _odt_with_content(content: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def test_spaces_tabs_and_breaks(tmp_path: Path) -> None:
    content = (
        f"<office:document-content {_NS}><office:body><office:text>"
        "<text:p>Interviewer:<text:s text:c='2'/>Hi<text:tab/>there<text:line-break/>again"
        "<text:note><text:note-body><text:p>footnote</text:p></text:note-body></text:note></text:p>"
        "<text:list><text:list-item><text:p>Maja: Hello.</text:p></text:list-item></text:list>"
        "</office:text></office:body></office:document-content>"
    )
    path = tmp_path / "t.odt"
    path.write_bytes(_odt_with_content(content))
    parsed = read_transcript(path)
    assert parsed.text == "Interviewer:  Hi\tthere\nagain\nMaja: Hello."
    assert speakers(parsed.turns) == ["Interviewer", "Maja"]


def test_entity_tricks_are_refused(tmp_path: Path) -> None:
    content = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
        f"<office:document-content {_NS}><office:body><office:text>"
        "<text:p>&lol2;</text:p></office:text></office:body></office:document-content>"
    )
    path = tmp_path / "evil.odt"
    path.write_bytes(_odt_with_content(content))
    with pytest.raises(InputError, match="unsafe XML"):
        read_transcript(path)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    content = (
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        f"<office:document-content {_NS}><office:body><office:text>"
        "<text:p>&xxe;</text:p></office:text></office:body></office:document-content>"
    )
    path = tmp_path / "evil.odt"
    path.write_bytes(_odt_with_content(content))
    with pytest.raises(InputError, match="unsafe XML"):
        read_transcript(path)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"not a zip at all", "not a valid .odt file (not a zip archive)"),
        (_odt_with_content("<broken"), "not a valid .odt file (content.xml:"),
    ],
    ids=["not-a-zip", "broken-xml"],  # stable ids: the zip bytes hold the time they were made
)
def test_corrupt_odt_is_a_clear_error(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.odt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert err.value.problem.startswith(problem)


def test_spreadsheet_is_not_a_text_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    path = tmp_path / "sheet.odt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="not an OpenDocument text file"):
        read_transcript(path)
