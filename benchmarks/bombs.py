"""Hostile files for the bounded-reader benchmark and tests: a .docx zip bomb.

A real Word package (content types, relationships, document.xml) whose document.xml inflates
to ``inflated`` bytes of XML padding from about a thousandth of that on disk, the shape of the
bomb in issue 9 (1 MB file, 1 GiB of XML inside). Written in a stream, so making it never holds
the inflated XML in memory.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

GIB = 1024 ** 3
_CHUNK = 1024 * 1024

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
         b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
         b'<w:t>FICTIONAL: a zip bomb</w:t></w:r></w:p>')
_TAIL = b"</w:body></w:document>"


def write_docx_bomb(path: Path, inflated: int = GIB) -> Path:
    """Write the bomb to ``path`` (about ``inflated / 1000`` bytes on disk) and return it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        large = inflated >= zipfile.ZIP64_LIMIT
        with package.open("word/document.xml", "w", force_zip64=large) as member:
            member.write(_HEAD)
            padding = b" " * _CHUNK  # white space between elements: valid XML, all padding
            left = inflated - len(_HEAD) - len(_TAIL)
            while left > 0:
                member.write(padding[:min(left, _CHUNK)])
                left -= _CHUNK
            member.write(_TAIL)
    return path

