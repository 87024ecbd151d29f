"""The root command group and what every command shares (the project, the coder)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from qualcode.core.errors import QualcodeError
from qualcode.services import project
from qualcode.store import Store


@dataclass
class Context:
    project_option: str | None
    coder: str

    @property
    def path(self) -> Path:
        return project.project_path(self.project_option)

    def open(self) -> Store:
        store = project.open_project(self.path)
        if store.read_only:  # a newer, corrupt or unwritable project: say so once
            click.echo(f"note: {store.read_only}", err=True)
        return store


pass_ctx = click.make_pass_decorator(Context)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--project", "-p", "project_option", metavar="PATH", envvar=None,
              help="Project file (default: $QUALCODE_PROJECT, else ./project.qualcode).")
@click.option("--coder", metavar="NAME", default=None,
              help="Who is coding (default: $QUALCODE_CODER, else your login name).")
@click.version_option(package_name="qualcode")
@click.pass_context
def cli(ctx: click.Context, project_option: str | None, coder: str | None) -> None:
    """qualcode: code and synthesise interview transcripts, offline.

    \b
    Example:
      qualcode init --project study.qualcode
      qualcode -p study.qualcode import transcripts/
      qualcode -p study.qualcode          # opens the workbench
    """
    ctx.obj = Context(project_option, coder or project.default_coder())
    if ctx.invoked_subcommand is None:
        open_workbench(ctx.obj)


def open_workbench(ctx: Context) -> None:
    """The workbench on the project. Textual is imported only here, so that every other
    command starts without it."""
    if not ctx.path.exists():
        raise QualcodeError(f"{ctx.path}: no such project (run `qualcode init` first)")
    from qualcode.tui.app import run

    run(ctx.path, coder=ctx.coder)
