"""Full-text search: p95 latency of ``store.overview.search`` over ~50 queries, against a bare FTS5
MATCH on the same index with plain sqlite3 (same queries, same limit)."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable

from benchmarks.measure import percentile
from benchmarks.stages.base import Context, Stage, Timing, missing_attributes
from benchmarks.vocabulary import TOPICS

LIMIT = 100
QUERY_COUNT = 50


def queries(seed: int, count: int = QUERY_COUNT) -> list[str]:
    """Words, quoted phrases, prefixes and boolean queries over the corpus vocabulary, all
    valid FTS5 syntax, so both sides run exactly the same query."""
    rng = random.Random(f"{seed}:queries")
    found: list[str] = []
    while len(found) < count:
        topic, other = rng.sample(TOPICS, 2)
        kind = len(found) % 5
        if kind == 0:
            found.append(_term(rng.choice(topic.nouns)))
        elif kind == 1:
            found.append(_term(rng.choice(topic.phrases)))
        elif kind == 2:
            found.append(rng.choice(topic.nouns)[:4] + "*")
        elif kind == 3:
            found.append(f"{_term(rng.choice(topic.nouns))} AND "
                         f"{_term(rng.choice(other.nouns))}")
        else:
            found.append(f"{_term(rng.choice(topic.adjectives))} NOT "
                         f"{_term(rng.choice(topic.nouns))}")
    return found


def _term(text: str) -> str:
    """A bare word as is; anything else (phrases, hyphens) quoted as an FTS5 string."""
    return text if text.isalpha() else f'"{text}"'


def _latencies(search: Callable[[str], object], items: list[str]) -> list[float]:
    for query in items:  # warm the page cache and the statement cache for both sides alike
        search(query)
    times = []
    for query in items:
        start = time.perf_counter()
        search(query)
        times.append(time.perf_counter() - start)
    return times


def _timing(times: list[float], hits: int) -> Timing:
    return Timing(percentile(times, 95), {"p50_ms": round(percentile(times, 50) * 1000, 3),
                                          "queries": len(times), "hits": hits})


def measure(ctx: Context) -> Timing:
    from qualcode.store import Store

    items = queries(ctx.seed)
    with Store.open(ctx.project) as store:
        hits = sum(len(store.overview.search(q, LIMIT)) for q in items)
        times = _latencies(lambda q: store.overview.search(q, LIMIT), items)
    return _timing(times, hits)


def ceiling(ctx: Context) -> Timing:
    items = queries(ctx.seed)
    conn = sqlite3.connect(ctx.project)
    sql = "SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? ORDER BY rank LIMIT ?"

    def search(query: str) -> list[tuple[int]]:
        return conn.execute(sql, (query, LIMIT)).fetchall()

    hits = sum(len(search(q)) for q in items)
    times = _latencies(search, items)
    conn.close()
    return _timing(times, hits)


STAGE = Stage(
    name="search",
    title="Full-text search (Store.search)",
    ceiling_title="bare FTS5 MATCH on the same table (sqlite3)",
    missing=lambda: missing_attributes("qualcode.store", "Store"),
    measure=measure,
    ceiling=ceiling,
    metric="p95 latency",
)
