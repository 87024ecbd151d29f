"""SubRip subtitles: numbered cues, "Name: " where the speaker changes -> a transcript."""

from __future__ import annotations

import re
from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.core.model import ParsedTranscript
from qualcode.ingest.cues import Cue, CueLine, Note, read_cue_file
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.subtitles import blocks, cue_start

# Formatting that players understand: <i>, <b>, <u>, <font ...>, and {\an8}-style overrides.
_MARKUP = re.compile(r"</?(?:i|b|u|s|font)\b[^>]*>|\{\\[^}]*\}", re.IGNORECASE)


def read(data: bytes, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    return read_cue_file(data, path, rules, parse_srt, format="srt", kind="subtitle")


def parse_srt(text: str, path: Path) -> list[Cue | Note]:
    cues: list[Cue] = []
    for number, lines in blocks(text):
        timing = 1 if lines[0].strip().isdigit() and len(lines) > 1 else 0
        if "-->" not in lines[timing]:
            # A blank line inside a subtitle's text: the block continues the previous cue.
            if not cues:
                raise InputError(
                    path, "expected a subtitle number and '00:00:01,000 --> ...' line", number
                )
            cues[-1].lines.extend(_payload(lines))
            continue
        start = cue_start(lines[timing])
        if start is None:
            problem = f"bad subtitle timing {lines[timing].strip()!r}"
            raise InputError(path, problem, number + timing)
        cues.append(Cue(start, _payload(lines[timing + 1 :])))
    if not cues:
        raise InputError(path, "no subtitles found (not a SubRip file?)")
    return list(cues)


def _payload(lines: list[str]) -> list[CueLine]:
    texts = (" ".join(_MARKUP.sub("", line).split()) for line in lines)
    return [CueLine(text) for text in texts if text]
