"""Running the benchmarks: generate each corpus, prepare its project, then measure every stage
and its ceiling, each in a fresh process, and collect a ``Report``.

Nothing here fails the run: a stage whose feature has not landed is "not measured", a stage
that crashes is "failed" with the error's last line, and the rest carries on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus as corpus_mod
from benchmarks import machine, stages, targets
from benchmarks.model import FAILED, MEASURED, NOT_MEASURED, Report, Run, Side, StageResult
from benchmarks.stages.base import Context

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (20, 100)
WORKER_TIMEOUT_S = 3600

Log = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...] = DEFAULT_SIZES
    stages: tuple[str, ...] = stages.NAMES
    words: int = corpus_mod.WORDS_PER_INTERVIEW
    seed: int = corpus_mod.SEED
    work: Path | None = None  # where corpora and projects go (kept); by default a temporary
    keep: bool = False  # folder, removed afterwards unless this is set
    command: str = "python -m benchmarks"


class WorkerError(Exception):
    """A worker process that crashed; the message is the last line of its error output."""


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _python(module: str, *args: str, timeout: float = WORKER_TIMEOUT_S) -> None:
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise WorkerError(lines[-1].strip()[:300] if lines else f"exit {done.returncode}")


def call_worker(stage: str, role: str, ctx: Context | None, folder: Path) -> dict[str, object]:
    """One worker process; its JSON result."""
    folder.mkdir(parents=True, exist_ok=True)
    ctx_file, out = folder / f"{stage}-{role}.context.json", folder / f"{stage}-{role}.json"
    out.unlink(missing_ok=True)
    if ctx is not None:
        ctx.save(ctx_file)
    _python("benchmarks.worker", stage, role, str(ctx_file) if ctx else "-", str(out))
    result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return result


def check(name: str, folder: Path) -> tuple[str, str]:
    """(status, reason) before measuring: is the stage's feature there?"""
    try:
        missing = call_worker(name, "check", None, folder).get("missing")
    except (WorkerError, subprocess.TimeoutExpired) as err:
        return FAILED, f"feature check crashed: {err}"
    if missing:
        return NOT_MEASURED, f"feature not landed: {missing} missing"
    return MEASURED, ""


def measure_side(name: str, role: str, ctx: Context, folder: Path) -> Side:
    result = call_worker(name, role, ctx, folder)
    if result.get("missing"):
        raise WorkerError(f"feature disappeared: {result['missing']}")
    return Side(seconds=float(result["seconds"]),  # type: ignore[arg-type]
                peak_rss_mb=float(result["peak_rss_mb"]),  # type: ignore[arg-type]
                extra=dict(result.get("extra") or {}))  # type: ignore[call-overload]


def fastest(kept: Side | None, new: Side) -> Side:
    """The faster of two runs of one side, with the higher of their peak memories."""
    if kept is None:
        return new
    best = new if new.seconds < kept.seconds else kept
    return Side(seconds=best.seconds, peak_rss_mb=max(kept.peak_rss_mb, new.peak_rss_mb),
                extra=best.extra)


def measure_run(result: StageResult, ctx: Context, folder: Path, log: Log,
                repeats: int = 1) -> Run:
    """The stage and its ceiling, ``repeats`` times each, alternately: each side's fastest
    run, with the highest peak memory of its runs."""
    run = Run(interviews=ctx.interviews, words=ctx.words)
    errors: dict[str, str] = {}
    for _ in range(repeats):
        for role in ("stage", "ceiling"):
            if role in errors:
                continue
            try:
                side = measure_side(result.name, role, ctx, folder)
            except (WorkerError, subprocess.TimeoutExpired) as err:
                errors[role] = f"{role}: {err}"
                setattr(run, role, None)
                continue
            setattr(run, role, fastest(getattr(run, role), side))
    run.error = "; ".join(errors.values())
    if repeats > 1 and run.stage is not None:
        run.stage.extra["best_of"] = repeats
    where = f"n={ctx.interviews}" if ctx.interviews else "own data"
    if run.stage and run.ceiling:
        log(f"  [{where}] {result.name}: {run.stage.seconds:.3f} s, ceiling "
            f"{run.ceiling.seconds:.3f} s, ratio {run.ratio:.2f}x, "
            f"{run.stage.peak_rss_mb:.0f}/{run.ceiling.peak_rss_mb:.0f} MB")
    else:
        log(f"  [{where}] {result.name}: {run.error}")
    return run


