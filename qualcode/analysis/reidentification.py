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
                k: int = 2, within: str | None = None) -> dict[str, tuple[str, ...]]:
    """Cases whose values of ``attributes`` fewer than ``k`` cases share. With ``within`` (the
    attribute naming the organisation, which a benchmarking study names anyway), cases are
    compared only with others of the same organisation: an organisation's only interviewee
    speaks for the organisation, but "ChildHub's associate in Moldova" is a person."""
    groups: dict[str, dict[str, Mapping[str, object]]] = {}
    for name, values in cases.items():
        key = str(values.get(within, "")) if within else ""
        groups.setdefault(key, {})[name] = values
    shown = [a for a in attributes if a != within]
    found: dict[str, tuple[str, ...]] = {}
    for members in groups.values():
        if within and len(members) < 2:
            continue
        combos = {name: combination(values, shown) for name, values in members.items()}
        counts = Counter(combos.values())
        found |= {name: combo for name, combo in combos.items()
                  if any(combo) and counts[combo] < k}
    return found


def assess(cases: Mapping[str, Mapping[str, object]], attributes: Sequence[str],
           k: int = 2, within: str | None = None) -> Risk:
    """Which cases ``attributes`` single out, and what dropping each attribute would leave."""
    found = singled_out(cases, attributes, k, within)
    suggestions = []
    if found:
        for attribute in attributes:
            if attribute == within:
                continue
            rest = [a for a in attributes if a != attribute]
            suggestions.append((attribute, len(singled_out(cases, rest, k, within))
                                if rest else 0))
        suggestions.sort(key=lambda s: (s[1], s[0]))
    return Risk(tuple(attributes), found, k, suggestions)
