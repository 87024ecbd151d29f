"""REFI-QDA variables and their values <-> qualcode's typed attributes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from xml.etree.ElementTree import Element

from qualcode.core.errors import InputError
from qualcode.core.model import AttributeType, AttributeValue
from qualcode.exchange.xmlio import child, guid, tag

# DateTime has no qualcode type: it is kept whole as text.
TYPE_IN = {"Text": AttributeType.TEXT, "Boolean": AttributeType.BOOLEAN,
           "Integer": AttributeType.NUMBER, "Float": AttributeType.NUMBER,
           "Date": AttributeType.DATE, "DateTime": AttributeType.TEXT}
TYPE_OUT = {AttributeType.TEXT: "Text", AttributeType.BOOLEAN: "Boolean",
            AttributeType.NUMBER: "Float", AttributeType.DATE: "Date"}


def read_value(element: Element, where: str) -> tuple[str, AttributeValue] | None:
    """(variable guid, value) of a VariableValue element; None when it holds no value."""
    ref = child(element, "VariableRef")
    if ref is None or not ref.get("targetGUID"):
        raise InputError(where, "a VariableValue has no VariableRef")
    for item in element:
        kind, text = tag(item), (item.text or "").strip()
        if kind == "VariableRef" or not text:
            continue
        try:
            return guid(ref.get("targetGUID", "")), _typed(kind, text)
        except ValueError:
            raise InputError(where, f"{kind} {text!r} is not a valid value") from None
    return None


def _typed(kind: str, text: str) -> AttributeValue:
    if kind == "BooleanValue":
        if text.lower() not in ("true", "false", "1", "0"):
            raise ValueError(text)
        return text.lower() in ("true", "1")
    if kind in ("IntegerValue", "FloatValue"):
        return float(text)
    if kind == "DateValue":
        return dt.date.fromisoformat(text[:10])
    return text


def write_value(kind: str, value: AttributeValue) -> tuple[str, str]:
    """(element name, text) for a value of REFI type ``kind``."""
    if kind == "Boolean":
        return "BooleanValue", "true" if value else "false"
    if kind == "Float" and not isinstance(value, dt.date):  # a Float holds a number
        number = float(value)
        # xsd:decimal has no exponent: 1e-05 must be written 0.00001.
        return "FloatValue", (str(int(number)) if number.is_integer()
                              else format(Decimal(repr(number)), "f"))
    if kind == "Date":
        return "DateValue", value.isoformat() if isinstance(value, dt.date) else str(value)
    return "TextValue", str(value)
