"""Code colours on screen: a stable fallback for codes without one, and highlights that keep
the transcript's text readable on light and dark themes alike."""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from rich.text import Text
from textual.color import Color

from qualcode.core.model import Code

# Distinct, mid-bright colours (Tableau 20, darker half first) for codes with no colour.
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
    "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
)
SWATCH = "■"


def code_colour(code: Code) -> str:
    return code.colour or PALETTE[(code.id or 0) % len(PALETTE)]


def highlight(colour: str, background: Color) -> Style:
    """A background for text coded with ``colour``: the colour laid over the theme's
    background (stronger on light themes) with black or white text, whichever reads best."""
    strength = 0.45 if background.brightness < 0.5 else 0.7
    try:
        mixed = background.blend(Color.parse(colour), strength)
    except Exception:  # a malformed colour in the project must not break the screen
        mixed = background.blend(Color.parse("#808080"), strength)
    text = mixed.get_contrast_text(1.0)
    return Style(bgcolor=mixed.rich_color, color=text.rich_color)


def solid(colour: str) -> RichColor:
    try:
        return Color.parse(colour).rich_color
    except Exception:
        return Color.parse("#808080").rich_color


def code_heading(code: Code | None, path: str = "") -> Text:
    """A code panel's first line: the code's swatch and path, or a dim hint when none is
    highlighted (the code and finding panels open the same way)."""
    if code is None:
        return Text("No code highlighted.", style="dim")
    text = Text()
    text.append(f"{SWATCH} ", style=code_colour(code))
    text.append(path or code.name, style="bold")
    return text
