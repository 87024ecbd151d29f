"""`qualcode suggest evaluate`: cross-validated figures for people (tables) and for tools (one
JSON object with numbers, or one CSV table)."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import click

from qualcode.cli.app import Context, pass_ctx
from qualcode.cli.output import FORMATS, emit
from qualcode.cli.suggest_cmds import _report, progress_bar, suggest
from qualcode.services.codes import code_paths, path_text

if TYPE_CHECKING:
    from qualcode.core.suggestions import Evaluation

CSV_COLUMNS = ["table", "name", "method", "count", "passages", "suggested", "right", "top1",
               "top3", "low", "high", "confidence", "precision", "recall", "f1", "offered",
               "offered_right"]


@suggest.command("evaluate")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def suggest_evaluate(ctx: Context, fmt: str) -> None:
    """Cross-validate code suggestions on the project's own codings.

    Folds keep each document whole. Prints top-1 and top-3 accuracy beside two baselines
    (always the most frequent codes; definition similarity alone), the reliability of the
    confidence shown (per confidence band: how sure, how often right, out of fold), the codes
    left out of suggestions, then per code: precision, recall and F1 of it being the top
    suggestion. `--format json` prints one object, `--format csv` one table.

    \b
    Example:
      qualcode suggest evaluate
      qualcode suggest evaluate --format json > evaluation.json
    """
    from qualcode.services import suggest as service

    with ctx.open() as store:
        with progress_bar() as progress:
            result = service.evaluate(store, progress=progress)
        _report(result.report)
        names = {code_id: path_text(path) for code_id,
                 path in code_paths(store.codes.all()).items()}
    if result.report.reused:
        click.echo("unchanged since the stored evaluation of "
                   f"{result.evaluation.created_at}: shown as it was", err=True)
    document = evaluation_document(result.evaluation, names)
    if fmt == "json":
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(csv_table(document), nl=False)
    else:
        _tables(document)


def evaluation_document(e: Evaluation, names: dict[int, str]) -> dict[str, Any]:
    """The evaluation as plain data with numbers (shares 0..1), for JSON and CSV."""
    return {
        "passages": e.segments, "documents": e.documents, "folds": e.folds,
        "grouped_by": e.grouped_by, "model": e.model,
        "methods": [{"method": m.name, "top1": m.top1, "top3": m.top3}
                    for m in (e.suggester, *e.baselines)],
        "reliability": [{"low": b.low, "high": b.high, "suggestions": b.suggestions,
                         "confidence": b.confidence, "precision": b.precision}
                        for b in e.reliability],
        "left_out": dict(e.left_out),
        "codes": [{"code": names.get(f.code_id, "?"), "code_id": f.code_id,
                   "method": f.method, "passages": f.support, "suggested": f.suggested,
                   "right": f.right, "precision": f.precision, "recall": f.recall, "f1": f.f1,
                   "offered": f.offered, "offered_right": f.offered_right}
                  for f in e.codes if f.support or f.suggested or f.offered],
    }


def csv_table(document: dict[str, Any]) -> str:
    """One CSV table: a row per method, reliability band, reason codes were left out, code."""
    rows: list[dict[str, Any]] = []
    rows += [{"table": "method", "name": m["method"], "top1": m["top1"], "top3": m["top3"],
              "passages": document["passages"]} for m in document["methods"]]
    rows += [{"table": "reliability", "name": f"{b['low']:.2f}-{b['high']:.2f}",
              "count": b["suggestions"], "low": b["low"], "high": b["high"],
              "confidence": b["confidence"], "precision": b["precision"]}
             for b in document["reliability"]]
    rows += [{"table": "left out", "name": reason, "count": count}
             for reason, count in document["left_out"].items()]
    rows += [{"table": "code", "name": c["code"], "method": c["method"],
              "passages": c["passages"], "suggested": c["suggested"], "right": c["right"],
              "precision": c["precision"], "recall": c["recall"], "f1": c["f1"],
              "offered": c["offered"], "offered_right": c["offered_right"]}
             for c in document["codes"]]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _tables(document: dict[str, Any]) -> None:
    emit([{"method": m["method"], "top-1": f"{m['top1']:.1%}", "top-3": f"{m['top3']:.1%}"}
          for m in document["methods"]], ["method", "top-1", "top-3"], "table",
         title=f"{document['passages']} coded passages, {document['documents']} documents, "
               f"{document['folds']}-fold cross-validation grouped by "
               f"{document['grouped_by']}")
    emit([{"confidence": f"{b['low']:.2f}-{b['high']:.2f}", "suggestions": b["suggestions"],
           "mean confidence": f"{b['confidence']:.2f}", "right": f"{b['precision']:.2f}",
           "gap": f"{b['precision'] - b['confidence']:+.2f}"} for b in document["reliability"]],
         ["confidence", "suggestions", "mean confidence", "right", "gap"], "table",
         title="Reliability: the confidence shown beside how often it was right (out of fold)")
    left = [f"{count} {reason}" for reason, count in document["left_out"].items() if count]
    if left:
        click.echo("Not suggested: " + "; ".join(left) + ".")
    emit([{**c, **{k: f"{c[k]:.2f}" for k in ("precision", "recall", "f1")},
           "offered": f"{c['offered_right']} of {c['offered']}"} for c in document["codes"]],
         ["code", "method", "passages", "suggested", "right", "precision", "recall", "f1",
          "offered"], "table",
         title="Per code: as the top suggestion, and right when offered (in a passage's "
               "best two)")
