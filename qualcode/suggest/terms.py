"""From parses to the terms the suggesters count: content lemmas and noun-chunk phrases.

A document's turns are parsed one by one; ``DocumentTerms`` places those parses at their
offsets in the document, so the terms of any span (a coding, a sentence, a turn) can be read
without parsing again. Plain Python: no spaCy, no scikit-learn.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add
from sys import intern

from qualcode.nlp.packed import PackedParse
from qualcode.nlp.parsed import ALPHA, ParseData, ParsedText, ParsedToken
from qualcode.suggest.filler import content_pieces, filler_spans, pieces_between, starts_clear

Terms = list[str]
# what a passage says: (start, end, whether filler phrases were set aside, its other terms)
Passage = tuple[int, int, bool, Terms]
Span = tuple[int, int, str]  # a term where it was said

# Speech that carries no topic: fillers, back-channels, courtesies and transcribers' stage
# directions. Without them, greetings and sign-offs form a "theme" of their own.
FILLERS = frozenset({
    "um", "uh", "erm", "er", "hmm", "mm", "mhm", "ah", "oh", "yeah", "yes", "okay", "ok",
    "laugh", "laughs", "laughter", "pause", "inaudible", "crosstalk", "like", "know", "mean",
    "think", "say", "thing", "lot", "bit", "kind", "sort", "actually", "really", "maybe", "just",
    "right", "sure", "well", "guess", "honestly", "basically", "hello", "hi", "bye", "thank",
    "thanks", "sorry", "hear", "luck", "pleasure", "welcome", "morning", "afternoon", "evening",
    "fine", "perfect", "great", "nice", "lovely", "want", "ask", "tell", "let", "come", "go",
    "get", "way", "time", "year", "month", "week", "day",
})


# Nouns, verbs and adjectives carry topics. Names (PROPN) are left out of themes, where they
# would cluster passages by interview, but help to recognise codes (COVID, Viber, EU).
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
NAME_POS = frozenset({"PROPN"})


def is_content(token: ParsedToken, names: bool = False) -> bool:
    """A word worth counting (without a tagger, "" part of speech, every non-stop word)."""
    return (token.is_alpha and not token.is_stop and len(token.lemma) > 1
            and token.lemma not in FILLERS
            and (not token.pos or token.pos in CONTENT_POS or (names and token.pos in NAME_POS)))


def phrase(tokens: Sequence[ParsedToken], names: bool = False) -> str | None:
    """A noun chunk as a phrase term ("case management"), or None if under two content words."""
    words = [t.lemma for t in tokens if is_content(t, names)]
    return " ".join(words) if len(words) >= 2 else None


_COUNTED_POS = CONTENT_POS | NAME_POS | {""}
# What a parse's terms are kept as, each kind a run of spans in text order: content words and
# noun-chunk phrases without names and with them, the sentences, then the filler phrases of the
# whole text and those of each sentence on its own (filler.py; found once, when the terms are
# made, instead of by a regex over the corpus on every run).
_PLAIN, _NAMED, _PLAIN_PHRASES, _NAMED_PHRASES, _SENTENCES, _FILLER, _SENTENCE_FILLER = range(7)
_KINDS = 7


class _Layout:
    """Spans of several kinds laid end to end in two arrays (starts, ends), each kind's run in
    text order (its spans neither overlap nor nest, so starts and ends both ascend): those
    inside a span are one slice of a run, found by bisection. Values (the terms) sit at the
    same indices (sentences, the last kind, have empty ones). A few flat objects, not an object per
    span or per kind: a corpus's worth of small objects made every garbage collection slow."""

    __slots__ = ("starts", "ends", "values")

    def __init__(self) -> None:
        self.starts: array[int] = array("i")
        self.ends: array[int] = array("i")
        self.values: list[str] = []

    def slice(self, start: int, end: int, low: int, high: int) -> tuple[int, int]:
        """[first, last): the spans inside ``[start, end)`` among those at [low, high)."""
        return (bisect_left(self.starts, start, low, high),
                bisect_right(self.ends, end, low, high))


