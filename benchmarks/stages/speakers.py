"""Speakers: turn-boundary F1 and role accuracy per convention on the fictional fixtures
(``tests/ingest/fixtures/speakers``), with the time the detection took, against only reading
the same files (bytes decoded; Word files opened with python-docx) without finding turns."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.measure import Stopwatch
from benchmarks.stages.base import Context, Stage, Timing, missing_attributes


def measure(ctx: Context) -> Timing:
    from benchmarks.speaker_fixtures import score_fixture, sidecars, table

    watch = Stopwatch()
    with watch.running():
        scores = [score_fixture(path) for path in sidecars()]
    print(table(scores), file=sys.stderr)
    per = ", ".join(f"{s.name} {s.f1:.2f}/{s.role_accuracy:.0%}" for s in scores)
    return Timing(watch.seconds, {
        "fixtures": len(scores),
        "mean_f1": round(sum(s.f1 for s in scores) / len(scores), 3),
        "min_f1": round(min(s.f1 for s in scores), 3),
        "role_accuracy": round(sum(s.role_accuracy for s in scores) / len(scores), 3),
        "per_convention_f1_roles": per,
    })


def ceiling(ctx: Context) -> Timing:
    import docx
    import yaml

    from benchmarks.speaker_fixtures import FIXTURES, build_docx, sidecars

    watch = Stopwatch()
    with tempfile.TemporaryDirectory() as tmp, watch.running():
        for path in sidecars():
            source = FIXTURES / yaml.safe_load(path.read_text("utf-8"))["file"]
            if source.name.endswith(".docx.txt"):
                built = build_docx(source, Path(tmp) / source.name.removesuffix(".txt"))
                docx.Document(str(built))
            else:
                source.read_bytes().decode("utf-8")
    return Timing(watch.seconds)


STAGE = Stage(
    name="speakers",
    title="Speakers and roles on the fixtures (turn-boundary F1, role accuracy)",
    ceiling_title="reading the same fixture files without finding turns",
    missing=lambda: missing_attributes("qualcode.ingest.inference", "infer_roles"),
    measure=measure,
    ceiling=ceiling,
    sized=False,
)
