"""The demo's partial human coding: a readable YAML file of quotes, applied by the demo build.

Each entry names a document (file name), a code ("Parent > Child" path) and a quote copied from
what a respondent said; optional ``important`` and ``memo``. Every problem is an InputError
naming the entry's line, and the whole file is applied in one action, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcode.core import spans
from qualcode.core.codetree import path_key, split_path
from qualcode.core.errors import InputError
from qualcode.core.model import Coding, Document, MemoTarget, Role
from qualcode.services.codes import code_paths
from qualcode.services.yaml_input import load_yaml
from qualcode.store import Store

DEMO_CODER = "demo-analyst"
FIELDS = {"document", "code", "quote", "important", "memo"}


@dataclass(frozen=True)
class DemoCoding:
    line: int
    document: str
    code: str
    quote: str
    important: bool = False
    memo: str = ""


def read_demo_coding(path: Path) -> list[DemoCoding]:
    data, root = load_yaml(path)
    if root is None or not isinstance(data, dict) or not isinstance(data.get("codings"), list):
        raise InputError(path, "expected a mapping with a `codings:` list")
    nodes = next(value for key, value in root.value if key.value == "codings").value
    return [_entry(path, item, node.start_mark.line + 1)
            for item, node in zip(data["codings"], nodes, strict=True)]


def _entry(path: Path, item: Any, line: int) -> DemoCoding:
    if not isinstance(item, dict):
        raise InputError(path, "each coding must be a mapping", line=line)
    unknown = set(item) - FIELDS
    if unknown:
        raise InputError(path, f"unknown field(s): {', '.join(sorted(unknown))}", line=line)
    for name in ("document", "code", "quote"):
        if not isinstance(item.get(name), str) or not item[name].strip():
            raise InputError(path, f"`{name}` is missing or empty", line=line)
    if not isinstance(item.get("important", False), bool):
        raise InputError(path, "`important` must be true or false", line=line)
    return DemoCoding(line=line, document=item["document"].strip(), code=item["code"].strip(),
                      quote=item["quote"].strip(), important=item.get("important", False),
                      memo=str(item.get("memo") or "").strip())


def apply_demo_coding(store: Store, path: Path, *, coder: str = DEMO_CODER) -> int:
    """Code every quote of the file; returns the number of codings made."""
    entries = read_demo_coding(path)
    documents = {d.name: d for d in store.documents.all()}
    codes = {path_key(p): code_id for code_id, p in code_paths(store.codes.all()).items()}
    seen: set[tuple[int, int, int, int]] = set()
    with store.action("demo coding", detail=path.name, coder=coder):
        for e in entries:
            doc = documents.get(e.document)
            if doc is None:
                raise InputError(path, f"no document named {e.document!r}", line=e.line)
            code_id = codes.get(path_key(split_path(e.code)))
            if code_id is None:
                raise InputError(path, f"no code {e.code!r} in the codebook", line=e.line)
            start, end = _locate(store, path, doc, e)
            if (doc.id or 0, code_id, start, end) in seen:
                raise InputError(path, "the same quote has this code twice", line=e.line)
            seen.add((doc.id or 0, code_id, start, end))
            coding_id = store.codings.add(Coding(
                document_id=doc.id or 0, code_id=code_id, start=start, end=end,
                text=doc.text[start:end], coder=coder, important=e.important))
            if e.memo:
                store.memos.set(MemoTarget.CODING, coding_id, e.memo, coder)
    return len(entries)


def _locate(store: Store, path: Path, doc: Document, e: DemoCoding) -> tuple[int, int]:
    found = list(spans.find_quote(doc.text, e.quote))
    excerpt = e.quote if len(e.quote) <= 50 else e.quote[:47] + "..."
    if not found:
        raise InputError(path, f"quote not found in {doc.name}: {excerpt!r}", line=e.line)
    if len(found) > 1:
        raise InputError(path, f"quote occurs {len(found)} times in {doc.name}: {excerpt!r}",
                         line=e.line)
    start, end = found[0]
    said = [(t.text_start, t.text_end) for t in store.turns.all(doc.id or 0)
            if t.role is Role.RESPONDENT]
    if not any(a <= start and end <= b for a, b in said):
        raise InputError(path, f"quote is not inside one respondent turn of {doc.name}: "
                               f"{excerpt!r}", line=e.line)
    return start, end
