"""Documents with their turns and speakers: the transcripts as imported.

Lists never read document text (``summaries`` and ``infos`` select metadata columns only); the
text is loaded only when one document (``get``, ``find``) or every text (``all``) is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qualcode.core.errors import NotFound
from qualcode.core.handed import Handed
from qualcode.core.model import Document, Role, Speaker, Turn, TurnSpan
from qualcode.core.views import DocumentInfo, DocumentSummary
from qualcode.store import convert
from qualcode.store.repository import Filters, Repository

# Every column a Turn holds, and not ``turns.text``: that copy of what was said is for the
# full-text index, and reading it would read each document's text a second time.
TURN_SELECT = """
SELECT turns.id, turns.document_id, turns.idx, turns.start, turns."end", turns.text_start,
       turns.text_end, turns.role, turns.timestamp, speakers.name AS speaker FROM turns
LEFT JOIN speakers ON speakers.id = turns.speaker_id
"""

SUMMARY_COLUMNS = "id, name, format, sha256, imported_at, encoding, case_id, words"


class Documents(Repository):
    def add(self, doc: Document, turns: Sequence[Turn], source_path: str = "") -> int:
        """Store a parsed document with its speakers and turns (within the current action).
        Turns are never copied into the event log: imports are not undoable."""
        doc_id = self.log.insert("documents", {
            "name": doc.name, "text": doc.text, "sha256": doc.sha256, "words": doc.word_count,
            "format": doc.format,
            "encoding": doc.encoding, "source_path": source_path,
            "imported_at": doc.imported_at, "case_id": doc.case_id,
        })
        self._add_turns(doc_id, turns, doc.text)
        return doc_id

    def _add_turns(self, doc_id: int, turns: Sequence[Turn], text: str) -> None:
        speaker_ids: dict[str, int] = {}
        for turn in turns:
            if turn.speaker is not None and turn.speaker not in speaker_ids:
                speaker_ids[turn.speaker] = self.log.insert(
                    "speakers", {"document_id": doc_id, "name": turn.speaker,
                                 "role": turn.role.value})
        self.log.insert_unlogged("turns", (
            {"document_id": doc_id, "idx": t.index, "start": t.start, "end": t.end,
             "text_start": t.text_start, "text_end": t.text_end,
             "speaker_id": speaker_ids.get(t.speaker) if t.speaker is not None else None,
             "role": t.role.value, "timestamp": t.timestamp,
             "text": text[t.text_start:t.text_end]} for t in turns))

    def add_handed(self, doc: Document, words: int, turns: Handed[list[Turn]],
                   text: Handed[str], source_path: str = "") -> int:
        """As ``add`` for an import (never logged), with the text and turns handed over:
        turns are stored and let go, then the text, so a long transcript is never held by
        Python while SQLite copies it. ``doc.text`` is unused."""
        if self.log.logging:
            raise RuntimeError("a handed text is never logged: use add in a recorded action")
        doc_id = self.log.insert("documents", {
            "name": doc.name, "text": "", "sha256": doc.sha256, "words": words,
            "format": doc.format, "encoding": doc.encoding, "source_path": source_path,
            "imported_at": doc.imported_at, "case_id": doc.case_id,
        })
        self._add_turns(doc_id, turns.take(), text.peek())
        self.log.set_handed_unlogged("documents", doc_id, "text", text.take)
        return doc_id

    def id_by_sha(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else int(row["id"])

    def id_by_name(self, name: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
        return None if row is None else int(row["id"])

    def get(self, doc_id: int) -> Document:
        """One document with its text."""
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id}")
        return convert.document(row)

    def find(self, ref: str) -> Document:
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

    def all(self) -> list[Document]:
        """Every document with its text, by name: for callers that read the texts."""
        return [convert.document(r)
                for r in self.conn.execute("SELECT * FROM documents ORDER BY name")]

    def summaries(self) -> list[DocumentSummary]:
        """Every document without its text, by name: for lists, names and cases."""
        return [DocumentSummary(**dict(r)) for r in self.conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM documents ORDER BY name")]

    def infos(self, ids: Iterable[int] | None = None) -> list[DocumentInfo]:
        """Per document (all, or those in ``ids``): case, size and how much of what respondents
        said is coded. Three queries however many documents."""
        wanted = None if ids is None else list(ids)
        documents, turns, codings = Filters(), Filters(), Filters()
        documents.add_in("d.id IN ({marks})", wanted)
        turns.add("role = ?", Role.RESPONDENT.value)
        for filters in (turns, codings):
            filters.add_in("document_id IN ({marks})", wanted)
        rows = self.conn.execute(f"""
            SELECT d.id, d.name, d.format, d.case_id, c.name AS case_name, d.words,
                   (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
                   (SELECT count(*) FROM codings k WHERE k.document_id = d.id) AS codings
            FROM documents d LEFT JOIN cases c ON c.id = d.case_id{documents.clause()}
            ORDER BY d.name
        """, documents.args).fetchall()
        said: dict[int, list[tuple[int, int]]] = {}
        for t in self.conn.execute(
                f"SELECT document_id, text_start, text_end FROM turns{turns.clause()}"
                " ORDER BY document_id, text_start", turns.args):
            said.setdefault(t[0], []).append((t[1], t[2]))
        coded: dict[int, list[tuple[int, int]]] = {}
        for k in self.conn.execute(
                f'SELECT document_id, start, "end" FROM codings{codings.clause()}'
                " ORDER BY document_id, start", codings.args):
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

    def set_case(self, doc_id: int, case_id: int | None) -> None:
        self.log.update("documents", doc_id, {"case_id": case_id})


class Turns(Repository):
    def all(self, doc_id: int) -> list[Turn]:
        """A document's turns in order."""
        rows = self.conn.execute(TURN_SELECT + " WHERE turns.document_id = ? ORDER BY idx",
                                 (doc_id,)).fetchall()
        return [convert.turn(r) for r in rows]

    def spans(self) -> dict[int, list[TurnSpan]]:
        """Every document's turns in order (document id -> its turns), as spans and roles
        only: one query, no speaker names joined, rows read as plain tuples."""
        found: dict[int, list[TurnSpan]] = {}
        roles = convert.ROLES
        cursor = self.conn.execute(
            'SELECT document_id, idx, start, "end", text_start, text_end, role FROM turns '
            "ORDER BY document_id, idx")
        cursor.row_factory = None  # plain tuples: a Row per turn costs more than the turn
        for doc_id, index, start, end, text_start, text_end, role in cursor:
            found.setdefault(doc_id, []).append(
                TurnSpan(index, start, end, text_start, text_end, roles[role]))
        return found


class Speakers(Repository):
    def all(self, doc_id: int | None = None) -> list[Speaker]:
        """The speakers of one document, or of all."""
        sql = "SELECT * FROM speakers"
        args: tuple[object, ...] = ()
        if doc_id is not None:
            sql, args = sql + " WHERE document_id = ?", (doc_id,)
        return [convert.speaker(r) for r in self.conn.execute(sql + " ORDER BY id", args)]


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
