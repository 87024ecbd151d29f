"""Subtitle cues (VTT, SRT) -> a readable transcript rendered once, with its turns.

Each turn is rendered as "Name: what was said" (or just the text when no speaker is known),
turns separated by a blank line. Consecutive cues of one speaker merge into one turn; a cue
line without a speaker continues the current turn. If no cue names a speaker, every cue is a
turn of its own with no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.core.model import ParsedTranscript, Turn
from qualcode.ingest.decode import decode_text
from qualcode.ingest.labels import Family, Label, line_label
from qualcode.ingest.rules import SpeakerRules, label_key
from qualcode.ingest.selection import choose_labels


@dataclass
class CueLine:
    text: str
    voice: str | None = None  # speaker given by markup (a WebVTT voice tag)


@dataclass
class Cue:
    start: float  # seconds
    lines: list[CueLine] = field(default_factory=list)


@dataclass
class Note:
    """A comment block (WebVTT NOTE): kept as a turn without a speaker."""

    text: str


@dataclass
class _Draft:
    speaker: str | None
    timestamp: float | None
    parts: list[str] = field(default_factory=list)


# Dialogue markers that may precede a name in subtitles: "- Maja: ...", ">> Maja: ...".
_DASH = re.compile(r"[ \t]*(?:-|–|—|>>)[ \t]*")


def read_cue_file(data: bytes, path: Path, rules: SpeakerRules,
                  parse: Callable[[str, Path], list[Cue | Note]], *, format: str,
                  kind: str) -> ParsedTranscript:
    """A subtitle file (``format`` "vtt" or "srt", read by ``parse``) as a transcript;
    ``kind`` names its text ("caption", "subtitle") when no cue holds any."""
    decoded = decode_text(data, path)
    text, turns = render_cues(parse(decoded.text, path), rules)
    if not turns:
        raise InputError(path, f"no {kind} text in any cue")
    return ParsedTranscript(text=text, turns=turns, format=format, encoding=decoded.encoding,
                            notes=decoded.notes)


def render_cues(items: list[Cue | Note], rules: SpeakerRules) -> tuple[str, list[Turn]]:
    named = _spoken_labels(items, rules)
    if named:
        drafts = _fold(items, named)
    else:
        drafts = [
            _Draft(None, item.start, [line.text for line in item.lines])
            if isinstance(item, Cue)
            else _Draft(None, None, [item.text])
            for item in items
        ]
    return _render(drafts, rules)


def _spoken_labels(
    items: list[Cue | Note], rules: SpeakerRules
) -> dict[tuple[int, int], tuple[str, str]]:
    """(item, line) -> (speaker, rest of line) for every line that starts a speaker's turn."""
    candidates: list[Label] = []
    where: list[tuple[int, int, str]] = []
    for i, item in enumerate(items):
        if not isinstance(item, Cue):
            continue
        for j, line in enumerate(item.lines):
            if line.voice is not None:
                label = Label(len(where), 0, line.voice, Family.COLON, formatted=True, certain=True)
                rest = line.text
            else:
                dash = _DASH.match(line.text)
                body = line.text[dash.end() :] if dash else line.text
                found = line_label(body, 0, rules)
                if found is None or found.family not in (Family.COLON, Family.BRACKET):
                    continue
                label = Label(len(where), 0, found.speaker, found.family)
                rest = body[found.end :]
            candidates.append(label)
            where.append((i, j, rest.strip()))
    chosen = choose_labels(candidates, rules)
    return {where[lb.start][:2]: (lb.speaker, where[lb.start][2]) for lb in chosen}


def _fold(
    items: list[Cue | Note], named: dict[tuple[int, int], tuple[str, str]]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for i, item in enumerate(items):
        if isinstance(item, Note):
            drafts.append(_Draft(None, None, [item.text]))
            current = None
            continue
        for j, line in enumerate(item.lines):
            speaker, text = named.get((i, j), (None, line.text))
            same = (
                current is not None
                and current.speaker is not None
                and speaker is not None
                and label_key(current.speaker) == label_key(speaker)
            )
            if current is None or (speaker is not None and not same):
                current = _Draft(speaker, item.start)
                drafts.append(current)
            current.parts.append(text)
    return drafts


def _render(drafts: list[_Draft], rules: SpeakerRules) -> tuple[str, list[Turn]]:
    chunks: list[tuple[_Draft, str, str]] = []
    for draft in drafts:
        body = " ".join(_tidy(part) for part in draft.parts if part.strip())
        if body:
            label = f"{draft.speaker}: " if draft.speaker is not None else ""
            chunks.append((draft, label, body))
    text = "\n\n".join(label + body for _, label, body in chunks) + "\n"
    turns: list[Turn] = []
    offset = 0
    for index, (draft, label, body) in enumerate(chunks):
        start = offset
        offset += len(label) + len(body) + 2
        end = min(offset, len(text))
        turns.append(
            Turn(
                index=index,
                start=start,
                end=end,
                text_start=start + len(label),
                text_end=start + len(label) + len(body),
                speaker=draft.speaker,
                role=rules.role_of(draft.speaker),
                timestamp=draft.timestamp,
            )
        )
    return text, turns


def _tidy(part: str) -> str:
    """Single spaces inside each line; line breaks (in notes) stay."""
    lines = (" ".join(line.split()) for line in part.split("\n"))
    return "\n".join(line for line in lines if line)
