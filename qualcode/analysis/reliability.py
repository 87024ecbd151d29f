"""Inter-coder reliability statistics over weighted reliability data.

Reliability data is a list of units, each with one value per coder (``None`` where that coder
gave none) and a weight: how many identical units it stands for. Character units are counted
as runs of characters on which every coder's value is constant, so a 300,000-character project
is a few thousand weighted units rather than 300,000 rows; the results are exactly those of
the expanded data.

Nominal figures are computed here from the coincidence matrix (Krippendorff 2011) and the
confusion matrix (Cohen 1960) because the libraries take no weights; tests check them against
``krippendorff.alpha`` and scikit-learn's ``cohen_kappa_score`` on the expanded data. The other
levels of measurement (ordinal, interval, ratio) use the ``krippendorff`` package directly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal, get_args

Level = Literal["nominal", "ordinal", "interval", "ratio"]  # of measurement
LEVELS: tuple[Level, ...] = get_args(Level)


@dataclass(frozen=True)
class Unit:
    values: tuple[Hashable | None, ...]  # one per coder, None = no value from that coder
    weight: int = 1

    def present(self) -> list[Hashable]:
        return [v for v in self.values if v is not None]


def percent_agreement(units: Sequence[Unit]) -> float | None:
    """Share of agreeing coder pairs over every unit with two or more values (0..1)."""
    agreeing = total = 0.0
    for unit in units:
        values = unit.present()
        pairs = len(values) * (len(values) - 1) // 2
        if pairs == 0:
            continue
        same = sum(1 for a, b in combinations(values, 2) if a == b)
        agreeing += unit.weight * same / pairs
        total += unit.weight
    return agreeing / total if total else None


def cohen_kappa(units: Sequence[Unit]) -> float | None:
    """Cohen's kappa of two coders over the units both coded; None when undefined."""
    table: Counter[tuple[Hashable, Hashable]] = Counter()
    for unit in units:
        if len(unit.values) != 2:
            raise ValueError("Cohen's kappa compares exactly two coders")
        a, b = unit.values
        if a is not None and b is not None:
            table[(a, b)] += unit.weight
    n = sum(table.values())
    if n == 0:
        return None
    first: Counter[Hashable] = Counter()
    second: Counter[Hashable] = Counter()
    for (a, b), count in table.items():
        first[a] += count
        second[b] += count
    observed = sum(count for (a, b), count in table.items() if a == b) / n
    expected = sum(first[v] * second[v] for v in first) / (n * n)
    if expected >= 1.0:
        return None  # every unit has one value: agreement by chance is certain
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(units: Sequence[Unit], level: str = "nominal") -> float | None:
    """Krippendorff's alpha for any number of coders, with missing values; None if undefined."""
    known = next((known for known in LEVELS if known == level), None)
    if known is None:
        raise ValueError(f"level of measurement must be one of {', '.join(LEVELS)}")
    if known != "nominal":
        return _alpha_by_library(units, known)
    # Weights shared among a unit's pairs: fractions, so float counts rather than a Counter.
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        values = unit.present()
        m = len(values)
        if m < 2:
            continue  # a value nobody else gave is not pairable
        share = unit.weight / (m - 1)
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidences[(a, b)] += share
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for (a, _b), count in coincidences.items():
        totals[a] += count
    n = sum(totals.values())
    disagreement = sum(count for (a, b), count in coincidences.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b)
    if n <= 1 or expected == 0:
        return None
    return 1.0 - (n - 1) * disagreement / expected


def _alpha_by_library(units: Sequence[Unit], level: Level) -> float | None:
    import math

    import krippendorff  # numpy only; the reference implementation for metric levels

    rows: list[list[float]] = []
    for unit in units:
        if len(unit.present()) < 2:
            continue
        row = [math.nan if v is None
               else float(v)  # type: ignore[arg-type]  # numbers at these levels, any hashable at nominal
               for v in unit.values]
        rows.extend([row] * unit.weight)
    if len({v for row in rows for v in row if not math.isnan(v)}) < 2:
        return None
    # krippendorff wants coders x units.
    data = [list(column) for column in zip(*rows, strict=True)]
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def brennan_prediger_kappa(agreement: float | None, categories: int) -> float | None:
    """Kappa with chance agreement 1/categories (Brennan & Prediger 1981), as MAXQDA reports
    for segment comparisons, where 'neither coder coded it' is not a countable unit."""
    if agreement is None or categories < 2:
        return None
    chance = 1.0 / categories
    return (agreement - chance) / (1.0 - chance)
