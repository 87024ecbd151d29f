"""The project the later stages work on: the corpus imported, cases with attributes, a codebook
of one code per topic, and about a third of the topic answers coded as an analyst would.

Built once per corpus size in its own process (not timed); stages that write to a project
work on a copy, so every stage sees the same starting point.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import Corpus
from benchmarks.vocabulary import TOPICS
from qualcode.core import spans
from qualcode.core.model import Code, Coding, Role, Turn
from qualcode.services.cases import apply_attributes
from qualcode.services.importing import import_paths
from qualcode.store import Store

CODER = "benchmark"
CODED_SHARE = 0.35  # of the respondent answers on a topic
IMPORTANT_SHARE = 0.05  # of the codings: key quotes for the report
ORGANISATION_TYPES = ("NGO", "network", "government agency", "social enterprise")
REGIONS = ("North", "South", "East", "West", "Capital")
NAMESPACE = uuid.UUID("5f0c3a52-6f3e-4d7c-9a0e-2b8f6d1c4e77")


def build_project(corpus: Corpus, path: Path) -> Store:
    """A new project at ``path`` holding ``corpus`` and its coding; returned open."""
    store = Store.open(path, create=True)
    report = import_paths(store, corpus.files, coder=CODER)
    if report.errors:
        raise RuntimeError("benchmark corpus did not import: " + "; ".join(report.errors))
    add_cases(store)
    codes = add_codebook(store)
    add_codings(store, corpus, codes)
    return store


def add_cases(store: Store) -> None:
    """One case per interview, with two attributes to split the report by."""
    with store.action("cases", coder=CODER, undoable=False):
        for number, doc in enumerate(store.documents.all()):
            case_id = store.cases.id_for(Path(doc.name).stem, create=True)
            store.documents.set_case(doc.id or 0, case_id)
            apply_attributes(store, case_id, {
                "organisation type": ORGANISATION_TYPES[number % len(ORGANISATION_TYPES)],
                "region": REGIONS[number % len(REGIONS)],
            }, source="benchmark")


def add_codebook(store: Store) -> dict[str, Code]:
    """A parent code per topic group, a child per topic; returns the children by topic key."""
    children: dict[str, Code] = {}
    with store.action("codebook", coder=CODER, undoable=False):
        parents: dict[str, int] = {}
        for position, topic in enumerate(TOPICS):
            if topic.group not in parents:
                parents[topic.group] = store.codes.add(Code(
                    name=topic.group, guid=str(uuid.uuid5(NAMESPACE, topic.group)),
                    definition=f"Everything about {topic.group.lower()}.",
                    position=len(parents)))
            code = Code(
                name=topic.name, guid=str(uuid.uuid5(NAMESPACE, topic.key)),
                parent_id=parents[topic.group],
                definition=f"Talk of {', '.join(topic.phrases[:3])}.",
                inclusion=f"Mentions of {', '.join(topic.nouns[:6])}.",
                exclusion="Passing mentions without any substance.",
                example=f"The {topic.phrases[0]} was {topic.adjectives[0]}.",
                position=position)
            children[topic.key] = store.codes.get(store.codes.add(code))
    return children


def add_codings(store: Store, corpus: Corpus, codes: dict[str, Code]) -> int:
    """Code a share of each document's topic answers (a sentence or two, or the whole answer)
    with its topic's code, one action per document. Returns the number of codings."""
    rng = random.Random(f"{corpus.words}:codings")
    added = 0
    for doc in store.documents.all():
        answers = [t for t in store.turns.all(doc.id or 0) if t.role is Role.RESPONDENT]
        topics = corpus.topics.get(doc.name, [])
        if len(answers) != len(topics):
            print(f"{doc.name}: {len(answers)} answers but {len(topics)} topics; not coded",
                  file=sys.stderr)
            continue
        with store.action("code", detail=doc.name, coder=CODER):
            for turn, topic in zip(answers, topics, strict=True):
                if topic and rng.random() < CODED_SHARE:
                    start, end = _span(doc.text, turn, rng)
                    store.codings.add(Coding(
                        document_id=doc.id or 0, code_id=codes[topic].id or 0, start=start,
                        end=end, text=doc.text[start:end], coder=CODER,
                        important=rng.random() < IMPORTANT_SHARE))
                    added += 1
    return added


def _span(text: str, turn: Turn, rng: random.Random) -> tuple[int, int]:
    if rng.random() < 0.4:
        return turn.text_start, turn.text_end
    found = spans.sentences(text, turn.text_start, turn.text_end)
    first = rng.randrange(len(found))
    last = min(len(found) - 1, first + rng.randint(0, 1))
    return found[first][0], found[last][1]


def copy_project(source: Path, dest: Path) -> Path:
    """A consistent copy of a closed project file (its WAL folded in by SQLite's backup)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (dest, dest.with_name(dest.name + "-wal"), dest.with_name(dest.name + "-shm")):
        leftover.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(dest) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return dest


def main(argv: Sequence[str]) -> int:
    """``python -m benchmarks.project CORPUS_FOLDER PROJECT``: build the project (untimed)."""
    folder, path = Path(argv[0]), Path(argv[1])
    with build_project(Corpus.load(folder), path) as store:
        stats = store.overview.stats()
    print(f"{path.name}: {stats.documents} documents, {stats.turns} turns, "
          f"{stats.codings} codings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
