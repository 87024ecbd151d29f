"""Which single-byte encoding a text was saved in, using its language as evidence.

Bytes that are not UTF-8 decode without error in most single-byte code pages, and the
results are all letters: cp1250 "Čačak, Đakovica" read as cp1252 is "Èaèak, Ðakovica". What
tells them apart is the language: č and Đ are both Serbian/Croatian letters, while no language
writes both è and Ð. Each candidate encoding is scored by how well its non-ASCII characters fit
the alphabet of one language (plus common punctuation), penalising symbols inside words and
capitals inside lower-case words (KOI8-R read as cp1251). Ties go to the encoding listed first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from os.path import commonprefix

# Candidates, most likely first (Windows code pages before ISO and DOS ones): a tie goes to the
# earlier one. Each is tried strictly; a byte it leaves undefined rules it out.
CANDIDATES = (
    "cp1252", "cp1250", "iso8859_2", "cp1257", "cp1254", "cp1251", "cp1253",
    "iso8859_15", "iso8859_16", "iso8859_13", "iso8859_9", "koi8_r", "koi8_u", "iso8859_5",
    "iso8859_7", "mac_roman", "cp850", "cp852", "cp866", "latin_1",
)

_LATIN = {
    "Serbian/Croatian/Bosnian": "čćđšž",
    "Slovene": "čšž",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Polish": "ąćęłńóśźż",
    "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîșțşţ",
    "Albanian": "çë",
    "German": "äöüß",
    "French": "àâæçéèêëîïôœùûüÿ",
    "Spanish": "áéíñóúüºª",
    "Portuguese": "áâãàçéêíóôõúºª",
    "Italian": "àèéìíîòóùúºª",
    "Catalan": "àçèéíïòóúü",
    "Dutch": "áéèëïóöü",
    "Danish/Norwegian": "æøåé",
    "Swedish": "åäöé",
    "Finnish": "äöåšž",
    "Estonian": "äõöüšž",
    "Icelandic": "áðéíóúýþæö",
    "Latvian": "āčēģīķļņšūž",
    "Lithuanian": "ąčęėįšųūž",
    "Turkish": "çğıöşüâîûi",
}
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_CYRILLIC = {
    "Russian": _RUSSIAN,
    "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "Bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "Serbian (Cyrillic)": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "Macedonian": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
}
_GREEK = {"Greek": "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ"}
ALPHABETS: dict[str, frozenset[str]] = {
    name: frozenset(letters) for name, letters in {**_LATIN, **_CYRILLIC, **_GREEK}.items()
}
# Punctuation and symbols any language's text may hold (typographic quotes, dashes, €, no-break
# space); they count for every language, but not inside a word.
NEUTRAL = frozenset("\u00a0‘’‚“”„–—…•€«»°§·¡¿©®™±×÷¶¼½¾′″‹›\u2009\u202f\u00ad")
_INSIDE_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s’'\-\u00ad·](?=[^\W\d_])")
_CAPITAL_INSIDE = re.compile(r"(?<=[^\W\d_])[^\W\d_\x00-\x7f]")  # a non-ASCII letter in a word
_SAMPLE = 200_000  # characters scored: plenty of evidence, bounded time
_CHUNK = 1 << 20  # bytes decoded at a time when comparing two readings
# Latin letters touching Greek or Cyrillic ones in one word: Latin text read as cp1251.
_MIXED_SCRIPTS = re.compile(r"[A-Za-z](?=[\u0370-\u04ff])|[\u0370-\u04ff](?=[A-Za-z])")
# Greek has one accent per word and ς only at a word's end: Cyrillic read as cp1253 breaks both.
_GREEK_SLIPS = re.compile(r"ς(?=[^\W\d_])|[άέήίόύώΐΰ](?=[^\W\d_]*[άέήίόύώΐΰ])")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Reading:
    """One way of decoding the bytes, and how well it fits a language. Only a sample is
    decoded to score it: a long transcript is decoded whole once, by the reading chosen."""

    encoding: str
    data: bytes = field(repr=False, compare=False)
    fit: float  # share of non-ASCII characters that belong (1.0: all of them)
    language: str

    @property
    def text(self) -> str:
        return self.data.decode(self.encoding)

    def differs_from(self, other: Reading) -> str | None:
        """The first word that reads differently in ``other``, as "this / other" (as zipping
        both texts' words would find it, a chunk at a time)."""
        first = _first_difference(self.data, self.encoding, other.encoding)
        if first is None:
            return None
        start = _word_start(self.data, self.encoding, first)
        for mine, theirs in zip(_words_from(self.data, self.encoding, start),
                                _words_from(other.data, other.encoding, start), strict=False):
            if mine != theirs:
                return f"{_trim(mine)!r} / {_trim(theirs)!r}"
        return None


def readings(data: bytes) -> list[Reading]:
    """Every candidate that decodes ``data``, best fit first (ties in candidate order)."""
    found = []
    sample = bytes(memoryview(data)[:_SAMPLE])  # one byte is one character in each candidate
    for encoding in CANDIDATES:
        if any(byte in data for byte in _undefined(encoding)):
            continue
        fit, language = score(sample.decode(encoding))
        found.append(Reading(encoding, data, fit, language))
    found.sort(key=lambda r: -r.fit)  # stable: equal fits keep the candidates' order
    return found


@cache
def _undefined(encoding: str) -> tuple[bytes, ...]:
    """The bytes a single-byte encoding leaves undefined: the bytes that fail to decode."""
    undefined = []
    for value in range(256):
        try:
            bytes([value]).decode(encoding)
        except UnicodeDecodeError:
            undefined.append(bytes([value]))
    return tuple(undefined)


def _first_difference(data: bytes, encoding: str, other: str) -> int | None:
    """Where two single-byte readings of ``data`` first differ (character = byte offset)."""
    view = memoryview(data)
    for at in range(0, len(data), _CHUNK):
        mine, theirs = str(view[at:at + _CHUNK], encoding), str(view[at:at + _CHUNK], other)
        if mine != theirs:
            return at + len(commonprefix([mine, theirs]))
    return None


def _word_start(data: bytes, encoding: str, offset: int) -> int:
    """Just after the last white space before ``offset`` (0 if none): words before it read
    the same in both readings, which agree up to ``offset``."""
    view, end = memoryview(data), offset
    while end > 0:
        at = max(0, end - _CHUNK)
        window = str(view[at:end], encoding)
        for index in range(len(window) - 1, -1, -1):
            if window[index].isspace():
                return at + index + 1
        end = at
    return 0


def _words_from(data: bytes, encoding: str, start: int) -> Iterator[str]:
    """``str.split()`` of the text from ``start`` on, decoded a chunk at a time."""
    view, carry = memoryview(data), ""
    for at in range(start, len(data), _CHUNK):
        chunk = carry + str(view[at:at + _CHUNK], encoding)
        words = chunk.split()
        carry = "" if not words or chunk[-1].isspace() else words.pop()
        yield from words
    if carry:
        yield carry


def score(text: str) -> tuple[float, str]:
    """(fit, language): how well the text's non-ASCII characters fit its likeliest language."""
    text = text[:_SAMPLE]
    counts = Counter(_NON_ASCII.findall(text))
    total = sum(counts.values())
    if not total:
        return 1.0, ""
    penalty = (len(_INSIDE_WORD.findall(text)) + len(_MIXED_SCRIPTS.findall(text))
               + len(_GREEK_SLIPS.findall(text)) + _capitals_inside(text, counts))
    neutral = sum(n for ch, n in counts.items() if ch in NEUTRAL)
    letters: Counter[str] = Counter()
    for ch, n in counts.items():
        if ch not in NEUTRAL:
            letters["i" if ch == "İ" else ch.lower()] += n  # Turkish İ lowers to two chars
    best, language = 0, ""
    for name, alphabet in ALPHABETS.items():
        fitting = sum(n for ch, n in letters.items() if ch in alphabet)
        if fitting > best:
            best, language = fitting, name
    good = max(0, best + neutral - penalty)
    return good / total, language


def _capitals_inside(text: str, counts: Counter[str]) -> int:
    """Capitals after a lower-case letter in the same word, e.g. KOI8-R read as cp1251."""
    if not any(ch.isupper() for ch in counts):
        return 0
    return sum(1 for m in _CAPITAL_INSIDE.finditer(text)
               if m.group().isupper() and text[m.start() - 1].islower())


def _trim(word: str) -> str:
    return word if len(word) <= 24 else word[:21] + "..."
