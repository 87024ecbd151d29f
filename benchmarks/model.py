"""A benchmark run as data: per stage and corpus size, the stage beside its ceiling."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from benchmarks.measure import growth_exponent
from benchmarks.stages.base import Extra

MEASURED = "measured"
NOT_MEASURED = "not measured"
FAILED = "failed"


@dataclass
class Side:
    """One process's measurement: the stage's or its ceiling's."""

    seconds: float
    peak_rss_mb: float
    extra: Extra = field(default_factory=dict)


@dataclass
class Run:
    interviews: int  # 0 for stages measured on data of their own
    words: int
    stage: Side | None = None
    ceiling: Side | None = None
    error: str = ""

    @property
    def ratio(self) -> float | None:
        """Stage time over ceiling time: 1.0 means as fast as the libraries allow."""
        if self.stage is None or self.ceiling is None or self.ceiling.seconds <= 0:
            return None
        return self.stage.seconds / self.ceiling.seconds


@dataclass
class StageResult:
    name: str
    title: str
    ceiling_title: str
    metric: str = "time"
    sized: bool = True
    status: str = MEASURED
    reason: str = ""  # why not measured, or what failed
    runs: list[Run] = field(default_factory=list)

    def measured_runs(self) -> list[Run]:
        return [r for r in self.runs if r.stage is not None]

    @property
    def growth(self) -> float | None:
        return growth_exponent([(r.words, r.stage.seconds) for r in self.runs if r.stage])

    @property
    def ceiling_growth(self) -> float | None:
        return growth_exponent([(r.words, r.ceiling.seconds) for r in self.runs if r.ceiling])

    def largest(self) -> Run | None:
        runs = self.measured_runs()
        return max(runs, key=lambda r: r.words) if runs else None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for run, raw in zip(self.runs, data["runs"], strict=True):
            raw["ratio"] = _round(run.ratio)
        data["growth_exponent"] = _round(self.growth)
        data["ceiling_growth_exponent"] = _round(self.ceiling_growth)
        return data


@dataclass
class Target:
    name: str
    result: str  # met, not met, not measured
    detail: str


@dataclass
class Report:
    started: str
    duration_s: float
    command: str
    sizes: list[int]
    words_per_interview: int
    seed: int
    machine: dict[str, Any]
    stages: list[StageResult]
    targets: list[Target] = field(default_factory=list)

    def stage(self, name: str) -> StageResult | None:
        return next((s for s in self.stages if s.name == name), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "started": self.started, "duration_s": round(self.duration_s, 1),
            "command": self.command, "sizes": self.sizes,
            "words_per_interview": self.words_per_interview, "seed": self.seed,
            "machine": self.machine, "stages": [s.to_json() for s in self.stages],
            "targets": [asdict(t) for t in self.targets],
        }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)
