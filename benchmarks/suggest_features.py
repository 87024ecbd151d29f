"""Which evidence beyond a passage's own words helps code suggestions? Cross-validation on a
project's codings (the demo's by default) with each set of context features, printed as a
table: ``python -m benchmarks.suggest_features [PROJECT]``.

Each set is cross-validated exactly as ``qualcode suggest evaluate`` does (folds by document,
the same estimator); the set kept in ``services.suggest.CONTEXT_FEATURES`` is the one that
helped here. The project is opened read-only in spirit: nothing is stored but parses.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ((), ("question",), ("position",), ("case",), ("question", "position"),
        ("position", "case"), ("question", "position", "case"))


def demo_project(folder: Path) -> Path:
    from qualcode.services import demo

    path = folder / "demo.qualcode"
    demo.build_demo(path, ROOT / "transcripts", ROOT / "codebooks" / "childhub-benchmarking.yml",
                    coder="features")
    return path


def main(argv: list[str]) -> int:
    from qualcode.services.suggest import CODE_PARAMS
    from qualcode.services.suggest_context import Context
    from qualcode.services.suggest_corpus import load_corpus, training_data
    from qualcode.store import Store
    from qualcode.suggest.codes import CodeSuggester
    from qualcode.suggest.evaluate import cross_validate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(argv[0]) if argv else demo_project(Path(tmp))
        with Store.open(path) as store:
            corpus = load_corpus(store)
            rows = []
            for kinds in SETS:
                data = training_data(store, corpus, Context(store, corpus, kinds).terms)
                e = cross_validate(data.X, data.Y, data.groups, data.descriptions,
                                   data.code_ids, estimator=CodeSuggester(**CODE_PARAMS))
                gap = max(abs(b.precision - b.confidence) for b in e.reliability)
                rows.append((" + ".join(kinds) or "words only", e.suggester.top1,
                             e.suggester.top3, gap, e.segments))
    print(f"{'features':<30} {'top-1':>7} {'top-3':>7} {'max gap':>8}  passages")
    for name, top1, top3, gap, n in rows:
        print(f"{name:<30} {top1:>7.1%} {top3:>7.1%} {gap:>8.2f}  {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
