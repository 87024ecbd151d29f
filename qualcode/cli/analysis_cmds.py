"""Analysis commands: code frequencies and co-occurrence."""

from __future__ import annotations

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit
from qualcode.services import analysis
from qualcode.services.codes import code_paths, path_text

MEASURES = click.Choice(["segments", "documents", "cases"])


@cli.command()
@click.option("--by", "attribute", metavar="ATTR",
              help="Split by this case attribute (one column per value).")
@click.option("--count", "measure", type=MEASURES, default="cases", show_default=True,
              help="What each column counts when split with --by.")
@click.option("--rollup", is_flag=True, help="Count sub-codes' codings under their parents.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def frequencies(ctx: Context, attribute: str | None, measure: str, rollup: bool,
                fmt: str) -> None:
    """Code frequencies: coded segments, documents and cases per code.

    With --by, one column per value of a case attribute, counting --count (cases by default:
    how many organisations of each type mention the code).

    \b
    Example:
      qualcode frequencies
      qualcode frequencies --by "organisation type" --rollup --format csv
    """
    with ctx.open() as store:
        codes = store.codes.all()
        paths = code_paths(codes)
        if attribute is None:
            found = analysis.frequencies(store, rollup=rollup)
            split = None
        else:
            split = analysis.frequencies_by(store, attribute, rollup=rollup)
            found = analysis.frequencies(store, rollup=rollup)
    label = (lambda i: "  " * (len(paths[i]) - 1) + paths[i][-1]) if fmt == "table" else \
        (lambda i: path_text(paths[i]))
    if split is None:
        rows = [{"code": label(i), "segments": f.segments, "documents": f.documents,
                 "cases": f.cases} for i, f in found.items()]
        emit(rows, ["code", "segments", "documents", "cases"], fmt, title="Code frequencies")
        return
    columns = [f"{g.value} (n={g.cases})" for g in split.groups]
    rows = []
    for code_id, total in found.items():
        row: dict[str, object] = {"code": label(code_id)}
        for group, column in zip(split.groups, columns, strict=True):
            row[column] = getattr(split.frequency(code_id, group.value), measure)
        row["all"] = getattr(total, measure)
        rows.append(row)
    emit(rows, ["code", *columns, "all"], fmt, title=f"{measure} by {split.attribute}")


@cli.command()
@click.option("--same-turn", is_flag=True,
              help="Count turns holding both codes, rather than overlapping codings.")
@click.option("--min", "minimum", type=click.IntRange(1), default=1, show_default=True,
              help="Leave out pairs counted fewer times.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def cooccurrence(ctx: Context, same_turn: bool, minimum: int, fmt: str) -> None:
    """Pairs of codes applied together: to overlapping text, or (--same-turn) in one turn.

    \b
    Example:
      qualcode cooccurrence
      qualcode cooccurrence --same-turn --min 2 --format csv
    """
    from qualcode.analysis.cooccurrence import ranked_pairs

    with ctx.open() as store:
        counts = analysis.cooccurrence(store, same_turn=same_turn)
        paths = code_paths(store.codes.all())
    rows = [{"code": path_text(paths[p.a]), "with": path_text(paths[p.b]), "count": p.count}
            for p in ranked_pairs(counts, minimum=minimum)]
    what = "turns with both" if same_turn else "overlapping codings"
    emit(rows, ["code", "with", "count"], fmt, title=f"Co-occurrence ({what})")
