"""Filler is not content: back-channels, greetings, thanks, "good question", "that's a good
point" and the like, said around what an interview is about.

A rule list (kept here; extend it when a new kind of filler turns up in themes) finds such
phrases in a passage; the words they cover do not count as its content. A passage whose
content, once they are set aside, is under a few content words is filler as a whole and is
left out of themes and suggestions (callers count how many). Plain Python: no spaCy, no
scikit-learn.
"""

from __future__ import annotations

import re

_LEAD = r"(?:(?:well|oh|ah|um+|uh+|erm|so|yes|yeah|okay|ok|hmm+)[,.!]?\s+)*"
_BE = r"(?:that'?s|that is|this is|it'?s|it is|what a|a)"
_SO = r"(?:(?:a|an|very|really|quite|such a|kind of|sort of|a bit of|bit of a|an? )\s*)*"
_JUDGED = (r"(?:good|great|interesting|excellent|fair|valid|nice|hard|difficult|tough|tricky|"
           r"big|complex|complicated|important|excellent|fascinating)")

_ALONE = r"(?=\s*(?:[,.!?;:…]|$))"  # said on its own: punctuation or the end follows

# Each pattern matches a whole filler phrase (with the punctuation after it). Words that can
# also be content ("good practice", "no funding", "the right person") count as filler only
# when said on their own.
RULES: tuple[tuple[str, str], ...] = (
    ("judging the question", rf"{_LEAD}(?:{_BE}\s+)?{_SO}{_JUDGED}\s+(?:questions?|point)"),
    ("judging the remark", rf"{_LEAD}(?:{_BE}\s+)?{_SO}{_JUDGED}\s+(?:one|example|remark|"
                           rf"observation|idea){_ALONE}"),
    # a sentence of thanks is courtesy to its end ("thanks to the grant" is a reason)
    ("thanks", r"(?:thank you|many thanks|thanks(?!\s+to\b))[^.!?\n]*"),
    ("courtesy", r"(?:you'?re welcome|my pleasure|no problem|not at all|no worries|"
                 rf"pleasure|of course){_ALONE}"),
    ("greeting", r"(?:hello|hi|hey|good (?:morning|afternoon|evening)|nice to (?:meet|see) "
                 r"you(?: too)?|how are you(?: doing)?|bye|goodbye|bye-bye|see you(?: soon)?|"
                 r"take care|have a (?:nice|good|great) (?:day|one|weekend|evening)|"
                 r"(?:good|best of) luck(?: with (?:it|the (?:study|research|report)))?|"
                 r"all the best)"),
    ("back-channel", r"(?:yes|yeah|yep|yup|no|nope|okay|ok|right|sure|exactly|absolutely|"
                     r"definitely|indeed|true|correct|precisely|certainly|mm+-?hm+|mhm+|"
                     r"uh-?huh|hmm+|um+|uh+|erm|ah|oh|wow|cool|fine|great|perfect|good|"
                     r"i see|i agree|agreed|fair enough|that'?s (?:right|true|correct|it)|"
                     rf"me too|same here){_ALONE}"),
    # the call itself: hearing, freezing, cameras, the line (said about the call, not about
    # the network's online work, so only with "my", "you" or "the connection")
    ("the call", r"(?:can you (?:hear|see) me|(?:i )?can (?:hear|see) you|hear me (?:okay|ok|"
                 r"well|now|all right)|(?:you'?re|you are|i'?m|i am) (?:frozen|breaking up|"
                 r"on mute|muted)|if i (?:freeze|drop out)[^.!?\n]*|(?:switch|turn) (?:off|on) "
                 r"my (?:camera|video|mic|microphone)[^.!?\n]*|sorry (?:for|about) the "
                 r"(?:connection|line|noise|delay)[^.!?\n]*|(?:my|the) connection (?:is|was|"
                 r"drops|keeps|sometimes)[^.!?\n]*|my (?:camera|video|mic|microphone|internet) "
                 r"(?:is|was|isn'?t|keeps)[^.!?\n]*|the internet in (?:my|the|our) (?:building|"
                 r"office|house|flat|home)[^.!?\n]*|(?:is|hope) the recording (?:is )?(?:on|"
                 r"okay|ok|working|fine|going))"),
    ("hesitation", r"(?:let me (?:think|see)|how (?:can|should|do) i (?:put|say) (?:it|this)|"
                   r"how to (?:put|say) (?:it|this)|where was i|what was i saying|"
                   r"i (?:don'?t|do not) know|i'?m not sure|i (?:don'?t|do not) remember|"
                   r"(?:it'?s )?hard to say|(?:it'?s )?difficult to say|good to know|"
                   r"(?:sorry|pardon)(?:,? (?:could|can) you repeat(?: (?:that|the question))?)?"
                   r"|(?:could|can) you repeat(?: (?:that|the question))?|"
                   r"what do you mean|i mean|you know|you see|anyway)"),
)

_SOURCE = (r"(?<![\w'’-])(?:" + "|".join(f"(?:{p})" for _, p in RULES)
           + r")(?![\w'’-])[\s,.!?;:…-]*")
_PATTERN = re.compile("(?i)" + _SOURCE)
# The same on lower-case text: matching case-sensitively is about twice as fast, and this runs
# on every passage the suggesters read.
_LOWER_PATTERN = re.compile(_SOURCE)


def filler_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the filler phrases in ``text[start:end]``, in order, not overlapping."""
    end = len(text) if end is None else end
    before = max(0, start - 1)  # the character before: "not inside a word" looks at it
    piece = text[before:end]
    lowered = piece.lower()
    if len(lowered) != len(piece):  # a letter lowers to two ("İ"): offsets would shift
        return [m.span() for m in _PATTERN.finditer(text, start, end)]
    return [(s + before, e + before)
            for s, e in (m.span() for m in _LOWER_PATTERN.finditer(lowered, start - before))]


_JOINS = re.compile(r"[\w'’-]")  # a character before a phrase that makes it part of a word


def starts_clear(text: str, start: int) -> bool:
    """Whether a phrase may begin at ``start`` as it could at the very start of a text: the
    rules' only look outside a span is at the one character before it."""
    return start == 0 or _JOINS.match(text, start - 1) is None


def content_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` without its filler phrases: the pieces between them, in order."""
    return pieces_between(start, end, filler_spans(text, start, end))


def pieces_between(start: int, end: int,
                   filler: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` without the ``filler`` spans in it (in order): the pieces left."""
    pieces, at = [], start
    for s, e in filler:
        if s > at:
            pieces.append((at, s))
        at = max(at, e)
    if at < end:
        pieces.append((at, end))
    return pieces
