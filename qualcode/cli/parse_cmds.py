"""``qualcode parse``: parse every document ahead, so suggestions open on results.

The service is imported inside the command: spaCy loads only when something is parsed.
"""

from __future__ import annotations

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.suggest_cmds import progress_bar


@cli.command("parse")
@click.option("--processes", type=click.IntRange(1, 64), default=None, metavar="N",
              help="Worker processes (default: every core).")
@pass_ctx
def parse(ctx: Context, processes: int | None) -> None:
    """Parse every turn and code description into the project's parse cache.

    Theme and code suggestions then start from the cache instead of parsing. Texts already
    parsed are skipped; parses are stored every few seconds, so an interrupted run (Ctrl-C)
    keeps what it finished and the next run carries on from there.

    \b
    Example:
      qualcode parse
      qualcode parse --processes 1
    """
    from qualcode.services.parsing import parse_project

    with ctx.open() as store, progress_bar() as progress:
        report = parse_project(store, progress=progress, processes=processes)
    for warning in report.warnings:
        click.echo(f"qualcode: warning: {warning}", err=True)
    click.echo(f"{report.parsed} text(s) parsed, {report.cached} already in the project's "
               f"cache ({report.model})")
