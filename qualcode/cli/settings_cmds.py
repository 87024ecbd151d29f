"""``qualcode settings``: show and set the project settings a user chooses."""

from __future__ import annotations

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit, shown


@cli.group(invoke_without_command=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def settings(ctx: Context, fmt: str) -> None:
    """Show the project's settings: each value, what it means, and what applies unset.

    \b
    Example:
      qualcode settings
      qualcode settings set nlp_model en_core_web_sm
    """
    if click.get_current_context().invoked_subcommand is not None:
        return
    from qualcode.services import settings as service

    with ctx.open() as store:
        rows = [{"setting": s.key, "value": _shown(value), "meaning": s.meaning,
                 "when unset": s.default} for s, value in service.current(store)]
    emit(rows, ["setting", "value", "meaning", "when unset"], fmt, title="settings",
         wrap=["meaning", "when unset"])


@settings.command("set")
@click.argument("key")
@click.argument("value")
@pass_ctx
def settings_set(ctx: Context, key: str, value: str) -> None:
    """Set KEY to VALUE ("" unsets it, so the default applies again).

    \b
    Example:
      qualcode settings set nlp_model en_core_web_sm
      qualcode settings set key_attributes "country, organisation type"
      qualcode settings set key_attributes ""
    """
    from qualcode.services import settings as service

    with ctx.open() as store:
        stored = service.set_setting(store, key, value, coder=ctx.coder)
    click.echo(shown(f"{key.strip().lower()} = {_shown(stored)}"))


def _shown(value: object) -> str:
    if value is None:
        return "(not set)"
    return ", ".join(value) if isinstance(value, list) else str(value)
