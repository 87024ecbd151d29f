"""Keep the candidate labels that follow the transcript's own convention.

Line-start patterns alone over-match ("Date: ...", "Example: ..." inside an answer), so the
candidates of one document are judged together:

1. formatting: when labels were found from formatting (bold runs in Word/ODT, voice tags),
   plain-text labels count only for speakers that also appear formatted;
2. family: the most used label family (colon, heading, bracket, timestamp line) is the
   document's convention; labels of another family count only for speakers it already has;
3. recurrence: once two or more speakers each have several turns, a label seen only once is
   text, not a speaker (a header line or a one-off "Note:"), unless it is an interviewer name.

Labels marked ``certain`` (WebVTT voice tags) are always kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from qualcode.ingest.labels import Label
from qualcode.ingest.rules import SpeakerRules, label_key


def choose_labels(candidates: Sequence[Label], rules: SpeakerRules) -> list[Label]:
    labels = _prefer_formatted(list(candidates))
    labels = _keep_main_family(labels)
    labels = _drop_one_offs(labels, rules)
    kept = {id(label) for label in labels}
    return [lb for lb in candidates if id(lb) in kept or lb.certain]  # in the given order


def _drop_one_offs(labels: list[Label], rules: SpeakerRules) -> list[Label]:
    counts = Counter(label_key(label.speaker) for label in labels)
    if sum(1 for n in counts.values() if n >= 2) < 2:
        return labels  # too few turns to tell a one-off from a speaker
    return [
        label
        for label in labels
        if counts[label_key(label.speaker)] >= 2 or rules.is_interviewer(label.speaker)
    ]


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


def _prefer_formatted(labels: list[Label]) -> list[Label]:
    formatted = {label_key(label.speaker) for label in labels if label.formatted}
    if not formatted:
        return labels
    return [
        label
        for label in labels
        if label.formatted or label_key(label.speaker) in formatted
    ]
