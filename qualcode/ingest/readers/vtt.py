"""WebVTT captions: voice tags <v Name> or "Name: " cue text -> a rendered transcript."""

from __future__ import annotations

import html
import re
from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.core.model import ParsedTranscript
from qualcode.ingest.cues import Cue, CueLine, Note, read_cue_file
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.subtitles import blocks, cue_start

_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>")
_TAG = re.compile(r"<[^>]*>")  # class, italics, karaoke timestamps, closing tags
_KEYWORD_BLOCKS = ("NOTE", "STYLE", "REGION")


def read(data: bytes, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    return read_cue_file(data, path, rules, parse_vtt, format="vtt", kind="caption")


def parse_vtt(text: str, path: Path) -> list[Cue | Note]:
    if not _HEADER.fullmatch(text.split("\n", 1)[0].rstrip()):
        raise InputError(path, "not a WebVTT file (the first line must be 'WEBVTT')", line=1)
    items: list[Cue | Note] = []
    for number, lines in list(blocks(text))[1:]:  # the first block is the header
        keyword = lines[0].split(maxsplit=1)[0] if lines[0].strip() else ""
        if keyword in _KEYWORD_BLOCKS and "-->" not in lines[0]:
            if keyword == "NOTE":
                note = "\n".join([lines[0].strip()[4:], *lines[1:]]).strip()
                if note:
                    items.append(Note(note))
            continue
        timing = 0 if "-->" in lines[0] else 1 if len(lines) > 1 and "-->" in lines[1] else None
        if timing is None:
            # A blank line inside a cue's text: the block continues the previous cue.
            previous = next((it for it in reversed(items) if isinstance(it, Cue)), None)
            if previous is None:
                raise InputError(
                    path, "expected a cue timing line '00:00:01.000 --> 00:00:04.000'", number
                )
            previous.lines.extend(_payload(lines, previous.lines))
            continue
        start = cue_start(lines[timing])
        if start is None:
            raise InputError(path, f"bad cue timing {lines[timing].strip()!r}", number + timing)
        cue = Cue(start)
        cue.lines = _payload(lines[timing + 1 :], [])
        items.append(cue)
    if not any(isinstance(item, Cue) for item in items):
        raise InputError(path, "no cues found in the WebVTT file")
    return items


def _payload(lines: list[str], before: list[CueLine]) -> list[CueLine]:
    """Cue text lines, tags removed; a voice tag's speaker holds until the cue's next one."""
    voice = before[-1].voice if before else None
    out = []
    for line in lines:
        for name, chunk in _voice_chunks(line):
            if name is not None:
                voice = name or None
            text = " ".join(html.unescape(_TAG.sub("", chunk)).split())
            if text:
                out.append(CueLine(text, voice))
    return out


def _voice_chunks(line: str) -> list[tuple[str | None, str]]:
    """Split at voice tags: [(None, text before), (speaker, text after tag), ...]."""
    chunks: list[tuple[str | None, str]] = []
    position = 0
    name: str | None = None
    for match in _VOICE.finditer(line):
        chunks.append((name, line[position : match.start()]))
        name = " ".join((match[1] or "").split())
        position = match.end()
    chunks.append((name, line[position:]))
    return chunks
