"""Synthesis commands: findings, key quotes, the framework (benchmarking) matrix."""

from __future__ import annotations

import sys

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit
from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import Case, Code
from qualcode.core.synthesis import DEFAULT_MATRIX, Matrix, Synthesis
from qualcode.services import synthesis as synth_service
from qualcode.services.codes import code_paths, find_code, path_text
from qualcode.store import Store

matrix_option = click.option("--matrix", "matrix_name", default=DEFAULT_MATRIX,
                             show_default=True, metavar="NAME", help="Which matrix.")


def find_codes(store: Store, refs: tuple[str, ...]) -> list[Code]:
    """Codes named by repeated options or comma-separated lists ("A,B" or "A" "B")."""
    found: list[Code] = []
    for ref in refs:
        try:
            found.append(find_code(store, ref))
        except NotFound:
            if "," not in ref:
                raise
            found += [find_code(store, part) for part in ref.split(",") if part.strip()]
    return found


@cli.group()
def synth() -> None:
    """Synthesis: findings per code, key quotes, the benchmarking matrix."""


@synth.command("finding")
@click.argument("code")
@click.argument("text")
@pass_ctx
def synth_finding(ctx: Context, code: str, text: str) -> None:
    """Write the finding of CODE (TEXT "-" reads it from standard input; "" removes it).

    \b
    Example:
      qualcode synth finding Governance "National steering groups work where..."
      qualcode synth finding "Governance > National ownership" - < ownership.md
    """
    if text == "-":
        text = sys.stdin.read()
    with ctx.open() as store:
        target = find_code(store, code)
        done = synth_service.set_finding(store, target, text, coder=ctx.coder)
    click.echo(f"finding of {target.name}: " + ("saved" if done else "removed"))


@synth.group("quote")
def synth_quote() -> None:
    """Key quotes: codings marked important, or picked here."""


@synth_quote.command("pick")
@click.argument("coding_id", type=int)
@pass_ctx
def quote_pick(ctx: Context, coding_id: int) -> None:
    """Make coding CODING_ID a key quote of its code.

    \b
    Example:
      qualcode synth quote pick 42
    """
    with ctx.open() as store:
        changed = synth_service.pick_quote(store, store.codings.get(coding_id), coder=ctx.coder)
    click.echo(f"coding {coding_id} " + ("is now a key quote" if changed
                                         else "already was a key quote"))


@synth_quote.command("unpick")
@click.argument("coding_id", type=int)
@pass_ctx
def quote_unpick(ctx: Context, coding_id: int) -> None:
    """Make coding CODING_ID no key quote (also unmarks it important).

    \b
    Example:
      qualcode synth quote unpick 42
    """
    with ctx.open() as store:
        changed = synth_service.unpick_quote(store, store.codings.get(coding_id), coder=ctx.coder)
    click.echo(f"coding {coding_id} " + ("is no longer a key quote" if changed
                                         else "was not a key quote"))


@synth.group("matrix")
def synth_matrix() -> None:
    """The framework matrix: cases as rows, chosen codes as columns."""


@synth_matrix.command("define")
@click.option("--codes", "code_refs", multiple=True, required=True, metavar="CODE",
              help="The columns, in order (repeatable, or comma-separated).")
@click.option("--scale", default="", metavar="LEVELS",
              help="Rating levels, best first, comma-separated.")
@matrix_option
@pass_ctx
def matrix_define(ctx: Context, code_refs: tuple[str, ...], scale: str,
                  matrix_name: str) -> None:
    """Define (or redefine) the matrix's columns and rating scale. Cells are kept.

    \b
    Example:
      qualcode synth matrix define --codes Governance --codes "Peer-to-peer support" \\
          --scale strong,partial,weak,absent
    """
    with ctx.open() as store:
        codes = find_codes(store, code_refs)
        grid = synth_service.define_matrix(store, codes, synth_service.parse_scale(scale),
                                           coder=ctx.coder, name=matrix_name)
    click.echo(f"matrix {grid.name}: {len(grid.code_ids)} column(s)"
               + (f", scale {', '.join(grid.scale)}" if grid.scale else ""))


@synth.command("cell")
@click.argument("case")
@click.argument("code")
@click.option("--summary", default=None, help='The cell\'s summary ("" clears it).')
@click.option("--rating", default=None, help='A level of the scale ("" clears it).')
@click.option("--draft", is_flag=True,
              help="Set the summary to a draft from the case's coded segments.")
