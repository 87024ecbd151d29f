"""``python -m benchmarks [--sizes 20,100,200] [--stages import,search] [--out DIR]``.

Writes ``latest.md`` and ``latest.json`` to benchmarks/results/ (or --out). Generated corpora
and projects live in a temporary folder, removed afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks import render, runner, stages
from benchmarks.corpus import SEED, WORDS_PER_INTERVIEW

RESULTS = Path(__file__).resolve().parent / "results"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time every qualcode stage beside its ceiling at several corpus sizes.",
        epilog="Example: python -m benchmarks --sizes 20,100,200")
    p.add_argument("--sizes", default=",".join(map(str, runner.DEFAULT_SIZES)),
                   help="corpus sizes in interviews, comma-separated (default: %(default)s)")
    p.add_argument("--stages", default=",".join(stages.NAMES),
                   help="stages to run, comma-separated (default: all)")
    p.add_argument("--words", type=int, default=WORDS_PER_INTERVIEW,
                   help="words per interview (default: %(default)s)")
    p.add_argument("--seed", type=int, default=SEED, help="corpus seed (default: %(default)s)")
    p.add_argument("--out", type=Path, default=RESULTS,
                   help="folder for latest.md and latest.json (default: benchmarks/results)")
    p.add_argument("--work", type=Path, default=None,
                   help="folder for generated corpora and projects, kept afterwards "
                        "(default: a temporary folder, removed)")
    p.add_argument("--keep", action="store_true", help="keep the generated corpora and projects")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        sizes = runner.parse_sizes(args.sizes)
        chosen = runner.select([n.strip() for n in args.stages.split(",") if n.strip()])
    except ValueError as err:
        print(f"python -m benchmarks: {err}", file=sys.stderr)
        return 2
    command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
    options = runner.Options(sizes=sizes, stages=chosen, words=args.words, seed=args.seed,
                             work=args.work, keep=args.keep, command=command.strip())
    report = runner.run(options)
    md, js = render.write(report, args.out)
    print(render.table(report))
    print(f"\nwrote {md} and {js}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