class ParseTerms(_Layout):
    """The terms of one parsed text, ready to read for any span of it: its content words and
    noun-chunk phrases with their character spans (with and without proper names), and its
    sentences. Far smaller than the parse, and read by bisection instead of token by token.

    Built from the parse's data form (``ParseData``, the cache's decoded JSON) or from a
    ``ParsedText``; tokens come in text order, as a parser gives them. Given the parsed
    ``text``, its filler phrases are found too (``length`` is then the text's length; -1
    when they were not).
    """

    __slots__ = ("cuts", "end", "length")

    def __init__(self, data: ParseData | PackedParse, text: str | None = None) -> None:
        super().__init__()
        parse = data if isinstance(data, PackedParse) else PackedParse.of(data)
        all_starts, all_ends, strings = parse.starts, parse.ends, parse.strings
        lemma_ids, pos_ids, flags = parse.lemma_ids, parse.pos_ids, parse.flags
        # is_content(names=True), inlined and judged once per distinct string: this runs
        # for every token of the corpus
        word_ok = [len(w) > 1 and w not in FILLERS for w in strings]
        pos_ok = [p in _COUNTED_POS for p in strings]
        counted = [i for i in range(len(flags)) if flags[i] == ALPHA
                   and word_ok[lemma_ids[i]] and pos_ok[pos_ids[i]]]
        starts, ends = [all_starts[i] for i in counted], [all_ends[i] for i in counted]
        # interned: the same lemma from every text is then one string in memory
        words = [intern(strings[lemma_ids[i]]) for i in counted]
        name_ids = {i for i, p in enumerate(strings) if p in NAME_POS}
        is_name = [pos_ids[i] in name_ids for i in counted]
        if any(is_name):
            plain = [(s, e, w) for s, e, w, n in zip(starts, ends, words, is_name, strict=True)
                     if not n]
        else:
            plain = list(zip(starts, ends, words, strict=True))
        plain_phrases, named_phrases = _phrases(parse, starts, ends, words, is_name)
        cuts = [0]
        for kind in (plain, list(zip(starts, ends, words, strict=True)), plain_phrases,
                     named_phrases):
            self.starts.extend([s for s, _, _ in kind])
            self.ends.extend([e for _, e, _ in kind])
            self.values += [v for _, _, v in kind]
            cuts.append(len(self.values))
        sentences = parse.sentences
        filler, sentence_filler = _filler(text, sentences) if text is not None else ([], [])
        for spans in (sentences, filler, sentence_filler):
            self.starts.extend([s for s, _ in spans])
            self.ends.extend([e for _, e in spans])
            self.values += [""] * len(spans)  # keeps values at their spans' indices
            cuts.append(len(self.starts))
        self.cuts = tuple(cuts)
        self.end: int = all_ends[-1] if all_ends else 0  # where the last token ends
        self.length: int = len(text) if text is not None else -1

    @classmethod
    def of(cls, parsed: ParsedText | ParseTerms) -> ParseTerms:
        return parsed if isinstance(parsed, ParseTerms) else cls(parsed.to_data())

    def terms(self, start: int, end: int, names: bool = False) -> Terms:
        """Content lemmas wholly inside ``[start, end)``, then the phrases wholly inside."""
        found: Terms = []
        for kind in (_NAMED, _NAMED_PHRASES) if names else (_PLAIN, _PLAIN_PHRASES):
            first, last = self.slice(start, end, self.cuts[kind], self.cuts[kind + 1])
            found += self.values[first:last]
        return found


