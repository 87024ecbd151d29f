"""Printing results: rich tables for people, CSV and JSON for other programs."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

import click

FORMATS = click.Choice(["table", "csv", "json"], case_sensitive=False)

# What a terminal would act on rather than show: C0 and C1 controls (ESC starts colour, title,
# clipboard and cursor sequences), DEL, and the bidirectional overrides that reorder a line.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def shown(value: object, keep: str = "") -> str:
    """``value`` as text that is safe to print: control characters (a file name with an ESC in
    it) appear escaped, as ``\\x1b``, never raw. Characters in ``keep`` (e.g. a newline in a
    wrapped table cell) are left as they are."""
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()),
                       str(value))


def _escape(ch: str) -> str:
    code = ord(ch)
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, *,
         title: str | None = None, wrap: Sequence[str] = ()) -> None:
    if fmt == "json":
        click.echo(json.dumps([{c: r.get(c) for c in columns} for r in rows],
                              ensure_ascii=False, indent=2, default=str))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
        click.echo(buf.getvalue(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=shown(title) if title else None, show_lines=bool(wrap),
                  header_style="bold")
    for c in columns:
        cells = [shown(r.get(c, ""), "\n") for r in rows]
        longest = max((len(v) for v in cells), default=0)
        if c in wrap:
            table.add_column(c, overflow="fold", ratio=3, min_width=16)
        elif longest <= 24:
            # Short values (numbers, ids, ratings) keep their width; headers and long names
            # wrap instead.
            table.add_column(c, overflow="fold", min_width=max(longest, min(len(c), 10), 3))
        else:
            table.add_column(c, overflow="fold", ratio=1, min_width=min(longest, 12))
    for r in rows:
        table.add_row(*["" if r.get(c) is None else shown(r.get(c), "\n") for c in columns])
    Console().print(table)


def echo_lines(lines: Sequence[str], *, err: bool = False) -> None:
    for line in lines:
        click.echo(shown(line), err=err)