def prepare_size(size: int, options: Options, folder: Path, log: Log) -> tuple[Path, Path, int]:
    """The corpus of ``size`` interviews and its prepared project: (corpus, project, words)."""
    start = time.perf_counter()
    corpus = corpus_mod.write_corpus(folder / "corpus", size, seed=options.seed,
                                     words=options.words)
    project = folder / "project.qualcode"
    # a kept --work folder from an earlier run: its project and the parses shared between
    # stages were made by that run's code, so they are made again
    for old in (project, project.with_name(project.name + "-wal"),
                project.with_name(project.name + "-shm")):
        old.unlink(missing_ok=True)
    shutil.rmtree(folder / "shared", ignore_errors=True)
    _python("benchmarks.project", str(corpus.folder), str(project))
    log(f"corpus of {size} interviews ({corpus.words:,} words) and its project ready in "
        f"{time.perf_counter() - start:.1f} s")
    return corpus.folder, project, corpus.words


def run(options: Options, log: Log = _log) -> Report:
    started = dt.datetime.now().astimezone()
    clock = time.perf_counter()
    load_start = machine.load_average()
    work = options.work or Path(tempfile.mkdtemp(prefix="qualcode-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    keep = options.keep or options.work is not None
    log(f"benchmarks in {work}")
    try:
        results = _measure_all(options, work, keep, log)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    report = Report(
        started=started.isoformat(timespec="seconds"), duration_s=time.perf_counter() - clock,
        command=options.command, sizes=list(options.sizes), words_per_interview=options.words,
        seed=options.seed, stages=results,
        machine={**machine.describe(), "load_start": load_start,
                 "load_end": machine.load_average()})
    report.targets = targets.judge(report)
    return report


def _measure_all(options: Options, work: Path, keep: bool, log: Log) -> list[StageResult]:
    results: dict[str, StageResult] = {}
    for name in options.stages:
        stage = stages.load(name)
        status, reason = check(name, work / "checks")
        results[name] = StageResult(name=name, title=stage.title,
                                    ceiling_title=stage.ceiling_title, metric=stage.metric,
                                    sized=stage.sized, status=status, reason=reason)
        log(f"{name}: {status}{' (' + reason + ')' if reason else ''}")
    sized = [r for r in results.values() if r.status == MEASURED and r.sized]
    for size in options.sizes if sized else ():
        folder = work / f"n{size}"
        corpus, project, words = prepare_size(size, options, folder, log)
        for result in sized:
            ctx = Context(interviews=size, words=words, corpus=corpus, project=project,
                          scratch=folder / result.name, shared=folder / "shared",
                          seed=options.seed)
            result.runs.append(measure_run(result, ctx, folder / "results", log,
                                           stages.load(result.name).repeats))
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    for result in results.values():
        if result.status == MEASURED and not result.sized:
            folder = work / f"own-{result.name}"
            words = stages.load(result.name).own_words
            ctx = Context(interviews=0, words=words, corpus=folder / "corpus",
                          project=folder / "project.qualcode", scratch=folder / "scratch",
                          shared=folder / "shared", seed=options.seed)
            result.runs.append(measure_run(result, ctx, folder / "results", log,
                                           stages.load(result.name).repeats))
    for result in results.values():
        if result.status == MEASURED and not any(r.stage for r in result.runs):
            result.status = FAILED
            result.reason = next((r.error for r in result.runs if r.error), "no measurement")
    return list(results.values())


def parse_sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(part) for part in text.split(",") if part.strip())
    if not sizes or any(n < 1 for n in sizes):
        raise ValueError(f"sizes must be positive interview counts, not {text!r}")
    return tuple(sorted(set(sizes)))


def select(names: Sequence[str]) -> tuple[str, ...]:
    unknown = [n for n in names if n not in stages.NAMES]
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}; "
                         f"choose from {', '.join(stages.NAMES)}")
    return tuple(n for n in stages.NAMES if n in names)
