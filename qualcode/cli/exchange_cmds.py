"""Exchange commands: REFI-QDA projects out (`export qdpx`), bulk codings in and out
(`codings import`, `export codings`); project files in go through `qualcode import`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from qualcode.cli.app import Context, pass_ctx
from qualcode.cli.coding_cmds import codings
from qualcode.cli.output import echo_lines, shown
from qualcode.cli.report_cmds import export_group
from qualcode.core.errors import QualcodeError
from qualcode.exchange.dialects import EXPORT_TARGETS


def import_projects(ctx: Context, paths: Sequence[str]) -> bool:
    """Import REFI-QDA / QualCoder projects given to `qualcode import`; False if any failed."""
    from qualcode.services import exchange

    ok = True
    with ctx.open() as store:
        for raw in paths:
            try:
                report = exchange.import_project_file(store, Path(raw), coder=ctx.coder)
            except QualcodeError as err:
                click.echo(f"qualcode: error: {err}", err=True)
                ok = False
                continue
            echo_lines(report.lines())
    return ok


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@export_group.command("qdpx")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--for", "target", type=click.Choice(sorted(EXPORT_TARGETS)), default="standard",
              show_default=True, help="The tool that will read it (how positions are counted "
                                      "and line breaks written).")
@click.option("--pseudonymised/--as-recorded", default=True, show_default=True,
              help="Replace identifiers as the register decides, or export the text as it was "
                   "recorded (e.g. for a colleague who codes the same interviews).")
@pass_ctx
def export_qdpx(ctx: Context, out: Path, target: str, pseudonymised: bool) -> None:
    """Write the project as a REFI-QDA project (QDA-XML 1.0) that NVivo, ATLAS.ti, MAXQDA and
    QualCoder import: documents, codebook, codings, cases, attributes, memos and sets.

    \b
    Example:
      qualcode export qdpx exports/study.qdpx
      qualcode export qdpx exports/for-client.qdpx --for maxqda
    """
    from qualcode.services import exchange

    with ctx.open() as store:
        project = exchange.export_project(store, out, target=target,
                                          pseudonymise=pseudonymised)
    codings_n = sum(len(s.codings) for s in project.sources)
    click.echo(f"wrote {shown(out)}: {_n(len(project.sources), 'document')}, "
               f"{_n(len(project.codes), 'code')}, {_n(codings_n, 'coding')}, "
               f"{_n(len(project.cases), 'case')}, {_n(len(project.notes), 'memo')} "
               f"({'pseudonymised' if pseudonymised else 'NOT pseudonymised'}); key-quote "
               "marks are not part of REFI-QDA and are left out")


@export_group.command("codings")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--taguette", is_flag=True,
              help="Taguette's highlights columns (id, document, tag, content) instead.")
@pass_ctx
def export_codings(ctx: Context, out: Path, taguette: bool) -> None:
    """Write every coding to OUT (.csv, .xlsx or .json) in the bulk format that
    `qualcode codings import` reads back: document, code, start, end, text, coder, memo,
    important.

    \b
    Example:
      qualcode export codings exports/codings.xlsx
    """
    from qualcode.services import bulk_codings

    with ctx.open() as store:
        count = (bulk_codings.export_highlights(store, out) if taguette
                 else bulk_codings.export_codings(store, out))
    click.echo(f"wrote {_n(count, 'coding')} to {shown(out)} (as recorded, for projects that "
               "hold the same transcripts; `qualcode export transcripts` writes a "
               "pseudonymised copy)")


@codings.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--create-codes", is_flag=True, help="Add codes the project does not have yet "
                                                   "(default: refuse those rows).")
@click.option("--all-or-nothing", is_flag=True,
              help="Import nothing if any row fails (default: import the rows that fit).")
@pass_ctx
def codings_import(ctx: Context, file: Path, create_codes: bool, all_or_nothing: bool) -> None:
    """Apply many codings at once from FILE (.csv, .xlsx or .json with columns document, code,
    start, end, text, coder, memo, important; or Taguette's highlights export). Every row's
    text is checked; one undoable action.

    \b
    Example:
      qualcode codings import exports/human-coding.csv --create-codes
    """
    from qualcode.services import bulk_codings

    with ctx.open() as store:
        report = bulk_codings.import_codings(store, file, coder=ctx.coder,
                                             create_codes=create_codes,
                                             all_or_nothing=all_or_nothing)
    lines = report.lines()
    echo_lines(lines[: 2 if report.codes_added else 1])
    if report.failed:
        echo_lines([f"qualcode: error: {line}" for line in report.failed], err=True)
        raise click.exceptions.Exit(1)