def _phrases(parse: PackedParse, starts: list[int], ends: list[int], words: list[str],
             is_name: list[bool]) -> tuple[list[Span], list[Span]]:
    """Noun chunks as phrase terms (their content words' lemmas, two at least), without
    proper names and with them, in text order."""
    all_starts, all_ends = parse.starts, parse.ends
    plain_phrases: list[Span] = []
    named_phrases: list[Span] = []
    for i, j in parse.chunks:
        if j - i < 2:  # a phrase takes two content words
            continue
        first_char, last_char = all_starts[i], all_ends[j - 1]
        first, last = bisect_left(starts, first_char), bisect_right(ends, last_char)
        if last - first < 2:  # the chunk's content words
            continue
        named_phrases.append((first_char, last_char, intern(" ".join(words[first:last]))))
        chosen = words[first:last]
        if any(is_name[first:last]):
            chosen = [w for w, n in zip(chosen, is_name[first:last], strict=True) if not n]
            if len(chosen) < 2:
                continue
        plain_phrases.append((first_char, last_char, intern(" ".join(chosen))))
    plain_phrases.sort()  # noun chunks come in text order; sorting makes sure
    named_phrases.sort()
    return plain_phrases, named_phrases


def _filler(text: str, sentences: Sequence[tuple[int, int]]) -> tuple[list[tuple[int, int]],
                                                                      list[tuple[int, int]]]:
    """The filler phrases of the whole text, and those of each sentence on its own (a
    sentence that is the whole text has the whole text's)."""
    whole = filler_spans(text)
    return whole, [span for s, e in sentences
                   for span in (whole if (s, e) == (0, len(text)) else filler_spans(text, s, e))]


@dataclass(frozen=True)
class PlacedParse:
    offset: int  # where the parsed text starts in the document
    parsed: ParsedText | ParseTerms


