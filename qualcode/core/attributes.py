"""Typed case attributes: reading values a user typed (CSV cells, --attr key=value)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

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
