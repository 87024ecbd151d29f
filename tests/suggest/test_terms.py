"""Terms of any span of a document, from the parses of its turns."""

from __future__ import annotations

from qualcode.nlp.parsed import ParsedText, ParsedToken
from qualcode.suggest.terms import DocumentTerms, PlacedParse, phrase, text_terms, theme_label


def token(start: int, word: str, pos: str = "NOUN", stop: bool = False) -> ParsedToken:
    return ParsedToken(start, start + len(word), word.lower(), pos, stop, word.isalpha())


# "the case management um works" at offset 0, "donor funding" in a second turn at offset 100
FIRST = ParsedText(
    tokens=(token(0, "the", "DET", stop=True), token(4, "case"), token(9, "management"),
            token(20, "um", "INTJ"), token(23, "works", "VERB")),
    noun_chunks=((0, 3),), sentences=((0, 28),))
SECOND = ParsedText(tokens=(token(0, "donor"), token(6, "funding")), noun_chunks=((0, 2),),
                    sentences=((0, 13),))


def test_span_terms_are_content_lemmas_and_noun_phrases() -> None:
    terms = DocumentTerms([PlacedParse(100, SECOND), PlacedParse(0, FIRST)])
    assert terms.terms(0, 28) == ["case", "management", "works", "case management"]
    assert terms.terms(0, 15) == ["case"]  # a phrase counts only when wholly inside
    assert terms.terms(0, 200) == ["case", "management", "works", "case management",
                                   "donor", "funding", "donor funding"]
    assert terms.terms(101, 113) == ["funding"]
    assert terms.sentences(0, 200) == [(0, 28), (100, 113)]
    assert terms.sentences(50, 200) == [(100, 113)]


def test_fillers_stop_words_and_names_are_left_out() -> None:
    parsed = ParsedText(tokens=(token(0, "um", ""), token(3, "Ana", "PROPN"),
                                token(7, "the", "DET", stop=True), token(11, "forum", "")),
                        noun_chunks=(), sentences=())
    assert text_terms(parsed) == ["forum"]
    assert phrase([token(0, "the", "DET", stop=True), token(4, "forum")]) is None


def test_theme_label_prefers_phrases_and_says_no_word_twice() -> None:
    assert theme_label(["fee", "membership fee", "budget", "membership", "grant"]) == \
        "membership fee / budget / grant"
    assert theme_label([]) == "(no distinctive words)"


def test_theme_keywords_are_shown_as_they_were_said_not_as_lemmas() -> None:
    from types import SimpleNamespace

    from qualcode.services.suggest import surface_forms
    from qualcode.services.suggest_corpus import Unit

    text = "Social media data and the NGOs. More social media data."
    said = [(0, "Social", "social", "ADJ"), (7, "media", "medium", "NOUN"),
            (13, "data", "datum", "NOUN"), (26, "NGOs", "ngo", "NOUN"),
            (37, "social", "social", "ADJ"), (44, "media", "medium", "NOUN"),
            (50, "data", "datum", "NOUN")]
    parsed = ParsedText(tokens=tuple(ParsedToken(s, s + len(w), lemma, pos, False, True)
                                     for s, w, lemma, pos in said),
                        noun_chunks=((0, 3), (4, 7)), sentences=((0, 31), (32, 55)))
    corpus = SimpleNamespace(documents={1: SimpleNamespace(text=text)},
                             terms={1: DocumentTerms([PlacedParse(0, parsed)])})
    unit = Unit(1, 0, len(text), text, [], 0)
    forms = surface_forms(corpus, [unit])  # type: ignore[arg-type]
    assert forms == {"social": "social", "medium": "media", "datum": "data", "ngo": "NGOs"}
    label = theme_label([" ".join(forms[w] for w in t.split())
                         for t in ["social medium datum", "ngo"]])
    assert label == "social media data / NGOs"


def test_said_gives_each_content_word_as_written_for_many_spans_at_once() -> None:
    text = "The Case management um works".ljust(100) + "Donor FUNDING"
    terms = DocumentTerms([PlacedParse(100, SECOND), PlacedParse(0, FIRST)])
    assert list(terms.said(text, [(0, 28), (100, 113)])) == [
        ("case", "Case"), ("management", "management"), ("works", "works"),
        ("donor", "Donor"), ("funding", "FUNDING")]
    # a span over both turns, one inside a word (nothing wholly inside), and some lemmas only
    assert list(terms.said(text, [(0, 200), (5, 7)], {"funding", "case"})) == [
        ("case", "Case"), ("funding", "FUNDING")]
    assert list(terms.said(text, [(101, 113)])) == [("funding", "FUNDING")]
    assert list(terms.said(text, [])) == []