class DocumentTerms(_Layout):
    """Terms of any span of one document, from the parses of its turns: their ParseTerms laid
    end to end (offsets within each turn), each turn a segment."""

    __slots__ = ("_offsets", "_reach", "_cuts", "_lengths")

    def __init__(self, parts: Sequence[PlacedParse]) -> None:
        super().__init__()
        placed = sorted(parts, key=lambda p: p.offset)
        self._offsets = array("i", [p.offset for p in placed])
        self._reach = array("i")  # where each part's last token ends, in the document
        self._cuts = array("i")  # per part, where each kind's run begins (and one past)
        self._lengths = array("i")  # each part's text length (-1: its filler is not known)
        for part in placed:
            terms = ParseTerms.of(part.parsed)
            self._reach.append(part.offset + terms.end)
            self._lengths.append(terms.length)
            base = len(self.starts)
            self._cuts.extend([base + cut for cut in terms.cuts])
            self.starts += terms.starts
            self.ends += terms.ends
            self.values += terms.values

    def parts(self) -> tuple[array[int], array[int], array[int], array[int]]:
        """Where each part starts, where its last token ends and its text's length (all in
        the document), and where each of its kinds' runs begins: with ``starts``, ``ends``
        and ``values``, all a DocumentTerms is (for the terms cache, packed_terms.py)."""
        return self._offsets, self._reach, self._lengths, self._cuts

    @classmethod
    def from_parts(cls, parts: tuple[array[int], array[int], array[int], array[int]],
                   starts: array[int], ends: array[int], values: list[str]) -> DocumentTerms:
        """A DocumentTerms from what ``parts`` and its spans gave (ValueError if they do not
        fit together)."""
        offsets, reach, lengths, cuts = parts
        if not (len(offsets) == len(reach) == len(lengths)
                and len(cuts) == (_KINDS + 1) * len(offsets)
                and len(starts) == len(ends) == len(values)
                and (not cuts or 0 <= min(cuts) <= max(cuts) <= len(values))):
            raise ValueError("document terms that do not fit together")
        made = cls.__new__(cls)
        made._offsets, made._reach, made._lengths, made._cuts = offsets, reach, lengths, cuts
        made.starts, made.ends, made.values = starts, ends, values
        return made

    def terms(self, start: int, end: int, *, names: bool = False) -> Terms:
        """Content lemmas and noun-chunk phrases inside ``[start, end)`` (with proper names
        when ``names``)."""
        kinds = (_NAMED, _NAMED_PHRASES) if names else (_PLAIN, _PLAIN_PHRASES)
        found: Terms = []
        for _, first, last in self._runs_over(start, end, *kinds):
            found += self.values[first:last]
        return found

    def said(self, text: str, spans: Iterable[tuple[int, int]],
             lemmas: Container[str] | None = None) -> Iterator[tuple[str, str]]:
        """(lemma, the word as written in ``text``) of each content word (names too) inside
        each of ``spans``, only those of ``lemmas`` if given: so a lemma can be shown as it
        was said. Words are picked by compress and sliced by map, with no bytecode per word:
        this runs over every passage of every theme."""
        values, starts, ends = self.values, self.starts, self.ends
        at: list[int] = []  # the words' indices
        shift: list[int] = []  # and the offset of the part each lies in
        for start, end in spans:
            for offset, first, last in self._runs_over(start, end, _NAMED):
                found = len(at)
                at += (range(first, last) if lemmas is None else
                       compress(range(first, last), map(lemmas.__contains__,
                                                        values[first:last])))
                shift += repeat(offset, len(at) - found)
        cut = map(slice, map(add, shift, map(starts.__getitem__, at)),
                  map(add, shift, map(ends.__getitem__, at)))
        return zip(map(values.__getitem__, at), map(text.__getitem__, cut), strict=True)

    def sentences(self, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans (document offsets) lying inside ``[start, end)``."""
        found = []
        for part in self._parts_over(start, end):
            offset, cuts = self._offsets[part], (_KINDS + 1) * part
            first, last = self.slice(start - offset, end - offset,
                                     self._cuts[cuts + _SENTENCES],
                                     self._cuts[cuts + _SENTENCES + 1])
            found += [(offset + s, offset + e) for s, e in zip(
                self.starts[first:last], self.ends[first:last], strict=True)]
        return found

    def passages(self, text: str, start: int, end: int, *, by_sentence: bool,
                 names: bool) -> list[Passage] | None:
        """What the turn at ``[start, end)`` of ``text`` says, whole or sentence by sentence:
        (start, end, whether filler was set aside, its terms outside filler) each, as
        ``content`` and ``terms`` would give them; None unless the turn is one parsed part
        whose filler is known. Reads the part's own runs, without a lookup per span."""
        part = bisect_right(self._offsets, start) - 1
        if (part < 0 or self._offsets[part] != start or self._lengths[part] != end - start
                or not starts_clear(text, start)):
            return None
        base = (_KINDS + 1) * part
        cuts = self._cuts[base:base + _KINDS + 1]
        starts, ends, values = self.starts, self.ends, self.values
        words, phrases = (_NAMED, _NAMED_PHRASES) if names else (_PLAIN, _PLAIN_PHRASES)
        w0, w1, p0, p1 = cuts[words], cuts[words + 1], cuts[phrases], cuts[phrases + 1]
        if by_sentence:
            first, last = cuts[_SENTENCES], cuts[_SENTENCES + 1]
            spans: Iterable[tuple[int, int]] = zip(starts[first:last], ends[first:last],
                                                   strict=True)
            f0, f1 = cuts[_SENTENCE_FILLER], cuts[_SENTENCE_FILLER + 1]
        elif cuts[_FILLER] == cuts[_FILLER + 1]:  # the usual turn: no filler, every term
            return [(start, end, False, values[w0:w1] + values[p0:p1])]
        else:
            spans, f0, f1 = ((0, end - start),), cuts[_FILLER], cuts[_FILLER + 1]

        def inside(a: int, b: int) -> Terms:  # the words, then the phrases, in [a, b)
            return (values[bisect_left(starts, a, w0, w1):bisect_right(ends, b, w0, w1)]
                    + values[bisect_left(starts, a, p0, p1):bisect_right(ends, b, p0, p1)])

        # bisect inlined (this runs for every turn or sentence of the corpus): the filler
        # phrases inside a span, then the terms inside each piece between them
        said = []
        for s, e in spans:
            first, last = bisect_left(starts, s, f0, f1), bisect_right(ends, e, f0, f1)
            if first == last:
                said.append((start + s, start + e, False, inside(s, e)))
                continue
            found: Terms = []
            at = s
            for i in range(first, last):
                if starts[i] > at:
                    found += inside(at, starts[i])
                at = max(at, ends[i])
            if at < e:
                found += inside(at, e)
            said.append((start + s, start + e, True, found))
        return said

    def content(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """``filler.content_pieces(text, start, end)`` for this document's ``text``: from the
        filler found when the terms were made when ``[start, end)`` is a whole parsed text or
        one of its sentences, else found now."""
        found = self._known_filler(text, start, end)
        return content_pieces(text, start, end) if found is None else \
            pieces_between(start, end, found)

    def _known_filler(self, text: str, start: int, end: int) -> list[tuple[int, int]] | None:
        """The filler phrases of ``[start, end)`` as found in its part alone, if that span is
        the part's whole text or one of its sentences; None otherwise. The part alone gives
        what the document would unless the character before it joins a word to its first
        one (the rules look one character back)."""
        part = bisect_right(self._offsets, start) - 1
        if part < 0 or self._lengths[part] < 0:
            return None
        offset, cuts = self._offsets[part], (_KINDS + 1) * part
        if start == offset and not starts_clear(text, offset):
            return None
        if (start, end) == (offset, offset + self._lengths[part]):
            kind = _FILLER
        elif self._is_sentence(part, start - offset, end - offset):
            kind = _SENTENCE_FILLER
        else:
            return None
        first, last = self.slice(start - offset, end - offset, self._cuts[cuts + kind],
                                 self._cuts[cuts + kind + 1])
        return [(offset + self.starts[i], offset + self.ends[i]) for i in range(first, last)]

    def _is_sentence(self, part: int, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (offsets in the part) is one of the part's sentences."""
        cuts = (_KINDS + 1) * part
        low, high = self._cuts[cuts + _SENTENCES], self._cuts[cuts + _SENTENCES + 1]
        at = bisect_left(self.starts, start, low, high)
        return at < high and self.starts[at] == start and self.ends[at] == end

    def _runs_over(self, start: int, end: int, *kinds: int) -> list[tuple[int, int, int]]:
        """(part's offset, first, last) of the spans of each of ``kinds`` (words or phrases:
        none ends after its part's last token) inside ``[start, end)``, part by part, then
        kind by kind. A span that is one part whole (a turn, usually) takes its runs whole,
        unbisected."""
        offsets, reach, cuts = self._offsets, self._reach, self._cuts
        part = bisect_right(offsets, start) - 1
        if (part >= 0 and offsets[part] == start and reach[part] <= end
                and (part == 0 or reach[part - 1] <= start)
                and (part + 1 == len(offsets) or offsets[part + 1] >= end)):
            base = (_KINDS + 1) * part
            return [(start, cuts[base + kind], cuts[base + kind + 1]) for kind in kinds]
        found = []
        for part in self._parts_over(start, end):
            offset, base = offsets[part], (_KINDS + 1) * part
            found += [(offset, *self.slice(start - offset, end - offset, cuts[base + kind],
                                           cuts[base + kind + 1])) for kind in kinds]
        return found

    def _parts_over(self, start: int, end: int) -> list[int]:
        """The parts (indices) that reach into ``[start, end)``."""
        offsets, reach = self._offsets, self._reach
        first = max(0, bisect_left(offsets, start) - 1)
        stop = bisect_left(offsets, end, first)  # parts from here on start at or after end
        return [p for p in range(first, stop) if reach[p] > start]


def text_terms(parsed: ParsedText | ParseTerms, *, names: bool = False) -> Terms:
    """Terms of a whole parsed text (a code's definition, say)."""
    return ParseTerms.of(parsed).terms(0, 1 << 62, names)


def identity(terms: Terms) -> Terms:
    """The analyzer the vectorizers use: terms are already made (module-level so it pickles)."""
    return terms


def theme_label(keywords: Sequence[str], size: int = 3) -> str:
    """A readable theme label: its most distinctive phrases first, no word said twice, no
    fragments of one or two letters ("de" of "de-identify")."""
    chosen: list[str] = []
    keywords = [k for k in keywords if len(k) > 2]
    for term in sorted(keywords, key=lambda t: (" " not in t, keywords.index(t))):
        words = set(term.split())
        if any(words & set(c.split()) for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) == size:
            break
    return " / ".join(chosen) if chosen else "(no distinctive words)"
