"""The consultant's own report sections, case profiles and shortened quotes (under `synth`)."""

from __future__ import annotations

import sys

import click

from qualcode.cli.app import Context, pass_ctx
from qualcode.cli.output import FORMATS, emit
from qualcode.cli.synth_cmds import synth
from qualcode.core.sections import SECTION_KINDS
from qualcode.services import sections as service
from qualcode.services import synthesis as synth_service


def _text(text: str) -> str:
    return sys.stdin.read() if text == "-" else text


@synth.command("section")
@click.argument("kind")
@click.argument("text")
@click.option("--title", default=None, help="A heading of your own (\"\" restores the default).")
@pass_ctx
def synth_section(ctx: Context, kind: str, text: str, title: str | None) -> None:
    """Write one of the report's own sections (TEXT "-" reads standard input; "" removes
    it). KIND: summary, background, method, limitations, conclusions, recommendations, free.
    Paragraphs are separated by a blank line; lines starting "- " are bullet points.

    \b
    Example:
      qualcode synth section summary - < summary.md
      qualcode synth section free "Reach, changes in practice..." \\
          --title "Criteria for the impact evaluation"
    """
    with ctx.open() as store:
        found = service.find_kind(kind)
        done = service.set_section(store, found, _text(text), coder=ctx.coder, title=title)
    click.echo(f"{SECTION_KINDS[found]}: " + ("saved" if done else "removed"))


@synth.command("profile")
@click.argument("case")
@click.argument("text")
@pass_ctx
def synth_profile(ctx: Context, case: str, text: str) -> None:
    """Write the profile of CASE (an organisation), shown with its attributes and ratings
    (TEXT "-" reads standard input; "" removes it).

    \b
    Example:
      qualcode synth profile PO-01 "A global network of 4,000 practitioners..."
    """
    with ctx.open() as store:
        target = synth_service.find_case(store, case)
        done = service.set_profile(store, target, _text(text), coder=ctx.coder)
    click.echo(f"profile of {target.name}: " + ("saved" if done else "removed"))


@synth.command("shorten")
@click.argument("coding_id", type=int)
@click.argument("text")
@pass_ctx
def synth_shorten(ctx: Context, coding_id: int, text: str) -> None:
    """Shorten key quote CODING_ID for the report: leave words out with "…" and add words
    in [brackets]; the rest must be the speaker's words, in order. "" restores the original.

    \b
    Example:
      qualcode synth shorten 42 "If the material is in English, it doesn't exist for her …"
    """
    with ctx.open() as store:
        done = service.shorten_quote(store, store.codings.get(coding_id), text, coder=ctx.coder)
    click.echo(f"coding {coding_id}: " + (f"shortened to “{done.text}”" if done
                                          else "the original is quoted"))


@synth.command("sections")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def synth_sections(ctx: Context, fmt: str) -> None:
    """List the report's own sections and case profiles, with their length.

    \b
    Example:
      qualcode synth sections
    """
    with ctx.open() as store:
        own = service.report_sections(store)
        profiles = service.profiles(store)
        names = {c.id: c.name for c in store.cases.all()}
    rows: list[dict[str, object]] = [
        {"section": kind, "heading": own[kind].heading if kind in own else heading,
         "words": len(own[kind].text.split()) if kind in own else 0}
        for kind, heading in SECTION_KINDS.items()]
    rows += [{"section": "profile", "heading": names.get(case_id, str(case_id)),
              "words": len(p.text.split())} for case_id, p in sorted(profiles.items())]
    emit(rows, ["section", "heading", "words"], fmt, title="Report sections")
