"""Keep the candidate labels that follow the transcript's own convention.

Line-start patterns alone over-match ("Date: ...", "Example: ..." inside an answer), so the
candidates of one document are judged together:

1. formatting: when labels were found from formatting (bold runs in Word/ODT, voice tags) and
   they are a convention (not one bold title), plain-text labels count only for speakers that
   also appear formatted;
2. family: the most used label family (colon, heading, bracket, timestamp line) is the
   document's convention; labels of another family count only for speakers it already has;
3. headings: when headings are the convention but no heading name recurs, they are section
   titles, not speakers;
4. "Q." / "A." labels count only when both recur;
5. recurrence: once two or more speakers each have several turns, a plain "Word:" seen only
   once is text (a header line, a one-off "Funding:"), unless it names a role ("Interviewer 2",
   "Translator"), carries a time or formatting, or is a two-word name opening a paragraph.

Labels marked ``certain`` (WebVTT voice tags) are always kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from qualcode.ingest.labels import Family, Label
from qualcode.ingest.roles import is_role_label
from qualcode.ingest.rules import SpeakerRules, label_key


def choose_labels(candidates: Sequence[Label], rules: SpeakerRules) -> list[Label]:
    labels = _dots_in_pairs(_prefer_formatted(list(candidates)))
    labels = _keep_main_family(labels)
    labels = _drop_section_headings(labels)
    labels = _drop_one_offs(labels, rules)
    kept = {id(label) for label in labels}
    return [lb for lb in candidates if id(lb) in kept or lb.certain]  # in the given order


def main_family(labels: Sequence[Label]) -> Family | None:
    counts = Counter(label.family for label in labels)
    return counts.most_common(1)[0][0] if counts else None


def _drop_one_offs(labels: list[Label], rules: SpeakerRules) -> list[Label]:
    counts = Counter(label_key(label.speaker) for label in labels)
    if sum(1 for n in counts.values() if n >= 2) < 2:
        return labels  # too few turns to tell a one-off from a speaker
    return [
        label
        for label in labels
        if counts[label_key(label.speaker)] >= 2 or _one_off_speaker(label, rules)
    ]


def _one_off_speaker(label: Label, rules: SpeakerRules) -> bool:
    """A speaker who speaks once (a second interviewer's follow-up, a translator)."""
    if rules.is_interviewer(label.speaker) or is_role_label(label.speaker):
        return True
    if label.formatted or label.timestamp is not None or label.family is Family.STAMP:
        return True
    return label.paragraph_start and len(label.speaker.split()) >= 2


def _keep_main_family(labels: list[Label]) -> list[Label]:
    counts = Counter(label.family for label in labels)
    if len(counts) < 2:
        return labels
    most = max(counts.values())
    main = {family for family, n in counts.items() if n == most}
    speakers = {label_key(label.speaker) for label in labels if label.family in main}
    return [
        label
        for label in labels
        if label.family in main or label_key(label.speaker) in speakers
    ]


def _dots_in_pairs(labels: list[Label]) -> list[Label]:
    """ "Q." and "A." label turns only when both recur; else "A. Smith said" is text."""
    dots = Counter(label_key(lb.speaker)[:1] for lb in labels if lb.family is Family.DOT)
    if dots["q"] >= 2 and dots["a"] >= 2:
        return labels
    return [label for label in labels if label.family is not Family.DOT]


def _drop_section_headings(labels: list[Label]) -> list[Label]:
    """README-style headings ("## Background", "## Findings"): none of them recurs."""
    headings = [label for label in labels if label.family is Family.HEADING]
    if len(headings) < 2 or main_family(labels) is not Family.HEADING:
        return labels
    counts = Counter(label_key(label.speaker) for label in headings)
    if max(counts.values()) >= 2 or any(is_role_label(lb.speaker) for lb in headings):
        return labels
    return [label for label in labels if label.family is not Family.HEADING]


def _prefer_formatted(labels: list[Label]) -> list[Label]:
    formatted_labels = [label for label in labels if label.formatted]
    plain = len(labels) - len(formatted_labels)
    # One or two bold lines (a title, "SPEAKERS") are not a convention that rules the rest.
    if len(formatted_labels) < 2 or len(formatted_labels) * 3 < plain:
        return labels
    formatted = {label_key(label.speaker) for label in formatted_labels}
    return [
        label
        for label in labels
        if label.formatted or label_key(label.speaker) in formatted
    ]
