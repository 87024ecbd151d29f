"""The harness: growth, percentiles, feature checks, targets, and the table/JSON shape.
Nothing here times anything."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks import corpus, render, runner, stages, targets, worker
from benchmarks.measure import growth_exponent, peak_rss_mb, percentile
from benchmarks.model import MEASURED, NOT_MEASURED, Report, Run, Side, StageResult
from benchmarks.stages.base import (
    Context,
    Stage,
    Timing,
    first_missing,
    missing_attributes,
    missing_modules,
)
from benchmarks.stages.search import queries
from tests.conftest import REPO


def test_growth_exponent_is_the_log_log_slope() -> None:
    assert growth_exponent([(1_000, 1.0), (2_000, 2.0)]) == pytest.approx(1.0)
    assert growth_exponent([(1_000, 1.0), (2_000, 4.0), (4_000, 16.0)]) == pytest.approx(2.0)
    assert growth_exponent([(1_000, 3.0), (10_000, 3.0)]) == pytest.approx(0.0)
    assert growth_exponent([(1_000, 1.0)]) is None
    assert growth_exponent([]) is None


def test_percentile_interpolates() -> None:
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([1, 2, 3, 4, 5], 100) == 5
    assert percentile([0, 10], 95) == pytest.approx(9.5)
    with pytest.raises(ValueError):
        percentile([], 50)


def test_peak_rss_is_a_plausible_number_of_megabytes() -> None:
    assert 5 < peak_rss_mb() < 100_000


def test_peak_rss_grows_by_what_a_child_process_allocates() -> None:
    """A fresh process fills 200 MB: its measured peak grows by about that much."""
    code = (
        "from benchmarks.measure import peak_rss_mb\n"
        "before = peak_rss_mb()\n"
        "block = bytearray(b'\\x01') * (200 * 1024 * 1024)  # written, so resident\n"
        "print(before, peak_rss_mb())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=REPO)
    before, after = map(float, done.stdout.split())
    assert 5 < before < 100  # a bare interpreter and the module
    assert after - before == pytest.approx(200, abs=10)


def test_feature_checks_name_what_is_missing() -> None:
    assert missing_modules("qualcode.store") is None
    assert missing_modules("qualcode.no_such_module") == "module qualcode.no_such_module"
    assert missing_modules("no_such_package.inner") == "module no_such_package.inner"
    assert missing_attributes("qualcode.store", "Store") is None
    assert missing_attributes("qualcode.store", "no_such_thing") == "qualcode.store.no_such_thing"
    assert first_missing(lambda: None, lambda: "b", lambda: "c") == "b"


def test_every_stage_in_the_registry_loads() -> None:
    for name in stages.NAMES:
        stage = stages.load(name)
        assert stage.name == name
        assert stage.title and stage.ceiling_title


def test_search_queries_are_fixed_and_valid_fts5() -> None:
    found = queries(2020)
    assert found == queries(2020) and len(found) == 50
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text)")
    conn.execute("INSERT INTO t VALUES ('the core funding of the cross-sector network')")
    for query in found:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


# -- a whole run with two made-up stages, in this process ---------------------------------------
def _timed(ctx: Context) -> Timing:
    return Timing(ctx.words / 1e6, {"segments": ctx.words})


LANDED = Stage(name="landed", title="Landed stage", ceiling_title="its ceiling",
               missing=lambda: None, measure=_timed,
               ceiling=lambda ctx: Timing(ctx.words / 2e6))
NOT_LANDED = Stage(name="nlp", title="NLP parse", ceiling_title="bare nlp.pipe",
                   missing=lambda: "module qualcode.nlp.not_yet", measure=_timed, ceiling=_timed)
FAKES = {"landed": LANDED, "nlp": NOT_LANDED}


@pytest.fixture
def fake_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Report:
    monkeypatch.setattr(stages, "load", FAKES.__getitem__)

    def in_process(name: str, role: str, ctx: Context | None, folder: Path) -> dict[str, Any]:
        return worker.run(name, role, _saved(ctx, folder))

    def corpus_only(size: int, options: runner.Options, folder: Path,
                    log: runner.Log) -> tuple[Path, Path, int]:
        written = corpus.write_corpus(folder / "corpus", size, words=options.words)
        return written.folder, folder / "project.qualcode", written.words

    monkeypatch.setattr(runner, "call_worker", in_process)
    monkeypatch.setattr(runner, "prepare_size", corpus_only)
    monkeypatch.setattr(runner.tempfile, "mkdtemp", lambda prefix: str(tmp_path / "work"))
    options = runner.Options(sizes=(1, 2), stages=("landed", "nlp"), words=300)
    report = runner.run(options, log=lambda message: None)
    assert not (tmp_path / "work").exists()  # generated corpora are not kept
    return report


def _saved(ctx: Context | None, folder: Path) -> Path | None:
    if ctx is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    ctx.save(folder / "ctx.json")
    return folder / "ctx.json"


def test_a_stage_not_landed_is_reported_not_measured(fake_run: Report) -> None:
    nlp = fake_run.stage("nlp")
    assert nlp is not None and nlp.status == NOT_MEASURED and not nlp.runs
    assert nlp.reason == "feature not landed: module qualcode.nlp.not_yet missing"
    table = render.markdown(fake_run)
    assert "| NLP parse | | | not measured (feature not landed: module qualcode.nlp.not_yet" \
        in table
    throughput = next(t for t in fake_run.targets if t.name.startswith("NLP parse"))
    assert throughput.result == targets.UNKNOWN and "not measured" in throughput.detail


def test_a_landed_stage_is_measured_at_every_size(fake_run: Report) -> None:
    landed = fake_run.stage("landed")
    assert landed is not None and landed.status == MEASURED
    assert [r.interviews for r in landed.runs] == [1, 2]
    assert all(r.ratio == pytest.approx(2.0) for r in landed.runs)
    assert landed.growth == pytest.approx(1.0)  # time proportional to words, by construction


def test_the_table_and_json_have_every_column(fake_run: Report, tmp_path: Path) -> None:
    md, js = render.write(fake_run, tmp_path / "results")
    text = md.read_text(encoding="utf-8")
    assert render.TABLE_HEAD in text
    for heading in ("## Stages", "## Growth", "## Targets", "## Ceilings", "## Machine"):
        assert heading in text
    data = json.loads(js.read_text(encoding="utf-8"))
    assert set(data) >= {"started", "command", "sizes", "machine", "stages", "targets"}
    assert data["sizes"] == [1, 2]
    assert {"cpu", "cores", "memory_gb", "python", "libraries"} <= set(data["machine"])
    landed = next(s for s in data["stages"] if s["name"] == "landed")
    run = landed["runs"][0]
    assert set(run) >= {"interviews", "words", "stage", "ceiling", "ratio"}
    assert set(run["stage"]) == {"seconds", "peak_rss_mb", "extra"}
    assert landed["growth_exponent"] == pytest.approx(1.0)
    assert {t["result"] for t in data["targets"]} <= {"met", "not met", "not measured"}
    assert len(data["targets"]) == len(targets.CHECKS)


# -- targets ----------------------------------------------------------------------------------
def _report(*results: StageResult, sizes: tuple[int, ...] = (20, 100)) -> Report:
    report = Report(started="", duration_s=0, command="", sizes=list(sizes),
                    words_per_interview=8000, seed=1, machine={}, stages=list(results))
    report.targets = targets.judge(report)
    return report


def _stage(name: str, *runs: tuple[int, float, float, dict[str, Any]], sized: bool = True,
           rss: float = 100.0) -> StageResult:
    return StageResult(name=name, title=name, ceiling_title="", sized=sized, runs=[
        Run(interviews=n, words=n * 8000, stage=Side(t, rss, extra), ceiling=Side(c, rss))
        for n, t, c, extra in runs])


def _result(report: Report, prefix: str) -> str:
    return next(t.result for t in report.targets if t.name.startswith(prefix))


def test_targets_are_judged_met_or_not_never_raised() -> None:
    report = _report(
        _stage("nlp", (20, 10.0, 9.5, {"rerun_s": 0.1}), (100, 50.0, 47.0, {"rerun_s": 0.5})),
        _stage("themes", (20, 1.0, 0.5, {"segments": 5_000}),
               (100, 5.0, 2.5, {"segments": 25_000})),
        _stage("report", (20, 3.0, 1.0, {}), (100, 15.0, 5.0, {})),
        _stage("tui", (0, 0.03, 0.005, {"apply_p95_ms": 30.0, "open_ms": 800.0}), sized=False),
    )
    assert _result(report, "NLP parse") == targets.MET  # 0.94x
    assert _result(report, "Unchanged") == targets.MET  # 1%
    assert _result(report, "Themes") == targets.MET  # 5 s for 25,000 -> 4 s
    assert _result(report, "Word report") == targets.NOT_MET  # 3x
    assert _result(report, "Apply-code") == targets.MET
    assert _result(report, "Opening") == targets.NOT_MET
    assert _result(report, "Peak memory") == targets.UNKNOWN  # no run at 200 interviews
    assert _result(report, "Every stage") == targets.MET


def test_suggesters_are_judged_at_every_size() -> None:
    within = (_stage("themes", (20, 1.4, 1.0, {"segments": 5}), (100, 7.0, 5.0, {"segments": 9})),
              _stage("codes", (20, 1.5, 1.0, {}), (100, 6.0, 5.0, {})))
    assert _result(_report(*within), "Theme and code") == targets.MET
    over_small = (within[0], _stage("codes", (20, 1.6, 1.0, {}), (100, 6.0, 5.0, {})))
    report = _report(*over_small)
    assert _result(report, "Theme and code") == targets.NOT_MET  # the smaller size counts too
    assert "codes 1.60x at 20" in next(t.detail for t in report.targets
                                       if t.name.startswith("Theme and code"))
    assert _result(_report(within[0]), "Theme and code") == targets.UNKNOWN  # no codes run


def test_growth_and_memory_targets() -> None:
    steep = _stage("codes", (20, 1.0, 1.0, {}), (200, 40.0, 10.0, {}), rss=3000)
    report = _report(steep, sizes=(20, 200))
    assert _result(report, "Every stage") == targets.NOT_MET
    assert "codes n^1.60" in next(t.detail for t in report.targets
                                  if t.name.startswith("Every stage"))
    assert _result(report, "Peak memory") == targets.NOT_MET
    one_size = _report(_stage("import", (20, 1.0, 1.0, {})), sizes=(20,))
    assert _result(one_size, "Every stage") == targets.UNKNOWN


def test_themes_are_scaled_up_at_their_measured_growth() -> None:
    # 4.5 s for 10,000 segments: 9 s at 20,000 if linear, but it grew as n^1.37.
    report = _report(_stage("themes", (20, 0.5, 0.5, {"segments": 2_000}),
                            (100, 4.5, 4.5, {"segments": 10_000})))
    target = next(t for t in report.targets if t.name.startswith("Themes"))
    assert target.result == targets.NOT_MET
    assert "(11.6 s scaled to 20,000 at n^1.37)" in target.detail


def test_repeated_sides_alternate_and_keep_the_fastest_run(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    timings = {"stage": [1.4, 1.1, 1.3], "ceiling": [0.9, 1.0, 0.8]}
    memory = {"stage": [90.0, 80.0, 120.0], "ceiling": [50.0, 70.0, 60.0]}
    order: list[str] = []

    def side(name: str, role: str, ctx: Context, folder: Path) -> Side:
        order.append(role)
        at = order.count(role) - 1
        return Side(seconds=timings[role][at], peak_rss_mb=memory[role][at],
                    extra={"attempt": at})

    monkeypatch.setattr(runner, "measure_side", side)
    result = StageResult(name="landed", title="Landed", ceiling_title="its ceiling")
    ctx = Context(interviews=1, words=10, corpus=tmp_path, project=tmp_path, scratch=tmp_path,
                  shared=tmp_path, seed=0)
    run = runner.measure_run(result, ctx, tmp_path, lambda message: None, repeats=3)
    assert order == ["stage", "ceiling"] * 3  # alternately: drift hits both sides alike
    assert run.stage is not None and run.ceiling is not None
    assert (run.stage.seconds, run.ceiling.seconds) == (1.1, 0.8)
    assert run.stage.extra == {"attempt": 1, "best_of": 3}  # the fastest run's own figures
    assert (run.stage.peak_rss_mb, run.ceiling.peak_rss_mb) == (120.0, 70.0)  # the highest
    order.clear()
    once = runner.measure_run(result, ctx, tmp_path, lambda message: None)
    assert once.stage is not None and "best_of" not in once.stage.extra
