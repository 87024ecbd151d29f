"""Report and export commands: the Word report, coded segments, the codebook as .docx.

python-docx, matplotlib and openpyxl are imported inside the commands, so that the CLI starts
fast.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import shown
from qualcode.core.synthesis import DEFAULT_MATRIX

DOCX = click.Path(path_type=Path, dir_okay=False)


@cli.command()
@click.argument("out", type=DOCX)
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="A .docx or .dotx whose styles, page setup and headers are used.")
@click.option("--codes", "code_refs", multiple=True, metavar="CODE",
              help="Only these codes and their sub-codes (repeatable, or comma-separated).")
@click.option("--by", "attribute", default="", metavar="ATTR",
              help="Case attribute to split frequencies by (default: one with 2-6 values).")
@click.option("--pseudonymise/--as-recorded", default=True, show_default=True,
              help="Replace identifiers as the register decides (qualcode pseudonyms), attribute "
                   "quotes by case only and leave out attributes that single someone out; or "
                   "write what was recorded, names included.")
@click.option("--redact", "names", multiple=True, metavar="NAME",
              help="Replace this name too, in all its parts (repeatable).")
@click.option("--title", default="", help="The report's title.")
@click.option("--matrix", "matrix_name", default=DEFAULT_MATRIX, show_default=True,
              metavar="NAME", help="Which framework matrix to include.")
@click.option("--top-level-only", is_flag=True,
              help="Findings by top-level code only; sub-codes' key quotes go in them.")
@click.option("--memos/--no-memos", default=True, show_default=True,
              help="Include the analyst's memos on codes and interviews.")
@click.option("--annexes/--no-annexes", default=True, show_default=True,
              help="Include the annexes (matrix detail, figures, codebook).")
@click.option("--agreement", is_flag=True,
              help="State the inter-coder agreement of the two main coders in the method.")
@pass_ctx
def report(ctx: Context, out: Path, template: Path | None, code_refs: tuple[str, ...],
           attribute: str, pseudonymise: bool, names: tuple[str, ...], title: str,
           matrix_name: str, top_level_only: bool, memos: bool, annexes: bool,
           agreement: bool) -> None:
    """Write the Word report (.docx): executive summary, the benchmarking overview,
    background, method, limitations, findings per theme with key quotes, organisation
    profiles, conclusions, recommendations, and annexes. Sections without text are left out;
    warnings say what is missing.

    \b
    Example:
      qualcode report exports/childhub-report.docx --by "peer group"
      qualcode report exports/client.docx --template house-style.dotx --redact "Helen Marsh"
      qualcode report exports/internal.docx --as-recorded
    """
    from qualcode.cli.synth_cmds import find_codes
    from qualcode.services import report as report_service

    if out.suffix.lower() != ".docx":
        raise click.BadParameter(f"{out} should end in .docx", param_hint="OUT")
    started = time.perf_counter()
    with ctx.open() as store:
        refs = tuple(str(c.id) for c in find_codes(store, code_refs))
        options = report_service.ReportOptions(
            title=title, codes=refs, by=attribute, pseudonymise=pseudonymise,
            redact=names, matrix=matrix_name, top_level_only=top_level_only, memos=memos,
            annexes=annexes, agreement=agreement)
        data = report_service.write_report(store, out, options, template=template)
    for warning in data.warnings:
        click.echo(f"qualcode: warning: {warning}", err=True)
    quotes = sum(len(s.quotes) for s in data.sections)
    click.echo(f"wrote {shown(out)}: {len(data.sections)} code sections, {quotes} key quotes"
               + (", pseudonymised" if pseudonymise else ", NOT pseudonymised")
               + f" ({time.perf_counter() - started:.1f} s)")


@cli.group("export")
def export_group() -> None:
    """Export coded segments (CSV, XLSX), the codebook (.docx), codings in the bulk format, or
    the whole project for other tools (REFI-QDA .qdpx)."""


@export_group.command("segments")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--pseudonymised/--as-recorded", default=True, show_default=True,
              help="Replace identifiers as the register decides (qualcode pseudonyms), or "
                   "export the text as it was recorded.")
@pass_ctx
def export_segments(ctx: Context, out: Path, pseudonymised: bool) -> None:
    """Write every coding, one row each, to OUT.csv or OUT.xlsx: document, case, case
    attributes, code path, span, text, memo, coder, important.

    \b
    Example:
      qualcode export segments exports/segments.xlsx
    """
    from qualcode.services import exports

    with ctx.open() as store:
        rows = exports.export_segments(store, out, pseudonymise=pseudonymised)
    click.echo(f"wrote {rows} coded segment{'s' if rows != 1 else ''} to {shown(out)} "
               f"({'pseudonymised' if pseudonymised else 'NOT pseudonymised'})")


@export_group.command("matrix")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--matrix", "matrix_name", default=DEFAULT_MATRIX, show_default=True,
              metavar="NAME", help="Which framework matrix.")
@pass_ctx
def export_matrix(ctx: Context, out: Path, matrix_name: str) -> None:
    """Write the benchmarking matrix to OUT.xlsx: ratings on one sheet, ratings with their
    summaries on another.

    \b
    Example:
      qualcode export matrix exports/benchmarking.xlsx
    """
    from qualcode.export.matrix_xlsx import write_matrix_xlsx
    from qualcode.services import report as report_service

    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter(f"{out} should end in .xlsx", param_hint="OUT")
    with ctx.open() as store:
        table = report_service.matrix_table(store, matrix_name)
    rows = write_matrix_xlsx(table, out)
    click.echo(f"wrote {out}: {rows} organisation(s) x {len(table.columns)} criteria")


@export_group.command("codebook")
@click.argument("out", type=DOCX)
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="A .docx or .dotx whose styles are used.")
@pass_ctx
def export_codebook(ctx: Context, out: Path, template: Path | None) -> None:
    """Write the codebook, with definitions and notes, to a Word document.

    \b
    Example:
      qualcode export codebook exports/codebook.docx
    """
    from qualcode.services import exports

    with ctx.open() as store:
        count = exports.export_codebook_docx(store, out, template=template)
    click.echo(f"wrote {count} code(s) to {shown(out)}")
