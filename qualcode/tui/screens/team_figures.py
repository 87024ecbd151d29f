"""What the Team area shows, counted in one go from one connection (so it can be counted in a
worker thread): the coder pair, agreement per code, the open disagreements and the summary
line. No widgets here."""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcode.analysis.agreement import Agreement
from qualcode.analysis.disagreements import Disagreement
from qualcode.core.errors import QualcodeError
from qualcode.services import resolve as team
from qualcode.services.agreement import agreement
from qualcode.store import Store


def figure(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:.1%}" if percent else f"{value:.2f}"


@dataclass(frozen=True)
class TeamFigures:
    coders: tuple[str, str] | None = None  # None: no pair of coders to compare
    summary: str = ""
    per_code: list[tuple[str, Agreement]] = field(default_factory=list)
    overall: Agreement | None = None
    items: list[Disagreement] = field(default_factory=list)
    documents: dict[int, str] = field(default_factory=dict)  # id -> name
    codes: dict[int, str] = field(default_factory=dict)  # id -> name


def count(store: Store, unit: str) -> TeamFigures:
    try:
        first, second = team.coder_pair(store)
    except QualcodeError as err:
        return TeamFigures(summary=f"{err}. Merge a colleague's project (qualcode merge) to "
                                   "compare coding.")
    report = agreement(store, coders=[first, second], unit=unit)
    overall = report.overall
    done = team.progress(store, first, second)
    head = (f"{first} vs {second} on {unit}s (u: change): agree "
            f"{figure(overall.percent, True)}, κ {figure(overall.kappa)}, "
            f"α {figure(overall.alpha)}")
    parts = [f"resolved {done.resolved} of {done.total} disagreements"]
    if team.CONSENSUS in store.coders.names() and done.resolved:
        for coder in (first, second):
            versus = agreement(store, coders=[team.CONSENSUS, coder], unit=unit)
            parts.append(f"consensus vs {coder}: κ {figure(versus.overall.kappa)}")
    return TeamFigures(coders=(first, second), summary=head + "\n" + " · ".join(parts),
                       per_code=report.per_code, overall=overall,
                       items=team.open_disagreements(store, first, second),
                       documents={d.id or 0: d.name for d in store.documents.summaries()},
                       codes={c.id or 0: c.name for c in store.codes.all()})
