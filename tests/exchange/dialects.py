"""FICTIONAL REFI-QDA projects in the dialects of NVivo, ATLAS.ti, MAXQDA and QualCoder.

Shaped after the QDA-XML 1.0 standard and vendor notes: NVivo counts UTF-16 code units with a
CRLF as two over BOM-stripped text and writes ``Sources/``; ATLAS.ti counts a CRLF as one
although its files hold CRLF; MAXQDA counts the text as stored, uses ``internal://GUID.txt``
and puts variable values on sources; QualCoder counts code points. Positions here are computed
independently of qualcode's converter (by encoding the text), so the tests check it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

TEXT = ("FICTIONAL TRANSCRIPT for tests; no real person.\n"
        "Interviewer: How do members share what they know? \U0001F600\n"
        "Ana: Mostly in the forum \U0001F30D and in monthly webinars.\n"
        "Ana: A steering group of five countries decides. Donors fund it.\n"
        "Interviewer: Thank you.\n")

# (code guid, the coded text); each occurs once in TEXT.
QUOTES = [
    ("0b6a1a58-1d9e-4c41-9d2b-6f2a0c3e9a01", "the forum"),
    ("0b6a1a58-1d9e-4c41-9d2b-6f2a0c3e9a02", "monthly webinars"),
    ("0b6a1a58-1d9e-4c41-9d2b-6f2a0c3e9a03", "A steering group of five countries decides."),
]
PARENT = "0b6a1a58-1d9e-4c41-9d2b-6f2a0c3e9a00"
SOURCE = "5c1d7a70-3b1e-4f7e-8a55-0d9b7f1e2c10"
USER = "9a0e4a7b-6a6f-4b8b-9f0e-2d3c4b5a6f70"
NOTE = "7e2d9c10-5b4a-4d3c-8e1f-0a9b8c7d6e50"
CASE = "3f4e5d6c-7b8a-4c9d-8e0f-1a2b3c4d5e60"
PROJECT_NOTE = "7e2d9c10-5b4a-4d3c-8e1f-0a9b8c7d6e51"
SOURCE_NOTE = "7e2d9c10-5b4a-4d3c-8e1f-0a9b8c7d6e52"
CODE_NOTE = "7e2d9c10-5b4a-4d3c-8e1f-0a9b8c7d6e53"
COMMENT = "Said with a laugh (fictional quotation comment)."
SET = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
NOTES = {PROJECT_NOTE: ("Project diary", "Fieldwork starts in May (fictional)."),
         SOURCE_NOTE: ("About the interview", "Recorded online (fictional)."),
         CODE_NOTE: ("On knowledge", "Covers formal and informal learning (fictional).")}
VARS = {"Country": ("4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c71", "Text", "TextValue", "Moldova"),
        "Staff": ("4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c72", "Integer", "IntegerValue", "12"),
        "Member": ("4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c73", "Boolean", "BooleanValue", "true"),
        "Joined": ("4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c74", "Date", "DateValue", "2019-05-01"),
        "Budget": ("4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c75", "Float", "FloatValue", "1250.5"),
        "Visited": ("4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c76", "DateTime", "DateTimeValue",
                    "2021-03-04T10:00:00")}


def utf16_crlf(lf_index: int) -> int:
    """NVivo: UTF-16 units over the CRLF text before ``lf_index``."""
    raw = TEXT[:lf_index].replace("\n", "\r\n")
    return len(raw.encode("utf-16-le")) // 2


def code_points_crlf(lf_index: int) -> int:
    """MAXQDA: characters of the CRLF text as stored."""
    return len(TEXT[:lf_index].replace("\n", "\r\n"))


def code_points(lf_index: int) -> int:
    """ATLAS.ti (a CRLF counted as one) and QualCoder: code points over LF text."""
    return lf_index


@dataclass
class Dialect:
    origin: str
    position: object  # lf index -> the tool's position
    folder: str = "sources"
    crlf: bool = True
    bom: bool = False
    name_of: object = staticmethod(lambda quote: quote)  # selection name from its text
    shift: dict[int, int] = field(default_factory=dict)  # quote number -> positions off by
    on_source_values: bool = False
    extra_sources: str = ""
    extra_project: str = ""
    colour: str = "#1F77B4"
    upper_guids: bool = False


DIALECTS = {
    "nvivo": Dialect("NVivo 12 Windows", utf16_crlf, folder="Sources", bom=True,
                     colour="#FF1F77B4", upper_guids=True),
    "atlasti": Dialect("ATLAS.ti 9.1.3 (Windows)", code_points,
                       name_of=lambda q: q if len(q) < 20 else q[:18] + "…",
                       colour="rgb(31, 119, 180)",
                       extra_project='<Links><Link guid="11111111-2222-4333-8444-555555555555" '
                                     'name="is part of"/></Links>'
                                     f'<Sets><Set guid="{SET}" name="Online">'
                                     f'<MemberCode targetGUID="{QUOTES[1][0]}"/>'
                                     f'<MemberSource targetGUID="{SOURCE}"/></Set></Sets>'
                                     '<Graphs><Graph guid="11111111-2222-4333-8444-666666666666" '
                                     'name="Network"/></Graphs>'),
    "maxqda": Dialect("MAXQDA 2022 (Release 22.0.1)", code_points_crlf, shift={1: 3},
                      on_source_values=True,
                      extra_sources='<PictureSource guid="21111111-2222-4333-8444-555555555555" '
                                    'name="site visit.jpg" path="internal://pic.jpg"/>'),
    "qualcoder": Dialect("QualCoder 3.5", code_points, crlf=False),
}


def _g(d: Dialect, guid: str) -> str:
    return guid.upper() if d.upper_guids else guid


def _values(d: Dialect) -> str:
    return "".join(f'<VariableValue><VariableRef targetGUID="{_g(d, g)}"/><{tag}>{v}</{tag}>'
                   f"</VariableValue>" for g, _, tag, v in VARS.values())


def project_qde(d: Dialect) -> str:
    variables = "".join(f'<Variable guid="{_g(d, g)}" name="{n}" typeOfVariable="{t}"/>'
                        for n, (g, t, _, _) in VARS.items())
    codes = "".join(f'<Code guid="{_g(d, g)}" name="Code {i}" isCodable="true" color="{d.colour}">'
                    f"<Description>Fictional code {i}.</Description></Code>"
                    for i, (g, _) in enumerate(QUOTES))
    selections = ""
    comment = f"<Description>{COMMENT}</Description>" if d.origin.startswith("ATLAS") else ""
    for i, (code, quote) in enumerate(QUOTES):
        start = TEXT.index(quote)
        a = d.position(start) + d.shift.get(i, 0)
        b = d.position(start + len(quote)) + d.shift.get(i, 0)
        note = f'<NoteRef targetGUID="{_g(d, NOTE)}"/>' if i == 2 else ""
        selections += (
            f'<PlainTextSelection guid="{_g(d, f"6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c{i:02d}")}" '
            f'name={quoteattr(d.name_of(quote))} startPosition="{a}" endPosition="{b}" '
            f'creatingUser="{_g(d, USER)}" creationDateTime="2024-02-0{i + 1}T09:30:00Z">'
            f"{comment if i == 0 else ''}"
            f'<Coding guid="{_g(d, f"8b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d{i:02d}")}" '
            f'creatingUser="{_g(d, USER)}" creationDateTime="2024-02-0{i + 1}T09:30:00Z">'
            f'<CodeRef targetGUID="{_g(d, code)}"/>{note}</Coding></PlainTextSelection>')
    source_values = _values(d) if d.on_source_values else ""
    case = "" if d.on_source_values else (
        f'<Cases><Case guid="{_g(d, CASE)}" name="CA-01"><Description>Fictional case.'
        f"</Description>{_values(d)}<SourceRef targetGUID=\"{_g(d, SOURCE)}\"/></Case></Cases>")
    other_notes = "".join(
        f'<Note guid="{_g(d, g)}" name="{name}"><PlainTextContent>{text}</PlainTextContent></Note>'
        for g, (name, text) in NOTES.items())
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="Fictional study" origin="{d.origin}" '
        f'creatingUserGUID="{_g(d, USER)}">'
        f'<Users><User guid="{_g(d, USER)}" name="Rita Coder"/></Users>'
        f'<CodeBook><Codes><Code guid="{_g(d, PARENT)}" name="Knowledge" isCodable="false">'
        f'<NoteRef targetGUID="{_g(d, CODE_NOTE)}"/>{codes}</Code></Codes></CodeBook>'
        f"<Variables>{variables}</Variables>{case}"
        f'<Sources><TextSource guid="{_g(d, SOURCE)}" name="Interview CA-01" '
        f'plainTextPath="internal://{_g(d, SOURCE)}.txt" creatingUser="{_g(d, USER)}">'
        f'{selections}<NoteRef targetGUID="{_g(d, SOURCE_NOTE)}"/>{source_values}</TextSource>'
        f"{d.extra_sources}</Sources>"
        f'<Notes><Note guid="{_g(d, NOTE)}" name="Who decides" creatingUser="{_g(d, USER)}">'
        "<PlainTextContent>Decisions sit with five countries (fictional memo).</PlainTextContent>"
        f"</Note>{other_notes}</Notes>{d.extra_project}"
        f'<Description>A fictional study.</Description>'
        f'<NoteRef targetGUID="{_g(d, PROJECT_NOTE)}"/></Project>')


def source_bytes(d: Dialect) -> bytes:
    text = TEXT.replace("\n", "\r\n") if d.crlf else TEXT
    return (b"\xef\xbb\xbf" if d.bom else b"") + text.encode("utf-8")


def qdpx(name: str) -> bytes:
    d = DIALECTS[name]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("project.qde", project_qde(d))
        out.writestr(f"{d.folder}/{_g(d, SOURCE)}.txt", source_bytes(d))
    return buf.getvalue()
