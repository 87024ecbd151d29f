"""Importing transcripts: one file, one transaction, so a crash keeps only whole documents."""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from qualcode.core.errors import InputError, QualcodeError
from qualcode.core.handed import Handed
from qualcode.core.model import Document, ParsedTranscript, Turn, count_words
from qualcode.core.progress import Progress
from qualcode.ingest import SUPPORTED_SUFFIXES, SpeakerRules, read_transcript
from qualcode.ingest.duplicates import SAME, resemblance, sketch
from qualcode.services import pseudonyms
from qualcode.services.cases import apply_attributes
from qualcode.services.speaker_roles import (
    DocumentSummary,
    infer_project_roles,
    speaker_rules,
    summaries,
)
from qualcode.store import Store, document_sketches


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # same content already in the project
    errors: list[str] = field(default_factory=list)  # one line each, naming the file
    notes: list[str] = field(default_factory=list)  # e.g. "x.txt: decoded as cp1252"
    duplicates: list[str] = field(default_factory=list)  # same interview in another format
    skipped: list[str] = field(default_factory=list)  # files in folders qualcode cannot read
    summaries: list[DocumentSummary] = field(default_factory=list)  # speakers, roles, flags


def add_interviewer_names(store: Store, names: Iterable[str]) -> None:
    current = list(store.settings.get("interviewer_names", []))
    new = [n for n in names if n not in current]
    if new:
        with store.action("configure interviewers", detail=", ".join(new), undoable=False):
            store.settings.set("interviewer_names", current + new)


def add_interviewer_patterns(store: Store, patterns: Iterable[str]) -> None:
    current = list(store.settings.get("interviewer_patterns", []))
    new = [p for p in patterns if p not in current]
    for pattern in new:
        try:
            re.compile(pattern)
        except re.error as err:
            raise QualcodeError(f"--interviewer-pattern {pattern!r}: {err}") from None
    if new:
        with store.action("configure interviewers", detail=", ".join(new), undoable=False):
            store.settings.set("interviewer_patterns", current + new)


def expand_paths(paths: Sequence[str | Path], skipped: list[str] | None = None
                 ) -> tuple[list[Path], list[str]]:
    """Files named directly, inside folders (recursively) or by glob; errors for the rest.
    Files in folders that are not transcripts are listed in ``skipped``."""
    files: list[Path] = []
    errors: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.parts[-1:]))
            files += [p for p in found if p.suffix.lower() in SUPPORTED_SUFFIXES]
            if skipped is not None:
                skipped += [f"{p}: not a transcript format qualcode reads (skipped)"
                            for p in found if p.suffix.lower() not in SUPPORTED_SUFFIXES
                            and ".qualcode" not in p.name]  # the project file itself
        elif path.is_file():
            files.append(path)
        elif any(ch in str(raw) for ch in "*?["):
            matched = sorted(Path(p) for p in glob.glob(str(raw), recursive=True))
            if not matched:
                errors.append(f"{raw}: no file matches this pattern")
            files += [p for p in matched if p.is_file()]
        else:
            errors.append(f"{raw}: no such file or folder")
    first: dict[Path, Path] = {}  # each file once, as first named, however it was reached
    for p in files:
        first.setdefault(p.resolve(), p)
    return list(first.values()), errors


