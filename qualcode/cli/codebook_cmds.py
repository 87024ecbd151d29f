"""Codebook commands: load, show, export."""

from __future__ import annotations

from pathlib import Path

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit, shown
from qualcode.services import codes as code_service


@cli.group()
def codebook() -> None:
    """The codebook: load, show and export codes."""


@codebook.command("load")
@click.argument("file", type=click.Path(path_type=Path))
@pass_ctx
def codebook_load(ctx: Context, file: Path) -> None:
    """Merge a codebook (.yml/.yaml, .csv, REFI-QDA .qdc or Taguette CSV) into the project.

    Codes are matched by GUID, else by path; matches are updated, the rest added. Loading the
    same file twice changes nothing. See codebooks/FORMAT.md.

    \b
    Example:
      qualcode codebook load codebooks/childhub-benchmarking.yml
    """
    with ctx.open() as store:
        added, updated = code_service.load_codebook(store, file, coder=ctx.coder)
    click.echo(f"{shown(file)}: {added} code(s) added, {updated} updated")


@codebook.command("show")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--definitions", is_flag=True, help="Show each code's definition too.")
@pass_ctx
def codebook_show(ctx: Context, fmt: str, definitions: bool) -> None:
    """Show the codebook as a tree with codings per code.

    \b
    Example:
      qualcode codebook show --definitions
    """
    with ctx.open() as store:
        codes = store.codes.all()
        counts = store.codings.count_by_code()
    paths = code_service.code_paths(codes)
    rows = []
    for c in codes:
        path = paths[c.id or 0]
        name = ("  " * (len(path) - 1) + c.name) if fmt == "table" else \
            code_service.path_text(path)
        rows.append({"id": c.id, "code": name, "shortcut": c.shortcut, "colour": c.colour,
                     "codings": counts.get(c.id or 0, 0), "definition": c.definition})
    columns = ["id", "code", "shortcut", "colour", "codings"]
    emit(rows, columns + (["definition"] if definitions or fmt != "table" else []), fmt,
         title="Codebook", wrap=["definition"] if definitions else [])


@codebook.command("export")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", "qdc", "taguette"]),
              default="auto", show_default=True,
              help="auto: by FILE's suffix (.yml, .yaml, .csv, .qdc); taguette: Taguette's CSV.")
@pass_ctx
def codebook_export(ctx: Context, file: Path, fmt: str) -> None:
    """Write the project's codebook to FILE (.yml, .yaml, .csv or REFI-QDA .qdc).

    \b
    Example:
      qualcode codebook export exports/codebook.yml
      qualcode codebook export exports/codebook.qdc
    """
    from qualcode.services.exchange import export_foreign_codebook

    with ctx.open() as store:
        count = export_foreign_codebook(store, file, fmt)
        if count is None:
            count = code_service.export_codebook(store, file)
    click.echo(f"wrote {count} code{'s' if count != 1 else ''} to {shown(file)}")
