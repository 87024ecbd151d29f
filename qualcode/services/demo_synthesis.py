"""The demo's synthesis: a readable YAML file of findings, the benchmarking matrix with its
ratings, the subject of the benchmark as a case of its own, case profiles, and the
consultant's report sections, applied by the demo build after the demo coding.

Every problem is an InputError naming the file (and the entry's line where known); the whole
file is applied in one action, or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from qualcode.core.codetree import path_key, split_path
from qualcode.core.errors import InputError
from qualcode.core.model import AttributeType
from qualcode.core.sections import PROFILE, SECTION_KINDS
from qualcode.core.synthesis import DEFAULT_MATRIX
from qualcode.services.codes import code_paths
from qualcode.services.yaml_input import load_yaml
from qualcode.store import Store
from qualcode.store import sections as section_table

TOP_KEYS = {"cases", "findings", "matrix", "profiles", "report", "sections"}
REPORT_SETTINGS = {"title": "report_title", "author": "report_author",
                   "language": "report_language"}


def read_demo_synthesis(path: Path) -> dict[str, Any]:
    data, _root = load_yaml(path)
    if not isinstance(data, dict) or set(data) - TOP_KEYS:
        raise InputError(path, f"expected a mapping with keys among {', '.join(sorted(TOP_KEYS))}")
    return data


def apply_demo_synthesis(store: Store, path: Path, *, coder: str) -> dict[str, int]:
    """Apply the file; returns how many of each kind of thing were written."""
    data = read_demo_synthesis(path)
    try:
        return _apply(store, path, data, coder)
    except (KeyError, TypeError, AttributeError) as err:
        raise InputError(path, f"an entry lacks a field or has the wrong shape ({err})") from None


def _apply(store: Store, path: Path, data: dict[str, Any], coder: str) -> dict[str, int]:
    codes = {path_key(p): i for i, p in code_paths(store.codes.all()).items()}

    def code_id(ref: str) -> int:
        found = codes.get(path_key(split_path(str(ref))))
        if found is None:
            raise InputError(path, f"no code {ref!r} in the codebook")
        return found

    counts: dict[str, int] = {}
    with store.action("demo synthesis", detail=path.name, coder=coder):
        counts["cases"] = _cases(store, data.get("cases") or [])
        cases = {c.name.casefold(): c.id or 0 for c in store.cases.all()}

        def case_id(ref: str) -> int:
            if str(ref).casefold() not in cases:
                raise InputError(path, f"no case {ref!r} in the project")
            return cases[str(ref).casefold()]

        for item in data.get("findings") or []:
            store.synthesis.set_finding(code_id(item["code"]), item["text"].strip(), coder)
        counts["findings"] = len(data.get("findings") or [])
        counts["cells"] = _matrix(store, path, data.get("matrix"), code_id, case_id, coder)
        for item in data.get("profiles") or []:
            section_table.set_section(store, PROFILE, item["text"].strip(), coder,
                                      case_id=case_id(item["case"]))
        counts["profiles"] = len(data.get("profiles") or [])
        for kind, value in (data.get("sections") or {}).items():
            if kind not in SECTION_KINDS:
                raise InputError(path, f"no report section {kind!r}")
            text, title = (value, "") if isinstance(value, str) else (value["text"],
                                                                     value.get("title", ""))
            section_table.set_section(store, kind, text.strip(), coder, title=title)
        counts["sections"] = len(data.get("sections") or {})
        for key, value in (data.get("report") or {}).items():
            if key not in REPORT_SETTINGS:
                raise InputError(path, f"unknown report setting {key!r}")
            store.settings.set(REPORT_SETTINGS[key], str(value))
    return counts


def _cases(store: Store, items: list[dict[str, Any]]) -> int:
    """Cases without an interview (the subject of the benchmark), with text attributes."""
    types = store.attributes.types()
    for item in items:
        case = store.cases.id_for(item["name"], create=True)
        for name, value in (item.get("attributes") or {}).items():
            if name not in types:
                store.attributes.define(name, AttributeType.TEXT)
                types[name] = AttributeType.TEXT
            store.cases.set_attribute(case, name, str(value))
    return len(items)


def _matrix(store: Store, path: Path, spec: dict[str, Any] | None,
            code_id: Callable[[str], int], case_id: Callable[[str], int], coder: str) -> int:
    if not spec:
        return 0
    columns = [code_id(c) for c in spec["columns"]]
    scale = [str(s) for s in spec["scale"]]
    matrix_id = store.synthesis.save_matrix(spec.get("name", DEFAULT_MATRIX), columns, scale)
    for item in spec.get("cells") or []:
        rating = str(item.get("rating", ""))
        if rating and rating not in scale:
            raise InputError(path, f"rating {rating!r} is not on the scale")
        store.synthesis.set_cell(matrix_id, case_id(item["case"]), code_id(item["code"]),
                                 str(item.get("summary", "")).strip(), rating, coder)
    return len(spec.get("cells") or [])
