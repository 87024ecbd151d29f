"""Vendor dialects of REFI-QDA: detected from ``origin``, then verified against the text.

Known facts (from the REFI-QDA documentation, vendor notes and the issue that asked for this):
NVivo counts positions in UTF-16 code units over BOM-stripped text with a CRLF as two; ATLAS.ti
counts a CRLF as one character although its source files hold CRLF; MAXQDA and QualCoder count
characters of the text as stored. The origin only orders the candidates: each source's scheme
is the one under which most selections' names (tools often name a selection by its text) fit
the text, so a mislabelled or unknown tool still lands right. Where names are missing or the
text is plain ASCII without CRLF, every scheme agrees and the origin's is used.
"""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.exchange.anchor import fits
from qualcode.exchange.offsets import OffsetMap, Scheme, Unit

NVIVO = Scheme(Unit.UTF16, crlf_is_two=True)
ATLAS_TI = Scheme(Unit.CODE_POINT, crlf_is_two=False)
AS_STORED = Scheme(Unit.CODE_POINT, crlf_is_two=True)

_BY_ORIGIN = (("nvivo", NVIVO), ("atlas", ATLAS_TI), ("maxqda", AS_STORED),
              ("qualcoder", AS_STORED), ("taguette", AS_STORED))

ALL_SCHEMES = tuple(Scheme(unit, two) for unit in (Unit.CODE_POINT, Unit.UTF16, Unit.UTF8)
                    for two in (True, False))

# Export targets for `qualcode export qdpx --for TOOL`: the scheme, and whether the text files
# are written with CRLF (MAXQDA expects CRLF in plain text it imports; NVivo and ATLAS.ti
# write it themselves).
EXPORT_TARGETS: dict[str, tuple[Scheme, bool]] = {
    "standard": (Scheme(Unit.CODE_POINT, crlf_is_two=True), False),
    "qualcoder": (Scheme(Unit.CODE_POINT, crlf_is_two=True), False),
    "nvivo": (NVIVO, True),
    "atlasti": (ATLAS_TI, True),
    "maxqda": (Scheme(Unit.CODE_POINT, crlf_is_two=True), True),
}


def vendor(origin: str) -> str:
    """A short vendor name from a project's ``origin`` ("" if unknown)."""
    low = origin.lower()
    for key, _ in _BY_ORIGIN:
        if key in low:
            return "atlasti" if key == "atlas" else key
    return ""


def preferred(origin: str) -> Scheme:
    low = origin.lower()
    for key, scheme in _BY_ORIGIN:
        if key in low:
            return scheme
    return AS_STORED


def candidates(origin: str) -> list[Scheme]:
    first = preferred(origin)
    return [first] + [s for s in ALL_SCHEMES if s != first]


def choose_scheme(raw: str, selections: Sequence[tuple[int, int, str]], origin: str,
                  text: str) -> tuple[Scheme, dict[Scheme, OffsetMap]]:
    """The scheme under which most ``(start, end, name)`` selections fit ``text`` (the
    normalised ``raw``); ties go to the origin's scheme. Returns the maps it built."""
    order = candidates(origin)
    maps: dict[Scheme, OffsetMap] = {order[0]: OffsetMap(raw, order[0])}
    named = [s for s in selections if s[2].strip()]
    if not named or (raw.isascii() and "\r" not in raw):
        return order[0], maps
    best, best_score = order[0], -1
    for scheme in order:
        omap = maps.setdefault(scheme, OffsetMap(raw, scheme))
        score = 0
        for start, end, name in named:
            a, b = omap.to_index(start), omap.to_index(end, end=True)
            if a is not None and b is not None and a < b and fits(text[a:b], name):
                score += 1
        if score > best_score:
            best, best_score = scheme, score
        if score == len(named):
            break
    return best, maps
