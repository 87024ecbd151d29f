"""Re-identification risk: attribute combinations that single out a case (k-anonymity).

ChildHub has one associate per country, so "Country associate, Moldova" names a person even
with every name replaced. Before a pseudonymised output, the attributes it shows are checked:
every combination shared by fewer than ``k`` cases is reported, with the attributes whose
removal would help most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Risk:
    attributes: tuple[str, ...]
    singled_out: dict[str, tuple[str, ...]]  # case -> its combination of values, if < k share it
    k: int
    drop_suggestions: list[tuple[str, int]]  # (attribute, cases still singled out without it)

    @property
    def safe(self) -> bool:
        return not self.singled_out


def combination(values: Mapping[str, object], attributes: Sequence[str]) -> tuple[str, ...]:
    return tuple("" if values.get(a) is None else str(values.get(a)) for a in attributes)


def singled_out(cases: Mapping[str, Mapping[str, object]], attributes: Sequence[str],
                k: int = 2) -> dict[str, tuple[str, ...]]:
    combos = {name: combination(values, attributes) for name, values in cases.items()}
    counts = Counter(combos.values())
    return {name: combo for name, combo in combos.items()
            if any(combo) and counts[combo] < k}


def assess(cases: Mapping[str, Mapping[str, object]], attributes: Sequence[str],
           k: int = 2) -> Risk:
    """Which cases ``attributes`` single out, and what dropping each attribute would leave."""
    found = singled_out(cases, attributes, k)
    suggestions = []
    if found:
        for attribute in attributes:
            rest = [a for a in attributes if a != attribute]
            suggestions.append((attribute, len(singled_out(cases, rest, k)) if rest else 0))
        suggestions.sort(key=lambda s: (s[1], s[0]))
    return Risk(tuple(attributes), found, k, suggestions)
