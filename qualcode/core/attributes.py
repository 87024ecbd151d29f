"""Typed case attributes: reading values a user typed (CSV cells, --attr key=value), naming an
attribute, and keeping the cases whose attributes have given values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from qualcode.core.errors import QualcodeError
from qualcode.core.model import AttributeType, AttributeValue

_TRUE = {"true", "yes", "y"}
_FALSE = {"false", "no", "n"}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def infer_type(values: Iterable[str]) -> AttributeType:
    """The narrowest type that every non-empty value fits."""
    seen = [v.strip() for v in values if v.strip()]
    if not seen:
        return AttributeType.TEXT
    if all(v.lower() in _TRUE | _FALSE for v in seen):
        return AttributeType.BOOLEAN
    if all(_is_date(v) for v in seen):
        return AttributeType.DATE
    if all(_is_number(v) for v in seen):
        return AttributeType.NUMBER
    return AttributeType.TEXT


def parse_value(kind: AttributeType, text: str) -> AttributeValue:
    """``text`` as a value of ``kind``; ValueError says why it does not fit."""
    text = text.strip()
    if kind is AttributeType.BOOLEAN:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ValueError(f"{text!r} is not a yes/no value")
    if kind is AttributeType.DATE:
        if not _is_date(text):
            raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)")
        return dt.date.fromisoformat(text)
    if kind is AttributeType.NUMBER:
        if not _is_number(text):
            raise ValueError(f"{text!r} is not a number")
        return float(text)
    return text


def format_value(value: AttributeValue) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# -- naming and filtering by attributes (one rule for the CLI, the services and the TUI) -----


def attribute_named(requested: str, known: Iterable[str]) -> str:
    """The attribute called ``requested`` (ignoring case and surrounding white space), as
    ``known`` spells it; else a QualcodeError that lists the known ones."""
    names = list(known)
    for name in names:
        if name.casefold() == requested.strip().casefold():
            return name
    raise QualcodeError(f"no case attribute {requested!r} (the project has: "
                        f"{', '.join(names) or 'none'})")


def attribute_filter(filters: Mapping[str, str], known: Iterable[str]) -> dict[str, str]:
    """``filters`` (attribute name -> value as shown) ready for :func:`matches_filter`: names
    and values in lower case without surrounding white space. An attribute no case can have is
    an error naming those there are: a typo would otherwise match nothing, which looks like
    an answer."""
    names = {name.strip().lower() for name in known}
    for name in filters:
        if name.strip().lower() not in names:
            raise QualcodeError(f"no case attribute named {name!r} "
                                f"(known: {', '.join(sorted(names)) or 'none'})")
    return {k.strip().lower(): v.strip().lower() for k, v in filters.items()}


def matches_filter(attributes: Mapping[str, AttributeValue], wanted: Mapping[str, str]) -> bool:
    """Whether a case with ``attributes`` has every wanted value (compared as
    :func:`format_value` shows it, ignoring case); a case without the attribute does not."""
    shown = {k.lower(): format_value(v).lower() for k, v in attributes.items()}
    return all(shown.get(k) == v for k, v in wanted.items())