@matrix_option
@pass_ctx
def synth_cell(ctx: Context, case: str, code: str, summary: str | None, rating: str | None,
               draft: bool, matrix_name: str) -> None:
    """Write (or show) the matrix cell of CASE and CODE.

    \b
    Example:
      qualcode synth cell CA-02 Governance --draft --rating partial
      qualcode synth cell CA-02 Governance --summary "Steering group since 2019"
    """
    if draft and summary is not None:
        raise click.UsageError("give --summary or --draft, not both")
    with ctx.open() as store:
        the_case = synth_service.find_case(store, case)
        the_code = find_code(store, code)
        if draft:
            summary = synth_service.draft_cell(store, the_case, the_code)
            if not summary:
                raise QualcodeError(f"{the_case.name} has no codings of {the_code.name!r} "
                                    "to draft from")
        if summary is None and rating is None:
            grid = synth_service.get_matrix(store, matrix_name)
            cell = synth_service.synthesis(store, grid.name).cells.get(
                (the_case.id or 0, the_code.id or 0))
        else:
            cell = synth_service.set_cell(store, the_case, the_code, coder=ctx.coder,
                                          summary=summary, rating=rating, name=matrix_name)
    if cell is None:
        click.echo(f"{the_case.name} x {the_code.name}: empty")
        return
    click.echo(f"{the_case.name} x {the_code.name}: {cell.rating or '(no rating)'}")
    if cell.summary:
        click.echo(cell.summary)


@synth.command("show")
@matrix_option
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def synth_show(ctx: Context, matrix_name: str, fmt: str) -> None:
    """Show the findings and key quotes per code, and the matrix with its ratings.

    As CSV or JSON: one record per finding and per matrix cell (kind, code, case, rating,
    text, key quotes).

    \b
    Example:
      qualcode synth show
      qualcode synth show --format csv > synthesis.csv
    """
    with ctx.open() as store:
        done = synth_service.synthesis(store, matrix_name)
        codes = store.codes.all()
        quotes = synth_service.key_quotes(store)
        cases = store.cases.all()
    paths = {i: path_text(p) for i, p in code_paths(codes).items()}
    per_code: dict[int, int] = {}
    for q in quotes:
        per_code[q.code_id] = per_code.get(q.code_id, 0) + 1
    findings = [{"kind": "finding", "code": paths[c.id or 0], "case": "", "rating": "",
                 "text": done.findings[c.id].text if c.id in done.findings else "",
                 "key quotes": per_code.get(c.id or 0, 0)}
                for c in codes if c.id in done.findings or c.id in per_code]
    grid = done.matrix
    if fmt != "table":
        names = {c.id: c.name for c in cases}
        cells = [{"kind": "cell", "code": paths[code_id], "case": names[case_id],
                  "rating": cell.rating, "text": cell.summary, "key quotes": ""}
                 for (case_id, code_id), cell in done.cells.items()
                 if grid is not None and code_id in grid.code_ids]
        emit(findings + cells, ["kind", "code", "case", "rating", "text", "key quotes"], fmt)
        return
    depth = {i: len(p) - 1 for i, p in code_paths(codes).items()}
    for row, code in zip(findings, [c for c in codes if c.id in done.findings
                                    or c.id in per_code], strict=True):
        row["code"] = "  " * depth[code.id or 0] + code.name
    emit(findings, ["code", "key quotes", "text"], fmt, title="Findings and key quotes",
         wrap=["text"])
    if grid is None:
        click.echo(f"no matrix {matrix_name!r} yet (qualcode synth matrix define ...)")
        return
    columns, rows = _matrix_table(done, grid, codes, cases)
    emit(rows, ["case", *columns], fmt,
         title=f"Matrix {grid.name} (scale: {', '.join(grid.scale) or 'none'})")


def _matrix_table(done: Synthesis, grid: Matrix, codes: list[Code],
                  cases: list[Case]) -> tuple[list[str], list[dict[str, object]]]:
    """The matrix's column names, and a row per case: each cell's rating, "(summary)" for a
    cell with only a summary."""
    columns = [c.name for i in grid.code_ids for c in codes if c.id == i]
    rows = []
    for case in cases:
        row: dict[str, object] = {"case": case.name}
        for code_id, column in zip(grid.code_ids, columns, strict=True):
            cell = done.cells.get((case.id or 0, code_id))
            row[column] = (cell.rating or "(summary)") if cell else ""
        rows.append(row)
    return columns, rows
