"""Theme and code suggestions, and how often such suggestions were right.

Plain records shared by the store, the services, the CLI and the TUI. Spans are half-open
``[start, end)`` offsets into a document's text, like everywhere else.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from itertools import accumulate
from typing import Any

Passage = tuple[int, int, int]  # (document_id, start, end)


class ThemeStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"  # became a new code
    MERGED = "merged"  # its members were coded with an existing code
    REJECTED = "rejected"


class SuggestionStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # remembered, and a negative example next time
    SUPERSEDED = "superseded"  # replaced by a later `suggest codes` run


@dataclass(frozen=True)
class Theme:
    """A cluster of respondent passages nobody asked for: a candidate code."""

    run_id: int
    number: int  # 1.. within its run, largest first
    label: str  # its most distinctive phrases
    keywords: tuple[str, ...]
    size: int  # passages
    documents: int
    cases: int
    cohesion: float  # mean cosine similarity of members to the theme's centre, 0..1
    quotes: tuple[Passage, ...]  # 3 to 5 representative sentences
    members: tuple[Passage, ...]
    status: ThemeStatus = ThemeStatus.OPEN
    code_id: int | None = None  # the code it became or was merged into
    id: int | None = None
    silhouette: float | None = None  # its members' mean silhouette, -1..1 (None: not known)
    flags: tuple[str, ...] = ()  # "weak" (members no closer to it than to another theme), ...

    @property
    def weak(self) -> bool:
        return "weak" in self.flags

    @property
    def ref(self) -> str:
        """How the CLI names a theme (code suggestions are plain numbers)."""
        return f"T{self.id}"


@dataclass(frozen=True)
class ThemeRun:
    id: int
    created_at: str
    coder: str
    fingerprint: str
    params: dict[str, Any]
    summary: dict[str, Any]  # model, units, k, how k was chosen, scores per k
    themes: tuple[Theme, ...] = ()


@dataclass(frozen=True)
class CodeSuggestion:
    """A code proposed for an uncoded passage, with the words that drove it."""

    document_id: int
    code_id: int
    start: int
    end: int
    text: str
    confidence: float  # 0..1
    method: str  # "model" (linear model on the code's codings) or "similarity" (definition)
    evidence: tuple[str, ...]
    status: SuggestionStatus = SuggestionStatus.PENDING
    coding_id: int | None = None
    created_at: str = ""
    id: int | None = None
    score: float | None = None  # the suggester's raw score (None: stored before it was kept)

    @property
    def origin(self) -> str:
        """The origin recorded on the coding an acceptance makes."""
        return f"suggestion:{self.id}"


PRIOR = 2.0  # pseudo-suggestions that pull a code's own record towards the overall one
MARGIN = 0.1  # how far a confidence may exceed the code's own precision when offered
MIN_RECORD = 5  # offers a code's record at a score is read from, at least (when it has them)


@dataclass(frozen=True)
class CodeFigure:
    """One code's cross-validated record: as the top suggestion (precision, recall, F1), and
    as offered by `suggest codes` (among a passage's best two): how often right."""

    code_id: int
    method: str  # how the code is suggested: "model" or "similarity"
    support: int  # held-out passages that carry the code
    suggested: int  # held-out passages where it was the top suggestion
    right: int  # ... and the passage did carry it
    offered: int = 0  # held-out passages it was offered for (among their best two)
    offered_right: int = 0  # ... and the passage did carry it
    expected: float = 0.0  # how many of those the overall calibration expected to be right
    offers: tuple[tuple[float, bool], ...] = ()  # (raw score, right) of each, highest first

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def record_at(self, score: float) -> tuple[int, int]:
        """(right, offered) among its offers at ``score`` or higher, or, when there were fewer
        than MIN_RECORD of those, among its MIN_RECORD highest-scoring offers."""
        scores, rights = self.record_table
        at_or_above = len(scores) - bisect_left(scores, score - 1e-12)
        n = min(len(self.offers), max(at_or_above, MIN_RECORD))
        return rights[n], n

    @cached_property
    def record_table(self) -> tuple[list[float], list[int]]:
        """Its offers' scores in ascending order, and how many of its first k offers were
        right for every k: each record is then a bisection, not a pass over every offer
        (a run asks for thousands)."""
        rights = [0, *accumulate(int(right) for _, right in self.offers)]
        return sorted(score for score, _ in self.offers), rights

    def sentence(self, score: float | None = None) -> str:
        """ "right 7 of 10 times offered in cross-validation", or at a suggestion's score:
        "right 5 of 6 times offered at this score or higher in cross-validation"."""
        if score is not None and self.offers:
            right, n = self.record_at(score)
            return f"right {right} of {n} times offered at this score or higher in " \
                   "cross-validation"
        if not self.offered:
            return "never offered in cross-validation"
        return f"right {self.offered_right} of {self.offered} times offered in cross-validation"

    @property
    def factor(self) -> float:
        """How much more (or less) often than its scores promised this code was right: its
        right offers over those expected, both nudged by PRIOR towards agreement."""
        return (self.offered_right + PRIOR) / (self.expected + PRIOR)

    def ceiling(self, score: float) -> float:
        """The highest confidence its record allows at ``score``: the precision of its offers
        at that score or higher plus MARGIN, so a confidence never contradicts the "right N
        of M" shown beside it by more (1.0 when never offered: no record to contradict)."""
        right, n = self.record_at(score) if self.offers else (self.offered_right, self.offered)
        return min(1.0, right / n + MARGIN) if n else 1.0


@dataclass(frozen=True)
class MethodScore:
    name: str  # "suggester", "most frequent code", "definition similarity"
    top1: float
    top3: float


@dataclass(frozen=True)
class Calibration:
    """Raw score -> cross-validated precision at that score: a monotone step function
    (isotonic regression on out-of-fold scores), linear between its points."""

    scores: tuple[float, ...] = ()  # ascending
    precision: tuple[float, ...] = ()

    def __call__(self, score: float) -> float:
        xs, ys = self.scores, self.precision
        if not xs:
            return score
        at = bisect_right(xs, score)
        if at == 0:
            return ys[0]
        if at == len(xs):
            return ys[-1]
        x0, x1, y0, y1 = xs[at - 1], xs[at], ys[at - 1], ys[at]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1


@dataclass(frozen=True)
class ReliabilityBin:
    """Held-out suggestions whose confidence fell in [low, high): how many, how sure, how right."""

    low: float
    high: float
    suggestions: int
    confidence: float  # their mean confidence
    precision: float  # share of them that were right


@dataclass(frozen=True)
class Evaluation:
    """Cross-validation of the code suggester on the project's own human codings."""

    segments: int  # distinct coded passages
    documents: int
    folds: int
    grouped_by: str  # "document" when folds never split a document
    suggester: MethodScore
    baselines: tuple[MethodScore, ...]
    codes: tuple[CodeFigure, ...]
    model: str = ""  # the spaCy pipeline the features came from
    created_at: str = ""
    id: int | None = None
    calibration: Calibration = field(default_factory=Calibration)
    reliability: tuple[ReliabilityBin, ...] = ()  # of the confidences shown, out of fold
    left_out: dict[str, int] = field(default_factory=dict)  # codes not suggested, by reason

    def figure(self, code_id: int) -> CodeFigure | None:
        return next((f for f in self.codes if f.code_id == code_id), None)

    def record(self, code_id: int, score: float | None = None) -> str:
        """How often the code was right in cross-validation, at ``score`` or higher if given."""
        figure = self.figure(code_id)
        return figure.sentence(score) if figure else "not in the last evaluation"

    def confidence(self, code_id: int, score: float) -> float:
        """The confidence to show for a raw score: the cross-validated precision at that
        score, scaled by how the code's own offers fared against it, and never more than
        MARGIN above the code's own record at that score."""
        figure = self.figure(code_id)
        if figure is None:
            return self.calibration(score)
        return min(self.calibration(score) * figure.factor, figure.ceiling(score), 1.0)


@dataclass(frozen=True)
class RunReport:
    """What a suggestion run did besides its results: parses, cache hits, warnings."""

    parsed: int  # texts run through spaCy
    cached: int  # texts whose parse came from the project's cache
    model: str
    reused: bool = False  # an identical earlier run was returned instead of refitting
    warnings: tuple[str, ...] = field(default_factory=tuple)
