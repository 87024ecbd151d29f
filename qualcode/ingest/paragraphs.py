"""Word-processor documents (docx, odt): paragraphs of bold/plain runs -> text and turns.

A paragraph whose first run(s) are bold and end with ":" (or whose bold name is followed by
":") carries a speaker label; so does a paragraph holding only a bold name. Plain-text labels
are found too, but once bold labels exist they count only for the bold speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcode.core.model import Turn
from qualcode.ingest.decode import normalise_newlines
from qualcode.ingest.labels import Family, Label, find_labels
from qualcode.ingest.names import is_speaker
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.timecode import parse_clock
from qualcode.ingest.turns import turns_from_labels


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return normalise_newlines("".join(run.text for run in self.runs))


def join_paragraphs(paragraphs: list[Paragraph], rules: SpeakerRules) -> tuple[str, list[Turn]]:
    """The document text (paragraphs joined with a newline) and its turns."""
    texts = [paragraph.text for paragraph in paragraphs]
    text = "\n".join(texts)
    bold_labels = []
    offset = 0
    for paragraph, paragraph_text in zip(paragraphs, texts, strict=True):
        label = bold_label(paragraph, paragraph_text, offset, rules)
        if label is not None:
            bold_labels.append(label)
        offset += len(paragraph_text) + 1
    # Bold labels first: where both find a label at one start, the bold one is kept.
    return text, turns_from_labels(text, bold_labels + find_labels(text, rules), rules)


def bold_label(
    paragraph: Paragraph, text: str, offset: int, rules: SpeakerRules
) -> Label | None:
    prefix = _bold_prefix(paragraph)
    if not prefix.strip() or not text.startswith(prefix):
        return None
    lead = len(prefix) - len(prefix.lstrip())
    core = prefix.strip()
    rest = text[len(prefix) :]
    stamp = _stamp_label(core, rest.split("\n", 1)[0], lead, len(prefix), offset, rules)
    if stamp is not None:
        return stamp
    if core.endswith(":"):  # "Maja:" bold
        name, end, family = core[:-1].rstrip(), lead + len(core), Family.COLON
    elif rest.lstrip(" \t").startswith(":"):  # "Maja" bold, then ":"
        colon = len(prefix) + len(rest) - len(rest.lstrip(" \t"))
        name, end, family = core, colon + 1, Family.COLON
    elif not rest.strip():  # a paragraph holding only a bold name, text below it
        name, end, family = core, lead + len(core), Family.HEADING
    elif rest[:1] in (" ", "\t") and is_speaker(core, rules):  # "Maja<TAB>text", no colon
        name, end, family = core, lead + len(core), Family.COLON
    else:
        return None
    formatted = family is Family.COLON  # a bold line without a colon must still look a name
    if not is_speaker(name, rules, formatted=formatted):
        return None
    return Label(offset, offset + end, name, family, formatted=True)


# "Name  00:12" with the name bold and the time plain or bold (Otter, Teams and Zoom .docx).
_CLOCK_TAIL = re.compile(r"[ \t]*\(?(\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)\)?[ \t]*:?[ \t]*$")


def _stamp_label(core: str, rest_line: str, lead: int, prefix_len: int, offset: int,
                 rules: SpeakerRules) -> Label | None:
    inside = _CLOCK_TAIL.search(core)
    if inside is not None and inside.start() > 0 and not rest_line.strip():
        name, clock = core[: inside.start()].strip(), inside[1]
    else:
        after = _CLOCK_TAIL.match(rest_line)
        if after is None or not rest_line.strip():
            return None
        name, clock = core.rstrip(":").strip(), after[1]
    timestamp = parse_clock(clock)
    if timestamp is None or not is_speaker(name, rules, formatted=True):
        return None
    end = lead + len(core) if inside is not None and inside.start() > 0 else (
        prefix_len + len(rest_line))
    return Label(offset, offset + end, name, Family.STAMP, timestamp, formatted=True)


def _bold_prefix(paragraph: Paragraph) -> str:
    """Leading runs that are bold (white-space runs between them do not break the prefix)."""
    prefix = []
    for run in paragraph.runs:
        if not (run.bold or not run.text.strip()):
            break
        prefix.append(run.text)
    text = normalise_newlines("".join(prefix))
    return text.split("\n", 1)[0]  # a label never spans a line break
