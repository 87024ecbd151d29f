"""Reading a QualCoder project (a ``.qda`` folder or its ``data.qda`` SQLite file).

QualCoder's schema is public (its ``13-Sqlite-data-structure`` notes and table definitions):
``source`` (with ``fulltext``), ``code_cat`` (categories, ``supercatid``), ``code_name``
(codes in a category, ``supercid`` for sub-codes in recent versions), ``code_text`` (codings:
``pos0``/``pos1`` are code points into ``source.fulltext``, ``seltext`` the coded text),
``cases`` and ``case_text``, ``attribute_type``/``attribute`` (case or file values),
``annotation``, ``journal``. The file is opened read-only; categories become codes.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from qualcode.core.errors import InputError
from qualcode.core.model import AttributeType
from qualcode.exchange.anchor import Fit, place
from qualcode.exchange.guids import stable_guid
from qualcode.exchange.model import (
    XCase,
    XCode,
    XCoding,
    XNote,
    XProject,
    XSource,
    XUser,
    XVariable,
)
from qualcode.exchange.offsets import AS_IS, OffsetMap, normalise
from qualcode.exchange.xmlio import colour

REQUIRED = ("source", "code_name", "code_text")


def database_of(path: Path) -> Path:
    return path / "data.qda" if path.is_dir() else path


def read_qualcoder(path: Path) -> XProject:
    db = database_of(path)
    if not db.is_file():
        raise InputError(path, "no data.qda in this folder (not a QualCoder project?)")
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        with closing(conn):
            return _read(conn, db)
    except sqlite3.DatabaseError as err:
        raise InputError(db, f"not a readable QualCoder database ({err})") from None


def _rows(conn: sqlite3.Connection, table: str, tables: set[str]) -> list[dict[str, Any]]:
    if table not in tables:
        return []
    return [dict(r) for r in conn.execute(f'SELECT * FROM "{table}"')]


def _read(conn: sqlite3.Connection, db: Path) -> XProject:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED if t not in tables]
    if missing:
        raise InputError(db, f"not a QualCoder project (no table {missing[0]!r})")
    project = XProject(name=db.parent.name.removesuffix(".qda"), origin="QualCoder")
    about = _rows(conn, "project", tables)
    if about and (about[0].get("memo") or "").strip():
        project.notes.append(XNote(stable_guid("qc-note", "project"), "Project memo",
                                   about[0]["memo"]))
    owners: set[str] = set()
    _codes(conn, tables, project)
    sources = _sources(conn, tables, project, owners)
    _codings(conn, tables, project, sources, owners)
    _cases(conn, tables, project, sources)
    for j in _rows(conn, "journal", tables):
        project.notes.append(XNote(stable_guid("qc-journal", j["jid"] if "jid" in j else
                                               j["name"]), j.get("name") or "Journal",
                                   j.get("jentry") or "", j.get("owner") or "",
                                   j.get("date") or ""))
    project.skip("audio/video codings", len(_rows(conn, "code_av", tables)))
    project.skip("image codings", len(_rows(conn, "code_image", tables)))
    project.users = [XUser(stable_guid("qc-user", o), o) for o in sorted(owners) if o]
    return project


def _note(project: XProject, key: str, text: str | None, name: str = "", owner: str = "",
          date: str = "") -> list[str]:
    if not (text or "").strip():
        return []
    guid = stable_guid("qc-note", key)
    project.notes.append(XNote(guid, name, text or "", owner or "", date or ""))
    return [guid]


def _codes(conn: sqlite3.Connection, tables: set[str], project: XProject) -> None:
    cats = _rows(conn, "code_cat", tables)
    cat_guid = {c["catid"]: stable_guid("qc-cat", c["catid"], c["name"]) for c in cats}
    done: set[int] = set()
    while len(done) < len(cats):  # parents before children
        ready = [c for c in cats if c["catid"] not in done and
                 (c.get("supercatid") in (None, *done) or c.get("supercatid") not in cat_guid)]
        if not ready:
            raise InputError("data.qda", "the code categories form a cycle")
        for c in ready:
            done.add(c["catid"])
            project.codes.append(XCode(
                cat_guid[c["catid"]], (c["name"] or "").strip(),
                parent=cat_guid.get(c.get("supercatid")), codable=False,
                notes=_note(project, f"cat{c['catid']}", c.get("memo"), c["name"])))
    codes = _rows(conn, "code_name", tables)
    code_guid = {c["cid"]: stable_guid("qc-code", c["cid"], c["name"]) for c in codes}
    placed: set[int] = set()
    while len(placed) < len(codes):
        ready = [c for c in codes if c["cid"] not in placed and
                 (c.get("supercid") in (None, *placed) or c.get("supercid") not in code_guid)]
        if not ready:
            raise InputError("data.qda", "the sub-codes form a cycle")
        for c in ready:
            placed.add(c["cid"])
            parent = code_guid.get(c.get("supercid")) or cat_guid.get(c.get("catid"))
            project.codes.append(XCode(
                code_guid[c["cid"]], (c["name"] or "").strip(), parent=parent,
                colour=colour(c.get("color")),
                notes=_note(project, f"code{c['cid']}", c.get("memo"), c["name"])))


def _sources(conn: sqlite3.Connection, tables: set[str], project: XProject,
             owners: set[str]) -> dict[int, tuple[XSource, str]]:
    found: dict[int, tuple[XSource, str]] = {}
    for s in _rows(conn, "source", tables):
        if s.get("fulltext") is None:
            project.skip("audio, video and picture sources")
            continue
        owners.add(s.get("owner") or "")
        source = XSource(stable_guid("qc-source", s["id"], s["name"]), s["name"],
                         normalise(s["fulltext"]), coder=s.get("owner") or "",
                         created=s.get("date") or "",
                         notes=_note(project, f"source{s['id']}", s.get("memo"), "Memo"))
        project.sources.append(source)
        found[s["id"]] = (source, s["fulltext"])
    return found


def _codings(conn: sqlite3.Connection, tables: set[str], project: XProject,
             sources: dict[int, tuple[XSource, str]], owners: set[str]) -> None:
    code_guid = {c["cid"]: stable_guid("qc-code", c["cid"], c["name"])
                 for c in _rows(conn, "code_name", tables)}
    maps: dict[int, OffsetMap] = {}
    for k in _rows(conn, "code_text", tables):
        if k["fid"] not in sources or k["cid"] not in code_guid:
            raise InputError("data.qda", f"coding {k.get('ctid', '?')} points at a missing "
                                         f"{'source' if k['fid'] not in sources else 'code'}")
        source, raw = sources[k["fid"]]
        omap = maps.setdefault(k["fid"], OffsetMap(raw, AS_IS))
        a, b = omap.to_index(k["pos0"] or 0), omap.to_index(k["pos1"] or 0, end=True)
        placed = place(source.text, a, b, k.get("seltext") or "")
        where = f"source {source.name!r}, coding {k['pos0']}-{k['pos1']}"
        if placed.fit is Fit.OUTSIDE:
            project.problems.append(f"{where}: not found in the text; not imported")
            continue
        if placed.fit is Fit.MISFIT:
            project.problems.append(f"{where}: its text was not found; kept at its position")
        elif placed.fit is Fit.REANCHORED:
            project.notices.append(f"{where}: re-anchored to {placed.start}-{placed.end}")
        owners.add(k.get("owner") or "")
        source.codings.append(XCoding(
            stable_guid("qc-coding", k.get("ctid", ""), k["cid"], k["fid"], k["pos0"]),
            code_guid[k["cid"]], placed.start, placed.end, coder=k.get("owner") or "",
            created=k.get("date") or "", important=bool(k.get("important")),
            notes=_note(project, f"coding{k.get('ctid')}-{k['cid']}-{k['pos0']}",
                        k.get("memo"), owner=k.get("owner") or "")))
    for note in _rows(conn, "annotation", tables):
        if note["fid"] in sources:
            source = sources[note["fid"]][0]
            quote = source.text[note["pos0"]:note["pos1"]][:60]
            source.notes += _note(project, f"annotation{note['anid']}", note.get("memo"),
                                  f"Annotation on {quote!r}", note.get("owner") or "",
                                  note.get("date") or "")


def _cases(conn: sqlite3.Connection, tables: set[str], project: XProject,
           sources: dict[int, tuple[XSource, str]]) -> None:
    types = {t["name"]: t for t in _rows(conn, "attribute_type", tables)}
    for name, t in types.items():
        kind = AttributeType.NUMBER if t.get("valuetype") == "numeric" else AttributeType.TEXT
        project.variables.append(XVariable(stable_guid("qc-attr", name), name, kind,
                                           t.get("memo") or ""))
    kinds = {v.name: v for v in project.variables}
    for var in project.variables:  # QualCoder does not enforce its own "numeric" type
        values = [a.get("value") for a in _rows(conn, "attribute", tables)
                  if a["name"] == var.name and a.get("value") not in (None, "")]
        if var.type is AttributeType.NUMBER and not all(_number(v) for v in values):
            var.type = AttributeType.TEXT
    cases = {c["caseid"]: XCase(stable_guid("qc-case", c["caseid"], c["name"]), c["name"],
                                description=c.get("memo") or "")
             for c in _rows(conn, "cases", tables)}
    for link in _rows(conn, "case_text", tables):
        case, source = cases.get(link["caseid"]), sources.get(link["fid"])
        if case and source and source[0].guid not in case.sources:
            case.sources.append(source[0].guid)
    for a in _rows(conn, "attribute", tables):
        variable = kinds.get(a["name"])
        value = a.get("value")
        if variable is None or value in (None, ""):
            continue
        if variable.type is AttributeType.NUMBER:
            value = float(value)
        holder = (cases.get(a["id"]) if a.get("attr_type") == "case"
                  else (sources[a["id"]][0] if a["id"] in sources else None))
        if holder is not None:
            holder.values[variable.guid] = value
    project.cases = list(cases.values())


def _number(value: object) -> bool:
    try:
        float(str(value))
    except ValueError:
        return False
    return True
