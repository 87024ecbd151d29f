"""Code colours: "#rgb", "#rrggbb" or a basic colour name, always stored as "#rrggbb"."""

from __future__ import annotations

import re

# The 16 basic colour names of HTML 4 / CSS 1, plus the British "grey".
BASIC_COLOURS = {
    "aqua": "#00ffff",
    "black": "#000000",
    "blue": "#0000ff",
    "fuchsia": "#ff00ff",
    "gray": "#808080",
    "grey": "#808080",
    "green": "#008000",
    "lime": "#00ff00",
    "maroon": "#800000",
    "navy": "#000080",
    "olive": "#808000",
    "purple": "#800080",
    "red": "#ff0000",
    "silver": "#c0c0c0",
    "teal": "#008080",
    "white": "#ffffff",
    "yellow": "#ffff00",
}

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def normalise_colour(text: str) -> str | None:
    """``"#rrggbb"`` in lower case, ``""`` for no colour, or None if ``text`` is no colour."""
    text = text.strip()
    if not text:
        return ""
    named = BASIC_COLOURS.get(text.lower())
    if named:
        return named
    match = _HEX.fullmatch(text)
    if match is None:
        return None
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits


def colour_hint(text: str) -> str:
    """What to say about a value that :func:`normalise_colour` refused."""
    text = text.strip()
    allowed = "use #rgb, #rrggbb or one of " + ", ".join(sorted(BASIC_COLOURS))
    if _HEX.fullmatch("#" + text):
        return f"{allowed} (did you mean '#{text}'?)"
    return allowed
