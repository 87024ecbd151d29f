"""The run as a markdown table (for people and the README) and as JSON (for tools)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.machine import one_line
from benchmarks.model import MEASURED, Report, Run, Side, StageResult

TABLE_HEAD = ("| Stage | Interviews | Words | Time | Ceiling | Ratio | Peak RSS | Ceiling RSS "
              "| Notes |\n|---|--:|--:|--:|--:|--:|--:|--:|---|")


def seconds(value: float) -> str:
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def megabytes(side: Side | None) -> str:
    return "" if side is None else f"{side.peak_rss_mb:,.0f} MB"


def _notes(run: Run) -> str:
    parts = [f"{k} {_number(v)}" for k, v in (run.stage.extra if run.stage else {}).items()]
    if run.error:
        parts.append(f"error: {run.error}")
    return "; ".join(parts)


def _number(value: float | int | str) -> str:
    if isinstance(value, bool | str):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def stage_rows(stage: StageResult) -> list[str]:
    label = stage.title if stage.metric == "time" else f"{stage.title}, {stage.metric}"
    if stage.status != MEASURED:
        why = f"{stage.status} ({stage.reason})" if stage.reason else stage.status
        return [f"| {label} | | | {why} | | | | | |"]
    rows = []
    for run in stage.runs:
        size = f"{run.interviews:,}" if run.interviews else "own data"
        time = seconds(run.stage.seconds) if run.stage else "failed"
        ceiling = seconds(run.ceiling.seconds) if run.ceiling else "failed"
        ratio = f"{run.ratio:.2f}x" if run.ratio is not None else ""
        rows.append(f"| {label} | {size} | {run.words:,} | {time} | {ceiling} | {ratio} "
                    f"| {megabytes(run.stage)} | {megabytes(run.ceiling)} | {_notes(run)} |")
    return rows


def table(report: Report) -> str:
    lines = [TABLE_HEAD]
    for stage in report.stages:
        lines += stage_rows(stage)
    return "\n".join(lines)


def growth_table(report: Report) -> str:
    lines = ["| Stage | Growth (time vs words) | Ceiling growth |", "|---|--:|--:|"]
    for stage in report.stages:
        if not stage.sized or stage.status != MEASURED:
            continue
        lines.append(f"| {stage.title} | {_exponent(stage.growth)} "
                     f"| {_exponent(stage.ceiling_growth)} |")
    return "\n".join(lines)


def _exponent(value: float | None) -> str:
    return "n/a" if value is None else f"n^{value:.2f}"


def ceilings(report: Report) -> str:
    return "\n".join(f"- **{s.title}**: {s.ceiling_title}" for s in report.stages)


def targets_table(report: Report) -> str:
    lines = ["| Target | Result | Detail |", "|---|---|---|"]
    lines += [f"| {t.name} | {t.result} | {t.detail} |" for t in report.targets]
    return "\n".join(lines)


def machine_lines(report: Report) -> str:
    libs = ", ".join(f"{k} {v}" for k, v in report.machine.get("libraries", {}).items())
    return f"{one_line(report.machine)}\n\nLibraries: {libs}."


def markdown(report: Report) -> str:
    sizes = ", ".join(str(n) for n in report.sizes)
    return f"""# qualcode benchmarks

Run {report.started} (took {report.duration_s / 60:.1f} min): `{report.command}`.
Corpus: {sizes} synthetic interviews of about {report.words_per_interview:,} words
(seed {report.seed}). Every stage ran in its own process beside its ceiling, measured in the
same run on the same data; the ratio is stage time over ceiling time (1.00x = as fast as the
bare libraries); a stage noted "best_of N" ran N times each side, alternately, and its fastest
run is shown. Peak RSS is each process's high-water mark.

## Stages

{table(report)}

## Growth

Log-log slope of time against words across the corpus sizes (1.00 = linear).

{growth_table(report)}

## Targets

{targets_table(report)}

## Ceilings

{ceilings(report)}

## Machine

{machine_lines(report)}
"""


def write(report: Report, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    md, js = folder / "latest.md", folder / "latest.json"
    md.write_text(markdown(report), encoding="utf-8")
    js.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n",
                  encoding="utf-8")
    return md, js
