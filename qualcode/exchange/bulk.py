"""Bulk codings in and out: CSV, XLSX or JSON rows of document, code path, start, end, text,
coder, memo and important.

The same columns come out of ``qualcode codings --format csv|json`` and ``qualcode export
codings``, so a round trip is exact. ``id`` and ``case`` columns are ignored on the way in;
Taguette's highlights export (``id, document, tag, content``) is read too, its highlights found
by their text. Offsets are qualcode's (code points over the stored text).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcode.core.errors import InputError
from qualcode.core.files import atomic_path, atomic_write

COLUMNS = ["document", "code", "start", "end", "text", "coder", "memo", "important"]
ALIASES = {"code path": "code", "tag": "code", "content": "text", "file": "document",
           "source": "document", "key quote": "important"}
TRUE = {"yes", "true", "1", "x", "y"}
FALSE = {"", "no", "false", "0", "n"}


@dataclass(frozen=True)
class BulkRow:
    line: int  # in the file (CSV/XLSX row number, JSON item number), for messages
    document: str
    code: str  # a path, "Parent > Child"
    start: int | None
    end: int | None
    text: str
    coder: str = ""
    memo: str = ""
    important: bool = False


def read_rows(path: Path) -> list[BulkRow]:
    suffix = path.suffix.lower()
    if suffix == ".json":
        records = _json(path)
        first = 1
    elif suffix == ".xlsx":
        records, first = _xlsx(path), 2
    elif suffix in (".csv", ".tsv", ".txt"):
        records, first = _csv(path), 2
    else:
        raise InputError(path, f"unknown codings format {suffix or '(no suffix)'!r}; use .csv, "
                               ".xlsx or .json")
    rows = [_row(path, first + i, r) for i, r in enumerate(records)]
    if records and "_tag" in records[0]:  # Taguette: the tag's path has dots between levels
        from dataclasses import replace

        from qualcode.exchange.taguette import tag_path

        rows = [replace(r, code=" > ".join(tag_path(r.code))) for r in rows]
    return rows


def _columns(path: Path, header: Iterable[Any]) -> list[str]:
    raw = [str(h or "").strip().lower() for h in header]
    names = [ALIASES.get(h, h) for h in raw]
    if "tag" in raw and "code" not in raw:
        names.append("_tag")  # marks Taguette's highlights (an extra, empty column)
    # Without start/end or text, each row codes its whole document (document-level studies).
    missing = [c for c in ("document", "code") if c not in names]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)} (expected "
                               f"{', '.join(COLUMNS)})", line=1)
    return names


def _record(names: list[str], values: list[Any]) -> dict[str, Any]:
    """A row as a dict; short rows are padded, cells past the header are ignored."""
    padded = list(values)[: len(names)] + [""] * max(0, len(names) - len(values))
    return dict(zip(names, padded, strict=True))


def _csv(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" or (
        "\t" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0]) else "excel"
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as err:
        raise InputError(path, f"malformed CSV ({err})") from None
    if not rows:
        raise InputError(path, "the file is empty")
    names = _columns(path, rows[0])
    return [_record(names, r) for r in rows[1:] if any(c.strip() for c in r)]


def _xlsx(path: Path) -> list[dict[str, Any]]:
    from openpyxl import load_workbook  # only when an XLSX is read

    from qualcode.core.archive import open_zip

    open_zip(path, kind="XLSX workbook").close()  # refuse zip bombs before openpyxl inflates
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds on damaged files
        raise InputError(path, f"not a readable XLSX workbook ({type(err).__name__})") from None
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    if not rows:
        raise InputError(path, "the workbook is empty")
    names = _columns(path, rows[0])
    return [_record(names, ["" if c is None else c for c in r])
            for r in rows[1:] if any(c not in (None, "") for c in r)]


def _json(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as err:
        raise InputError(path, f"malformed JSON ({err.msg})", line=err.lineno) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read ({err})") from None
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise InputError(path, "expected a JSON list of objects, one per coding")
    if data:
        names = _columns(path, data[0].keys())
        data = [_record(names, list(d.values())) for d in data]
    return data


def _int(path: Path, line: int, value: Any, name: str) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if number < 0 or not number.is_integer():
        raise InputError(path, f"{name} {value!r} is not a whole number", line=line)
    return int(number)


def _row(path: Path, line: int, record: dict[str, Any]) -> BulkRow:
    important = str(record.get("important", "") or "").strip().lower()
    if important not in TRUE | FALSE:
        raise InputError(path, f"important {important!r} is not yes or no", line=line)
    return BulkRow(
        line=line, document=str(record.get("document", "") or "").strip(),
        code=str(record.get("code", "") or "").strip(),
        start=_int(path, line, record.get("start"), "start"),
        end=_int(path, line, record.get("end"), "end"),
        text=str(record.get("text", "") or ""), coder=str(record.get("coder", "") or "").strip(),
        memo=str(record.get("memo", "") or ""), important=important in TRUE)


def write_rows(rows: list[dict[str, Any]], dest: Path) -> None:
    """Write codings (dicts with COLUMNS) as CSV, XLSX or JSON by ``dest``'s suffix."""
    suffix = dest.suffix.lower()
    clean = [{c: r.get(c, "") for c in COLUMNS} for r in rows]
    if suffix == ".json":
        with atomic_write(dest, encoding="utf-8") as out:
            json.dump(clean, out, ensure_ascii=False, indent=2)
    elif suffix == ".csv":
        with atomic_write(dest, encoding="utf-8-sig", newline="") as out:
            writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(clean)
    elif suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        clean = [{c: ILLEGAL_CHARACTERS_RE.sub(" ", v) if isinstance(v, str) else v
                  for c, v in r.items()} for r in clean]
        book = Workbook(write_only=True)
        sheet = book.create_sheet("codings")
        sheet.append(COLUMNS)
        for r in clean:
            sheet.append([r[c] for c in COLUMNS])
        with atomic_path(dest) as tmp:
            book.save(tmp)
    else:
        raise InputError(dest, "write codings as .csv, .xlsx or .json")
