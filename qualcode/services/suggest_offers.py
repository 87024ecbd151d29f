"""From the suggester's ranking to the code suggestions a run keeps: confidence, the floor,
rejected spans, neighbouring sentences merged, the most confident chosen.

Every candidate sentence is ranked, but only ``limit`` suggestions survive: they are built
(text, evidence) last, for the chosen ones alone. Helpers of ``services/suggest.py``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from qualcode.core.model import TurnSpan
from qualcode.core.suggestions import CodeSuggestion, Evaluation
from qualcode.services.suggest_context import describe
from qualcode.services.suggest_corpus import Corpus, SpanSet, Unit

if TYPE_CHECKING:
    from qualcode.suggest.codes import CodeRanking

EVIDENCE = 5  # words explaining one sentence's suggestion
MERGED_EVIDENCE = 6  # words kept for a merged run


class Offer(NamedTuple):
    """A code for one candidate sentence, at or above the floor and not rejected there."""

    document_id: int
    code_id: int
    start: int
    end: int
    candidate: int  # index among the candidates
    column: int  # the code's column in the ranking
    score: float  # the suggester's raw score
    confidence: float  # as shown, before rounding


def offers(ranking: CodeRanking, candidates: Sequence[Unit], code_ids: Sequence[int],
           evaluation: Evaluation | None, min_confidence: float,
           refused: dict[tuple[int, int], SpanSet]) -> tuple[list[Offer], int]:
    """Each candidate's ranked codes that clear ``min_confidence`` and were not rejected for
    an overlapping span, candidate by candidate, best first; and how many fell below."""
    from qualcode.suggest.calibration import confidences

    shown = (confidences(evaluation, code_ids, ranking.codes, ranking.scores)
             if evaluation else ranking.scores)
    low = shown < min_confidence
    kept = ~low
    found: list[Offer] = []
    for i, column, score, confidence in zip(kept.nonzero()[0].tolist(),
                                            ranking.codes[kept].tolist(),
                                            ranking.scores[kept].tolist(),
                                            shown[kept].tolist(), strict=True):
        unit, code_id = candidates[i], code_ids[column]
        spans = refused.get((unit.document_id, code_id))
        if spans is None or not spans.overlaps(unit.start, unit.end):
            found.append(Offer(unit.document_id, code_id, unit.start, unit.end, i, column,
                               score, confidence))
    return found, int(low.sum())


def merge_adjacent(corpus: Corpus, found: list[Offer]) -> list[list[Offer]]:
    """Neighbouring sentences of one turn offered the same code: runs to become one
    passage each, ordered by document, code and start."""
    runs: list[list[Offer]] = []  # offers to merge, in order
    run_turn: int | None = None  # the turn the current run started in, once asked
    turn_of = TurnFinder(corpus)
    for s in sorted(found, key=itemgetter(0, 1, 2)):  # document, code, start
        last = runs[-1][-1] if runs else None
        if (last is not None and last.document_id == s.document_id
                and last.code_id == s.code_id
                and not corpus.documents[s.document_id].text[last.end:s.start].strip()):
            if run_turn is None:  # looked up only where a run could grow
                run_turn = turn_of(s.document_id, runs[-1][0].start)
            if run_turn == turn_of(s.document_id, s.start):
                runs[-1].append(s)
                continue
        runs.append([s])
        run_turn = None
    return runs


def most_confident(runs: list[list[Offer]], limit: int) -> list[list[Offer]]:
    """The ``limit`` runs with the highest (rounded) confidence, then by document and start."""
    return sorted(runs, key=lambda run: (-_confidence(run), run[0].document_id,
                                         run[0].start))[:limit]


def suggestions(corpus: Corpus, candidates: Sequence[Unit], ranking: CodeRanking,
                runs: list[list[Offer]]) -> list[CodeSuggestion]:
    """One suggestion per run: its span and text, its best confidence, the first's score and
    method, and its sentences' evidence (the first MERGED_EVIDENCE distinct words of a run)."""
    words = iter(ranking.explain([(o.candidate, o.column) for run in runs for o in run],
                                 EVIDENCE))
    found = []
    for run in runs:
        first, last = run[0], run[-1]
        evidence = [tuple(describe(w) for w in next(words)) for _ in run]
        if len(run) == 1:
            text, shown = candidates[first.candidate].text, evidence[0]
        else:
            text = corpus.documents[first.document_id].text[first.start:last.end]
            shown = tuple(dict.fromkeys(w for e in evidence for w in e))[:MERGED_EVIDENCE]
        found.append(CodeSuggestion(
            document_id=first.document_id, code_id=first.code_id, start=first.start,
            end=last.end, text=text, confidence=_confidence(run), score=first.score,
            method=ranking.methods[first.column], evidence=shown))
    return found


def _confidence(run: list[Offer]) -> float:
    """A run's confidence as stored: the best of its sentences', rounded (rounding is
    monotone, so this is also the best of their rounded confidences)."""
    return round(max(o.confidence for o in run), 4)


class TurnFinder:
    """The index of the turn holding an offset of a document (-1 if none), by bisection."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._turns: dict[int, tuple[list[int], list[TurnSpan]]] = {}

    def __call__(self, document_id: int, offset: int) -> int:
        if document_id not in self._turns:
            spoken = sorted((t for t in self._corpus.turns[document_id]
                             if t.text_end > t.text_start), key=lambda t: t.text_start)
            self._turns[document_id] = ([t.text_start for t in spoken], spoken)
        starts, spoken = self._turns[document_id]
        at = bisect_right(starts, offset) - 1
        return spoken[at].index if at >= 0 and offset < spoken[at].text_end else -1
