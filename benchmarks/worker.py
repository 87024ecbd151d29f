"""One measurement in a fresh process: ``python -m benchmarks.worker STAGE ROLE CTX OUT``.

ROLE is ``check`` (is the feature there?), ``stage`` or ``ceiling``. The result, with this
process's peak memory, is written to OUT as JSON; a crash leaves OUT unwritten and the runner
reports the error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from benchmarks import stages
from benchmarks.measure import peak_rss_mb
from benchmarks.stages.base import Context

ROLES = ("check", "stage", "ceiling")


def run(name: str, role: str, context: Path | None) -> dict[str, Any]:
    stage = stages.load(name)
    missing = stage.missing()
    if missing or role == "check":
        return {"missing": missing}
    if context is None:
        raise ValueError("a context file is needed to measure")
    ctx = Context.load(context)
    ctx.scratch.mkdir(parents=True, exist_ok=True)
    work = stage.measure if role == "stage" else stage.ceiling
    timing = work(ctx)
    return {"missing": None, "seconds": timing.seconds, "extra": timing.extra,
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[1] not in ROLES:
        print("usage: python -m benchmarks.worker STAGE check|stage|ceiling CONTEXT OUT",
              file=sys.stderr)
        return 2
    name, role, context, out = argv
    # The app parses unparsed projects in a worker process as it opens: a TUI stage measures
    # key latency, not a parse on the other core.
    os.environ.setdefault("QUALCODE_PARSE_AHEAD", "0")
    result = run(name, role, Path(context) if context != "-" else None)
    Path(out).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