def import_paths(store: Store, paths: Sequence[str | Path], *, case: str | None = None,
                 attributes: dict[str, str] | None = None, coder: str = "",
                 progress: Progress | None = None,
                 allow_duplicates: bool = False) -> ImportReport:
    report = ImportReport()
    files, report.errors = expand_paths(paths, report.skipped)
    rules = speaker_rules(store)
    _sketch_older_documents(store)
    for number, path in enumerate(files, start=1):
        if progress:
            progress(f"importing {path.name}", number - 1, len(files))
        try:
            _import_one(store, path, rules, report, case, attributes or {}, coder,
                        allow_duplicates)
        except InputError as err:
            report.errors.append(str(err))
        except QualcodeError as err:
            report.errors.append(f"{path}: {err}")
    if report.imported:
        # Roles rest on evidence across documents (the study's interviewer recurs), so they
        # are revised once the batch is in; then each new document is summarised.
        infer_project_roles(store, coder=coder)
        report.summaries = summaries(store, report.imported)
        # New documents join the identifier register at once (the fast detectors; named
        # entities with `qualcode pseudonyms scan`), so every output is pseudonymised from
        # the start.
        pseudonyms.scan(store, coder=coder, entities=False, undoable=False,
                        documents=[store.documents.find(name) for name in report.imported])
    return report


def _import_one(store: Store, path: Path, rules: SpeakerRules, report: ImportReport,
                case: str | None, attributes: dict[str, str], coder: str,
                allow_duplicates: bool = False) -> None:
    text, turns, parsed = _handed(read_transcript(path, rules))
    sha = text_sha256(text.peek())
    existing = store.documents.id_by_sha(sha)
    if existing is not None:
        known = store.documents.get(existing).name
        report.unchanged.append(path.name if known == path.name else f"{path.name} (as {known})")
        return
    fingerprint = sketch(text.peek())
    twin = None if allow_duplicates else same_interview(store, fingerprint)
    if twin is not None:
        report.duplicates.append(
            f"{path}: the same interview as {twin[0]}, already in the project "
            f"({twin[1]:.0%} the same text); not imported (--allow-duplicates imports it)")
        return
    if store.documents.id_by_name(path.name) is not None:
        raise InputError(path, "a different document with this name is already in the "
                               "project (rename the file to import it as well)")
    words = count_words(text.peek())
    with store.action("import", detail=path.name, coder=coder, undoable=False):
        case_id = None
        if case:
            case_id = store.cases.id_for(case, create=True)
            if attributes:
                apply_attributes(store, case_id, attributes, source=str(path))
        doc = Document(name=path.name, text="", format=parsed.format, sha256=sha,
                       imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                       encoding=parsed.encoding, case_id=case_id)
        doc_id = store.documents.add_handed(doc, words, turns, text,
                                            source_path=str(path.resolve()))
        document_sketches.save_sketch(store, doc_id, fingerprint)
    report.imported.append(path.name)
    report.notes += [f"{path}: {note}" for note in parsed.notes]


def _handed(parsed: ParsedTranscript
            ) -> tuple[Handed[str], Handed[list[Turn]], ParsedTranscript]:
    """The text and turns to hand over, and the rest. The caller passes the transcript
    straight in, so once this returns nothing else holds the text: the store lets it go
    as SQLite copies it."""
    return Handed(parsed.text), Handed(parsed.turns), replace(parsed, text="", turns=[])


def text_sha256(text: str, chunk: int = 1 << 20) -> str:
    """sha256 of the text's UTF-8 bytes, encoded a chunk at a time (never a second copy of a
    long transcript). Chunks end between code points, so the bytes are the same."""
    digest = hashlib.sha256()
    for at in range(0, len(text), chunk):
        digest.update(text[at:at + chunk].encode("utf-8"))
    return digest.hexdigest()


def same_interview(store: Store, fingerprint: list[int]) -> tuple[str, float] | None:
    """(name, similarity) of a document already imported that holds the same interview."""
    best: tuple[str, float] | None = None
    for name, other in document_sketches.sketches(store):
        score = resemblance(fingerprint, other)
        if score >= SAME and (best is None or score > best[1]):
            best = (name, score)
    return best


def _sketch_older_documents(store: Store) -> None:
    """Documents imported before sketches existed get one (once), so duplicates of them
    are found too."""
    older = document_sketches.unsketched(store)
    if older:
        with store.action("sketch documents", undoable=False):
            for doc_id, text in older:
                document_sketches.save_sketch(store, doc_id, sketch(text))
