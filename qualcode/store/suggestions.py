"""Suggestion tables (migration 0002): the parse cache, theme runs and themes, code suggestions
and evaluations. The only SQL that touches them.

Writes go through ``store.log`` and so must happen inside ``store.action``: in an undoable
action (accepting, rejecting) they are undone with it; in a non-undoable one (a run storing
its results, the parse cache) they are simply recorded.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from qualcode.core.errors import NotFound
from qualcode.core.suggestions import (
    Calibration,
    CodeFigure,
    CodeSuggestion,
    Evaluation,
    MethodScore,
    Passage,
    ReliabilityBin,
    SuggestionStatus,
    Theme,
    ThemeRun,
    ThemeStatus,
)
from qualcode.store.changes import now
from qualcode.store.repository import Filters, Repository, batches, marks


class Suggestions(Repository):
    """The parse cache, theme runs, code suggestions and their evaluations."""

    # -- the parse cache ------------------------------------------------------------------
    def iter_cached_parses(self, keys: Iterable[str], model: str,
                           version: str) -> Iterator[tuple[str, bytes | str]]:
        """(text key, stored parse) of each key found, a few hundred rows at a time, so a caller
        can decode them one by one instead of holding every JSON text at once."""
        for batch in batches(keys):
            rows = self.conn.execute(
                "SELECT text_sha256, data FROM parse_cache WHERE model = ? AND model_version = ? "
                f"AND text_sha256 IN ({marks(batch)})", (model, version, *batch))
            yield from ((key, data) for key, data in rows.fetchall())

    def cached_keys(self, keys: Iterable[str], model: str, version: str) -> set[str]:
        """The text keys among ``keys`` whose parse is cached (without reading the parses)."""
        found = set[str]()
        for batch in batches(keys):
            found.update(key for (key,) in self.conn.execute(
                "SELECT text_sha256 FROM parse_cache WHERE model = ? AND model_version = ? "
                f"AND text_sha256 IN ({marks(batch)})", (model, version, *batch)))
        return found

    def cache_parses(self, parses: Mapping[str, bytes | str], model: str,
                     version: str) -> None:
        """Remember parses (text key -> packed bytes or JSON); inside an action. Known keys are
        left alone. The data column is declared TEXT, but SQLite keeps a BLOB as it is given, so
        both forms live in it without a migration and a reader tells them by their type."""
        self.log.insert_unlogged("parse_cache", (
            {"text_sha256": key, "model": model, "model_version": version, "data": data}
            for key, data in parses.items()), on_conflict="ignore")

    def parse_cache_size(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM parse_cache").fetchone()[0])


    # -- theme runs and themes ------------------------------------------------------------
    def add_theme_run(self, *, fingerprint: str, params: dict[str, Any],
                      summary: dict[str, Any], coder: str = "") -> int:
        return self.log.insert("theme_runs", {
            "created_at": now(), "coder": coder, "fingerprint": fingerprint,
            "params": _dump(params), "summary": _dump(summary)})

    def add_theme(self, theme: Theme) -> int:
        return self.log.insert("themes", {
            "run_id": theme.run_id, "number": theme.number, "label": theme.label,
            "keywords": _dump(list(theme.keywords)), "size": theme.size,
            "documents": theme.documents, "cases": theme.cases, "cohesion": theme.cohesion,
            "quotes": _dump([list(q) for q in theme.quotes]),
            "members": _dump([list(m) for m in theme.members]),
            "status": theme.status.value, "code_id": theme.code_id})

    def theme_run(self, run_id: int) -> ThemeRun:
        row = self.conn.execute("SELECT * FROM theme_runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise NotFound(f"no theme run {run_id}")
        return self._run(row)

    def latest_theme_run(self, fingerprint: str | None = None) -> ThemeRun | None:
        sql = "SELECT * FROM theme_runs"
        args: tuple[object, ...] = ()
        if fingerprint is not None:
            sql, args = sql + " WHERE fingerprint = ?", (fingerprint,)
        row = self.conn.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return None if row is None else self._run(row)

    def theme(self, theme_id: int) -> Theme:
        row = self.conn.execute("SELECT * FROM themes WHERE id = ?", (theme_id,)).fetchone()
        if row is None:
            raise NotFound(f"no theme T{theme_id}")
        return next(t for t in self.theme_run(row["run_id"]).themes if t.id == theme_id)

    def themes(self, *, status: ThemeStatus | None = None) -> list[Theme]:
        sql = "SELECT * FROM themes"
        args: tuple[object, ...] = ()
        if status is not None:
            sql, args = sql + " WHERE status = ?", (status.value,)
        return [_theme(r) for r in self.conn.execute(sql + " ORDER BY run_id, number", args)]

    def set_theme_status(self, theme_id: int, status: ThemeStatus,
                         code_id: int | None = None) -> None:
        self.log.update("themes", theme_id, {"status": status.value, "code_id": code_id})

    def _run(self, row: sqlite3.Row) -> ThemeRun:
        summary = json.loads(row["summary"])
        quality = summary.get("quality", {})  # theme number -> silhouette and flags
        found = tuple(_theme(r, quality.get(str(r["number"]))) for r in self.conn.execute(
            "SELECT * FROM themes WHERE run_id = ? ORDER BY number", (row["id"],)))
        return ThemeRun(id=row["id"], created_at=row["created_at"], coder=row["coder"],
                        fingerprint=row["fingerprint"], params=json.loads(row["params"]),
                        summary=summary, themes=found)


    # -- code suggestions -----------------------------------------------------------------
    def add_code_suggestion(self, suggestion: CodeSuggestion) -> int:
        row = {
            "document_id": suggestion.document_id, "code_id": suggestion.code_id,
            "start": suggestion.start, "end": suggestion.end, "text": suggestion.text,
            "confidence": suggestion.confidence, "method": suggestion.method,
            "evidence": _dump(list(suggestion.evidence)), "status": suggestion.status.value,
            "coding_id": suggestion.coding_id, "created_at": suggestion.created_at or now()}
        if self._keeps_scores():
            row["score"] = suggestion.score
        return self.log.insert("code_suggestions", row)

    def _keeps_scores(self) -> bool:
        """Whether the project has migration 0009's score column (a file migrated past 0009 by
        a build without it may lack it: suggestions then simply keep no raw score)."""
        columns = self.conn.execute("PRAGMA table_info(code_suggestions)").fetchall()
        return any(c[1] == "score" for c in columns)

    def code_suggestion(self, suggestion_id: int) -> CodeSuggestion:
        row = self.conn.execute("SELECT * FROM code_suggestions WHERE id = ?",
                                (suggestion_id,)).fetchone()
        if row is None:
            raise NotFound(f"no code suggestion {suggestion_id}")
        return _suggestion(row)

    def code_suggestions(self, *, status: SuggestionStatus | None = None,
                         document_id: int | None = None,
                         min_confidence: float | None = None) -> list[CodeSuggestion]:
        """Suggestions whose code still exists, most confident first."""
        filters = Filters("code_id IN (SELECT id FROM codes)")
        filters.add("status = ?", None if status is None else status.value)
        filters.add("document_id = ?", document_id)
        filters.add("confidence >= ?", min_confidence)
        rows = self.conn.execute(
            f"SELECT * FROM code_suggestions{filters.clause()} "
            "ORDER BY confidence DESC, document_id, start", filters.args)
        return [_suggestion(r) for r in rows]

    def set_suggestion_status(self, suggestion_id: int, status: SuggestionStatus,
                              coding_id: int | None = None) -> None:
        self.log.update("code_suggestions", suggestion_id,
                        {"status": status.value, "coding_id": coding_id})


    # -- evaluations ----------------------------------------------------------------------
    def add_evaluation(self, fingerprint: str, evaluation: Evaluation) -> int:
        # asdict deep-copies every (score, right) offer of every code: thousands of calls
        # for plain values json writes as they are, so the codes are listed shallowly
        results = dataclasses.asdict(dataclasses.replace(evaluation, codes=()))
        results["codes"] = [{f.name: getattr(c, f.name) for f in dataclasses.fields(c)}
                            for c in evaluation.codes]
        results.pop("id"), results.pop("created_at")
        return self.log.insert("suggestion_evaluations", {
            "created_at": now(), "fingerprint": fingerprint, "results": _dump(results)})

    def latest_evaluation(self, fingerprint: str | None = None) -> Evaluation | None:
        """The latest evaluation (with this fingerprint: same codings, rejections and settings)."""
        sql = "SELECT * FROM suggestion_evaluations"
        args: tuple[object, ...] = ()
        if fingerprint is not None:
            sql, args = sql + " WHERE fingerprint = ?", (fingerprint,)
        row = self.conn.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        if row is None:
            return None
        data = json.loads(row["results"])
        return Evaluation(
            segments=data["segments"], documents=data["documents"], folds=data["folds"],
            grouped_by=data["grouped_by"], suggester=MethodScore(**data["suggester"]),
            baselines=tuple(MethodScore(**b) for b in data["baselines"]),
            codes=tuple(_figure(c) for c in data["codes"]), model=data["model"],
            created_at=row["created_at"], id=row["id"],
            calibration=_calibration(data.get("calibration")),
            reliability=tuple(ReliabilityBin(**b) for b in data.get("reliability", ())),
            left_out=dict(data.get("left_out", {})))


def theme_quality(themes: Iterable[Theme]) -> dict[str, dict[str, Any]]:
    """What a run's summary keeps of each theme's quality, by theme number (the themes table
    has no columns for it; runs stored before have none)."""
    return {str(t.number): {"silhouette": t.silhouette, "flags": list(t.flags)}
            for t in themes}


def _theme(row: sqlite3.Row, quality: dict[str, Any] | None = None) -> Theme:
    quality = quality or {}
    return Theme(
        silhouette=quality.get("silhouette"), flags=tuple(quality.get("flags", ())),
        run_id=row["run_id"], number=row["number"], label=row["label"],
        keywords=tuple(json.loads(row["keywords"])), size=row["size"],
        documents=row["documents"], cases=row["cases"], cohesion=row["cohesion"],
        quotes=_passages(row["quotes"]), members=_passages(row["members"]),
        status=ThemeStatus(row["status"]), code_id=row["code_id"], id=row["id"])


def _passages(text: str) -> tuple[Passage, ...]:
    return tuple((int(d), int(s), int(e)) for d, s, e in json.loads(text))


def _suggestion(row: sqlite3.Row) -> CodeSuggestion:
    return CodeSuggestion(
        document_id=row["document_id"], code_id=row["code_id"], start=row["start"],
        end=row["end"], text=row["text"], confidence=row["confidence"], method=row["method"],
        evidence=tuple(json.loads(row["evidence"])), status=SuggestionStatus(row["status"]),
        coding_id=row["coding_id"], created_at=row["created_at"], id=row["id"],
        score=row["score"] if "score" in row.keys() else None)  # noqa: SIM118  a Row


def _figure(data: dict[str, Any]) -> CodeFigure:
    offers = tuple((float(score), bool(right)) for score, right in data.pop("offers", ()))
    return CodeFigure(**data, offers=offers)


def _calibration(data: dict[str, list[float]] | None) -> Calibration:
    """Evaluations stored before calibration existed have none: raw scores are shown."""
    if not data:
        return Calibration()
    return Calibration(scores=tuple(data["scores"]), precision=tuple(data["precision"]))


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
