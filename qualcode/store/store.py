"""The project file: the one place that reads and writes it.

Reads return core objects. Writes happen only inside ``with store.action(name):``, which is
one SQLite transaction: it commits when the block ends, or rolls back entirely on error, so
every user action is either wholly stored or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import (
    AttributeType,
    AttributeValue,
    Case,
    Code,
    Coding,
    Document,
    Memo,
    MemoTarget,
    Role,
    Speaker,
    Turn,
)
from qualcode.core.views import ActionInfo, DocumentInfo, ProjectStats, SearchHit
from qualcode.store import convert, history, registry
from qualcode.store.changes import ChangeLog
from qualcode.store.history import action_info

CODING_SELECT = """
SELECT codings.*, coders.name AS coder,
       (SELECT text FROM memos WHERE memos.target = 'coding' AND memos.target_id = codings.id
        ORDER BY memos.id LIMIT 1) AS memo
FROM codings JOIN coders ON coders.id = codings.coder_id
"""

TURN_SELECT = """
SELECT turns.*, speakers.name AS speaker FROM turns
LEFT JOIN speakers ON speakers.id = turns.speaker_id
"""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """A handle on a project file. Handles opened in one thread share one connection
    (``registry``); closing a handle closes the connection once no other handle uses it."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        access, self._link = registry.acquire(path, create=create)
        self.read_only: str | None = access.read_only  # why it may not be written, if so
        self.conn: sqlite3.Connection = self._link.conn
        self.db = Database(self.conn)
        self.log: ChangeLog = self._link.log
        self._open = True

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> Store:
        return cls(Path(path), create=create)

    def close(self) -> None:
        if self._open:
            self._open = False
            registry.release(self.path, self._link)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and the event log -------------------------------------------------------
    @contextmanager
    def action(self, name: str, *, detail: str = "", coder: str = "",
               undoable: bool = True) -> Iterator[int]:
        """One user action: one transaction, one entry in the event log."""
        if self.log.action_id is not None:
            raise RuntimeError(f"action {name!r} started inside another action")
        if self.read_only:
            raise QualcodeError(f"{self.read_only}; nothing was changed")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            cur = self.conn.execute(
                "INSERT INTO actions (name, detail, coder, created_at, undoable, state) "
                "VALUES (?, ?, ?, ?, ?, 'done')",
                (name, detail, coder, now(), int(undoable)),
            )
            self.log.action_id = int(cur.lastrowid or 0)
            self.log.logging = undoable
            self.log.changed = False
            yield self.log.action_id
            if not self.log.changed:
                # Nothing happened: leave no trace, so a repeated import changes nothing.
                self.conn.execute("DELETE FROM actions WHERE id = ?", (self.log.action_id,))
            elif undoable:
                # A coder's new change makes their undone actions unreachable by redo.
                self.conn.execute(
                    "UPDATE actions SET state = 'discarded' WHERE state = 'undone' "
                    "AND coder = ?", (coder,))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self.log.action_id = None
            self.log.logging = False

    def undo(self, coder: str | None = None) -> ActionInfo | None:
        """Revert ``coder``'s latest undoable action still done (anyone's when None); None
        when there is nothing to undo. Raises ``history.Conflict`` when its rows changed
        since."""
        return history.undo(self, coder)

    def redo(self, coder: str | None = None) -> ActionInfo | None:
        """Re-apply ``coder``'s earliest undone action; None when there is nothing to redo."""
        return history.redo(self, coder)

    def history(self, limit: int = 50) -> list[ActionInfo]:
        rows = self.conn.execute(
            "SELECT * FROM actions ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [action_info(r) for r in rows]

    def can_undo(self, coder: str | None = None) -> bool:
        return history.pending(self.conn, "done", coder) is not None

    def can_redo(self, coder: str | None = None) -> bool:
        return history.pending(self.conn, "undone", coder) is not None

    # -- settings --------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row["value"])

    def set_setting(self, key: str, value: Any) -> None:
        self.log._require_action()
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )
        self.log.changed = True

    # -- coders ----------------------------------------------------------------------------
    def coder_id(self, name: str) -> int:
        """The id of coder ``name``, adding the coder within the current action if new."""
        row = self.conn.execute("SELECT id FROM coders WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row["id"])
        return self.log.insert("coders", {"name": name})

    def coders(self) -> list[str]:
        return [r["name"] for r in self.conn.execute("SELECT name FROM coders ORDER BY id")]

    # -- documents, speakers, turns --------------------------------------------------------
    def add_document(self, doc: Document, turns: Sequence[Turn], source_path: str = "") -> int:
        """Store a parsed document with its speakers and turns (within the current action)."""
        doc_id = self.log.insert("documents", {
            "name": doc.name, "text": doc.text, "sha256": doc.sha256, "words": doc.word_count,
            "format": doc.format,
            "encoding": doc.encoding, "source_path": source_path,
            "imported_at": doc.imported_at, "case_id": doc.case_id,
        })
        speaker_ids: dict[str, int] = {}
        for turn in turns:
            if turn.speaker is not None and turn.speaker not in speaker_ids:
                speaker_ids[turn.speaker] = self.log.insert(
                    "speakers", {"document_id": doc_id, "name": turn.speaker,
                                 "role": turn.role.value})
        self.conn.executemany(
            'INSERT INTO turns (document_id, idx, start, "end", text_start, text_end, '
            "speaker_id, role, timestamp, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            # a generator: rows (each with a copy of its turn's text) go one by one
            ((doc_id, t.index, t.start, t.end, t.text_start, t.text_end,
              speaker_ids.get(t.speaker) if t.speaker is not None else None, t.role.value,
              t.timestamp, doc.text[t.text_start:t.text_end]) for t in turns),
        )
        return doc_id

    def document_id_by_sha(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else int(row["id"])

    def document_id_by_name(self, name: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
        return None if row is None else int(row["id"])

    def document(self, doc_id: int) -> Document:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id}")
        return convert.document(row)

    def find_document(self, ref: str) -> Document:
        """A document by id, exact name, or a unique name prefix/stem."""
        if ref.isdigit():
            row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (int(ref),)).fetchone()
            if row is not None:
                return convert.document(row)
        rows = self.conn.execute(
            "SELECT * FROM documents WHERE name = ? COLLATE NOCASE", (ref,)).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT * FROM documents WHERE name LIKE ? ESCAPE '\\'",
                (_like_prefix(ref),)).fetchall()
        if len(rows) == 1:
            return convert.document(rows[0])
        if not rows:
            raise NotFound(f"no document named {ref!r}")
        names = ", ".join(r["name"] for r in rows[:5])
        raise NotFound(f"{ref!r} matches several documents: {names}")

    def documents(self) -> list[Document]:
        return [convert.document(r)
                for r in self.conn.execute("SELECT * FROM documents ORDER BY name")]

    def document_infos(self, ids: Iterable[int] | None = None) -> list[DocumentInfo]:
        """Per document (all, or those in ``ids``): case, size and how much of what respondents
        said is coded. Three queries however many documents."""
        where, args = "", []
        if ids is not None:
            wanted = list(ids)
            where = f"WHERE d.id IN ({', '.join('?' * len(wanted)) or 'NULL'})"
            args = wanted
        rows = self.conn.execute(f"""
            SELECT d.id, d.name, d.format, d.case_id, c.name AS case_name, d.words,
                   (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
                   (SELECT count(*) FROM codings k WHERE k.document_id = d.id) AS codings
            FROM documents d LEFT JOIN cases c ON c.id = d.case_id {where} ORDER BY d.name
        """, args).fetchall()
        said: dict[int, list[tuple[int, int]]] = {}
        for t in self.conn.execute(
                f"SELECT document_id, text_start, text_end FROM turns "
                f"WHERE role = ? {where.replace('d.id', 'document_id').replace('WHERE', 'AND')}"
                " ORDER BY document_id, text_start", [Role.RESPONDENT.value, *args]):
            said.setdefault(t[0], []).append((t[1], t[2]))
        coded: dict[int, list[tuple[int, int]]] = {}
        for k in self.conn.execute(
                f'SELECT document_id, start, "end" FROM codings '
                f"{where.replace('d.id', 'document_id')} ORDER BY document_id, start", args):
            coded.setdefault(k[0], []).append((k[1], k[2]))
        infos = []
        for r in rows:
            spans = said.get(r["id"], [])
            infos.append(DocumentInfo(
                id=r["id"], name=r["name"], format=r["format"], case_id=r["case_id"],
                case_name=r["case_name"], words=r["words"], turns=r["turns"],
                codings=r["codings"], respondent_chars=sum(e - s for s, e in spans),
                coded_respondent_chars=_covered(spans, coded.get(r["id"], []))))
        return infos

    def turns(self, doc_id: int) -> list[Turn]:
        rows = self.conn.execute(TURN_SELECT + " WHERE turns.document_id = ? ORDER BY idx",
                                 (doc_id,)).fetchall()
        return [convert.turn(r) for r in rows]

    def speakers(self, doc_id: int | None = None) -> list[Speaker]:
        sql, args = "SELECT * FROM speakers", ()
        if doc_id is not None:
            sql, args = sql + " WHERE document_id = ?", (doc_id,)
        return [convert.speaker(r) for r in self.conn.execute(sql + " ORDER BY id", args)]

    def set_speaker_role(self, doc_id: int, name: str, role: Role) -> None:
        row = self.conn.execute("SELECT id FROM speakers WHERE document_id = ? AND name = ?",
                                (doc_id, name)).fetchone()
        if row is None:
            raise NotFound(f"no speaker {name!r} in document {doc_id}")
        self.log.update("speakers", row["id"], {"role": role.value})
        for t in self.conn.execute("SELECT id FROM turns WHERE speaker_id = ?",
                                   (row["id"],)).fetchall():
            self.log.update("turns", t["id"], {"role": role.value})

    def set_document_case(self, doc_id: int, case_id: int | None) -> None:
        self.log.update("documents", doc_id, {"case_id": case_id})

    # -- cases and attributes ----------------------------------------------------------------
    def case_id(self, name: str, *, create: bool = False) -> int:
        row = self.conn.execute("SELECT id FROM cases WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row["id"])
        if not create:
            raise NotFound(f"no case named {name!r}")
        return self.log.insert("cases", {"name": name})

    def cases(self) -> list[Case]:
        attrs: dict[int, dict[str, AttributeValue]] = {}
        for r in self.conn.execute("""
                SELECT ca.case_id, a.name, a.type, ca.value FROM case_attributes ca
                JOIN attributes a ON a.id = ca.attribute_id ORDER BY a.id"""):
            attrs.setdefault(r["case_id"], {})[r["name"]] = convert.attribute_from_text(
                AttributeType(r["type"]), r["value"])
        return [Case(name=r["name"], attributes=attrs.get(r["id"], {}), id=r["id"])
                for r in self.conn.execute("SELECT * FROM cases ORDER BY name")]

    def case(self, case_id: int) -> Case:
        for c in self.cases():
            if c.id == case_id:
                return c
        raise NotFound(f"no case with id {case_id}")

    def attribute_types(self) -> dict[str, AttributeType]:
        return {r["name"]: AttributeType(r["type"])
                for r in self.conn.execute("SELECT name, type FROM attributes ORDER BY id")}

    def define_attribute(self, name: str, kind: AttributeType) -> int:
        row = self.conn.execute("SELECT id, type FROM attributes WHERE name = ?",
                                (name,)).fetchone()
        if row is None:
            return self.log.insert("attributes", {"name": name, "type": kind.value})
        if row["type"] != kind.value:
            raise QualcodeError(
                f"attribute {name!r} is of type {row['type']}, not {kind.value}")
        return int(row["id"])

    def set_case_attribute(self, case_id: int, name: str, value: AttributeValue) -> None:
        kind = self.attribute_types().get(name)
        if kind is None:
            raise NotFound(f"no attribute named {name!r}")
        attr_id = self.define_attribute(name, kind)
        text = convert.attribute_to_text(kind, value)
        row = self.conn.execute(
            "SELECT id FROM case_attributes WHERE case_id = ? AND attribute_id = ?",
            (case_id, attr_id)).fetchone()
        if row is None:
            self.log.insert("case_attributes",
                            {"case_id": case_id, "attribute_id": attr_id, "value": text})
        else:
            self.log.update("case_attributes", row["id"], {"value": text})

    # -- codes -----------------------------------------------------------------------------
    def codes(self) -> list[Code]:
        """Every code, parents before children, siblings in their order."""
        rows = self.conn.execute("SELECT * FROM codes ORDER BY position, id").fetchall()
        by_parent: dict[int | None, list[Code]] = {}
        for r in rows:
            c = convert.code(r)
            by_parent.setdefault(c.parent_id, []).append(c)
        ordered: list[Code] = []

        def walk(parent: int | None) -> None:
            for c in by_parent.get(parent, []):
                ordered.append(c)
                walk(c.id)

        walk(None)
        return ordered

    def code(self, code_id: int) -> Code:
        row = self.conn.execute("SELECT * FROM codes WHERE id = ?", (code_id,)).fetchone()
        if row is None:
            raise NotFound(f"no code with id {code_id}")
        return convert.code(row)

    def add_code(self, code: Code) -> int:
        return self.log.insert("codes", convert.code_row(code))

    def update_code(self, code_id: int, **changes: Any) -> None:
        self.log.update("codes", code_id, changes)

    def delete_code(self, code_id: int) -> None:
        """Delete a code; its children, codings and memos must be gone first. Its finding
        goes with it (undo brings both back)."""
        for row in self.conn.execute("SELECT id FROM findings WHERE code_id = ?",
                                     (code_id,)).fetchall():
            self.log.delete("findings", row["id"])
        self.log.delete("codes", code_id)

    def coding_counts(self) -> dict[int, int]:
        return {r["code_id"]: r["n"] for r in self.conn.execute(
            "SELECT code_id, count(*) AS n FROM codings GROUP BY code_id")}

    # -- codings ---------------------------------------------------------------------------
    def add_coding(self, coding: Coding) -> int:
        return self.log.insert("codings", {
            "document_id": coding.document_id, "code_id": coding.code_id,
            "start": coding.start, "end": coding.end, "text": coding.text,
            "coder_id": self.coder_id(coding.coder), "important": int(coding.important),
            "origin": coding.origin, "created_at": coding.created_at or now(),
        })

    def find_coding(self, document_id: int, code_id: int, start: int, end: int,
                    coder: str | None = None) -> Coding | None:
        """The coding of exactly this span with this code (by ``coder``; by anyone when
        None): two coders may code the same span."""
        sql = CODING_SELECT + ' WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ?'
        args: list[Any] = [document_id, code_id, start, end]
        if coder is not None:
            sql, args = sql + " AND coders.name = ?", [*args, coder]
        row = self.conn.execute(sql + " ORDER BY codings.id LIMIT 1", args).fetchone()
        return None if row is None else convert.coding(row)

    def coding(self, coding_id: int) -> Coding:
        row = self.conn.execute(CODING_SELECT + " WHERE codings.id = ?",
                                (coding_id,)).fetchone()
        if row is None:
            raise NotFound(f"no coding with id {coding_id}")
        return convert.coding(row)

    def codings(self, *, document_id: int | None = None, code_ids: Iterable[int] | None = None,
                case_ids: Iterable[int] | None = None, important: bool | None = None) -> (
            list[Coding]):
        where, args = [], []
        if document_id is not None:
            where.append("codings.document_id = ?")
            args.append(document_id)
        if code_ids is not None:
            ids = list(code_ids)
            where.append(f"codings.code_id IN ({', '.join('?' * len(ids)) or 'NULL'})")
            args += ids
        if case_ids is not None:
            ids = list(case_ids)
            where.append("codings.document_id IN (SELECT id FROM documents WHERE case_id IN "
                         f"({', '.join('?' * len(ids)) or 'NULL'}))")
            args += ids
        if important is not None:
            where.append("codings.important = ?")
            args.append(int(important))
        sql = CODING_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY codings.document_id, codings.start, codings.id"
        return [convert.coding(r) for r in self.conn.execute(sql, args)]

    def update_coding(self, coding_id: int, **changes: Any) -> None:
        self.log.update("codings", coding_id, changes)

    def delete_coding(self, coding_id: int) -> None:
        """Delete a coding with its memo and its key-quote pick (undo brings them back)."""
        for memo_id in self._memo_ids(MemoTarget.CODING, coding_id):
            self.log.delete("memos", memo_id)
        for row in self.conn.execute("SELECT id FROM quote_picks WHERE coding_id = ?",
                                     (coding_id,)).fetchall():
            self.log.delete("quote_picks", row["id"])
        self.log.delete("codings", coding_id)

    # -- memos -----------------------------------------------------------------------------
    def memos(self, target: MemoTarget | None = None, target_id: int | None = None) -> list[Memo]:
        sql = ("SELECT memos.*, coders.name AS coder FROM memos "
               "LEFT JOIN coders ON coders.id = memos.coder_id")
        where, args = [], []
        if target is not None:
            where.append("memos.target = ?")
            args.append(target.value)
        if target_id is not None:
            where.append("memos.target_id = ?")
            args.append(target_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [convert.memo(r) for r in self.conn.execute(sql + " ORDER BY memos.id", args)]

    def _memo_ids(self, target: MemoTarget, target_id: int | None) -> list[int]:
        return [r["id"] for r in self.conn.execute(
            "SELECT id FROM memos WHERE target = ? AND target_id IS ? ORDER BY id",
            (target.value, target_id))]

    def set_memo(self, target: MemoTarget, target_id: int | None, text: str, coder: str,
                 title: str = "") -> int | None:
        """The memo of a document, code or coding (one each); empty text removes it."""
        ids = self._memo_ids(target, target_id)
        if not text:
            for memo_id in ids:
                self.log.delete("memos", memo_id)
            return None
        if ids:
            self.log.update("memos", ids[0], {"text": text, "title": title,
                                              "coder_id": self.coder_id(coder),
                                              "updated_at": now()})
            return ids[0]
        stamp = now()
        return self.log.insert("memos", {
            "target": target.value, "target_id": target_id, "title": title, "text": text,
            "coder_id": self.coder_id(coder), "created_at": stamp, "updated_at": stamp})

    def add_memo(self, target: MemoTarget, target_id: int | None, text: str, coder: str,
                 title: str = "") -> int:
        stamp = now()
        return self.log.insert("memos", {
            "target": target.value, "target_id": target_id, "title": title, "text": text,
            "coder_id": self.coder_id(coder), "created_at": stamp, "updated_at": stamp})

    def delete_memo(self, memo_id: int) -> None:
        self.log.delete("memos", memo_id)

    def memos_of(self, target: MemoTarget, target_id: int) -> list[int]:
        return self._memo_ids(target, target_id)

    # -- search ----------------------------------------------------------------------------
    def search(self, query: str, limit: int = 100) -> list[SearchHit]:
        sql = """
            SELECT turns.id, turns.document_id, turns.idx, turns.text_start, turns.text_end,
                   documents.name AS document_name, speakers.name AS speaker,
                   snippet(turns_fts, 0, '[', ']', '…', 16) AS snippet
            FROM turns_fts JOIN turns ON turns.id = turns_fts.rowid
            JOIN documents ON documents.id = turns.document_id
            LEFT JOIN speakers ON speakers.id = turns.speaker_id
            WHERE turns_fts MATCH ? ORDER BY rank LIMIT ?"""
        try:
            rows = self.conn.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS syntax: search for the words as typed.
            words = [w for w in query.replace('"', " ").split() if w]
            if not words:
                return []
            rows = self.conn.execute(sql, (" ".join(f'"{w}"' for w in words), limit)).fetchall()
        return [SearchHit(
            document_id=r["document_id"], document_name=r["document_name"], turn_id=r["id"],
            turn_index=r["idx"], speaker=r["speaker"], start=r["text_start"], end=r["text_end"],
            snippet=r["snippet"]) for r in rows]

    # -- summaries -------------------------------------------------------------------------
    def stats(self) -> ProjectStats:
        words = int(self.conn.execute(
            "SELECT coalesce(sum(words), 0) FROM documents").fetchone()[0])
        return ProjectStats(
            documents=self._count("documents"), cases=self._count("cases"), words=words,
            turns=self._count("turns"), speakers=self._count("speakers"),
            codes=self._count("codes"), codings=self._count("codings"),
            memos=self._count("memos"), coders=self._count("coders"),
        )

    def _count(self, table_and_where: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table_and_where}").fetchone()[0])

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every user-data table's rows (all but the event log, caches and SQLite's own),
        for tests and checks that nothing changed."""
        skip = {"actions", "events", "parse_cache", "parse_terms", "sqlite_sequence"}
        tables = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' AND name NOT LIKE 'turns_fts%' ORDER BY name")
            if r[0] not in skip]
        return {t: [tuple(r) for r in self.conn.execute(f'SELECT * FROM "{t}" ORDER BY 1')]
                for t in tables}


def _covered(spans: list[tuple[int, int]], coded: list[tuple[int, int]]) -> int:
    """How much of ``spans`` (sorted, disjoint) lies under at least one of ``coded``
    (sorted by start)."""
    merged: list[list[int]] = []
    for start, end in coded:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    # Both lists are sorted and non-overlapping: one sweep intersects them.
    covered, i = 0, 0
    for start, end in spans:
        while i < len(merged) and merged[i][1] <= start:
            i += 1
        j = i
        while j < len(merged) and merged[j][0] < end:
            covered += min(merged[j][1], end) - max(merged[j][0], start)
            j += 1
    return covered


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

