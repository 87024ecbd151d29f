"""Filler phrases found once, when a parse's terms are made: a whole turn's and each
sentence's content read from them is what the rules find in the document itself, and a span
they cannot answer for (a coding's, or a turn glued to a word before it) is matched anew."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.nlp.parsed import ALPHA
from qualcode.suggest.filler import content_pieces, starts_clear
from qualcode.suggest.packed_terms import pack_terms, unpack_terms
from qualcode.suggest.terms import DocumentTerms, ParseTerms, PlacedParse

# pieces that make filler, near-filler and content, with the punctuation that decides
# "said on its own"
PIECES = ["Thank you", "thanks to the grant", "good question", "Good", "yes", "no", "Right",
          "of course", "the course", "can you hear me", "funding", "the network", "i mean",
          "well", "Oh", "exactly", "you know", "take care", "the plan", "İstanbul", "okay"]
PUNCT = ["", ",", ".", "!", "?", " -", "…"]


def _parse(text: str, sentences: list[tuple[int, int]]) -> dict[str, list[list[object]]]:
    """Parse data: every word a noun (its own lemma), and the sentences given."""
    tokens: list[list[object]] = [[m.start(), m.end(), m.group().lower(), "NOUN", ALPHA]
                                  for m in re.finditer(r"[^\W\d_]+", text)]
    return {"t": tokens, "nc": [], "s": [list(s) for s in sentences], "e": []}


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences cut after ". " (as a parser would, roughly), without their trailing space."""
    found, at = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " "):
            found.append((at, i + 1))
            at = i + 2
    if at < len(text):
        found.append((at, len(text)))
    return [(s, e) for s, e in found if e > s]


@st.composite
def turn_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(PUNCT)),
                          min_size=1, max_size=12))
    return " ".join(w + p for w, p in words)


@settings(max_examples=150, deadline=None)
@given(turns=st.lists(turn_texts(), min_size=1, max_size=4),
       glue=st.lists(st.sampled_from(["\n", "A: ", "x", "'", "-", " "]), min_size=4,
                     max_size=4))
def test_content_from_the_cache_is_the_content_of_the_document(turns: list[str],
                                                                glue: list[str]) -> None:
    document, parts, spans, placed = "", [], [], []
    for text, before in zip(turns, glue, strict=False):
        document += before
        sentences = _sentences(text)
        made = ParseTerms(_parse(text, sentences), text)
        blob = pack_terms(made)
        assert blob is not None
        parts.append(PlacedParse(len(document), unpack_terms(blob)))  # through the cache
        spans.append((len(document), len(document) + len(text)))
        placed.append(spans[-1])
        spans += [(len(document) + s, len(document) + e) for s, e in sentences]
        document += text
    terms = DocumentTerms(parts)
    for start, end in spans:
        assert terms.content(document, start, end) == content_pieces(document, start, end)
    for start, end in placed:  # a turn's passages read from its part's runs, as span by span
        for by_sentence, names in ((False, False), (True, True)):
            said = terms.passages(document, start, end, by_sentence=by_sentence, names=names)
            pieces = terms.sentences(start, end) if by_sentence else [(start, end)]
            expected = []
            for s, e in pieces:
                content = content_pieces(document, s, e)
                expected.append((s, e, content != [(s, e)],
                                 [w for a, b in content for w in terms.terms(a, b, names=names)]))
            assert said is None if not starts_clear(document, start) else said == expected
    # any other span (a coding's) is matched anew
    for start in range(0, len(document), 7):
        end = min(len(document), start + 23)
        assert terms.content(document, start, end) == content_pieces(document, start, end)


def test_a_turn_glued_to_a_word_is_matched_anew() -> None:
    document = "xyes, the plan"  # "yes" inside "xyes" is no back-channel
    text = document[1:]
    terms = DocumentTerms([PlacedParse(1, ParseTerms(_parse(text, [(0, len(text))]), text))])
    assert ParseTerms(_parse(text, [(0, len(text))]), text).length == len(text)
    assert content_pieces(text, 0, len(text)) != [(0, len(text))]  # alone it is filler
    assert terms.content(document, 1, len(document)) == [(1, len(document))]


def test_terms_made_without_their_text_know_no_filler() -> None:
    text = "Thank you. The plan."
    terms = DocumentTerms([PlacedParse(0, ParseTerms(_parse(text, _sentences(text))))])
    assert terms.content(text, 0, len(text)) == content_pieces(text, 0, len(text))
