"""`qualcode pseudonyms`: the identifier register (scan, review, decide) and the
re-identification check."""

from __future__ import annotations

from pathlib import Path

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit, shown
from qualcode.cli.report_cmds import export_group


@cli.group("pseudonyms")
def pseudonyms_group() -> None:
    """The register of identifiers that every pseudonymised output replaces.

    \b
    Example:
      qualcode pseudonyms scan
      qualcode pseudonyms list --undecided
      qualcode pseudonyms set "Chişinău" --generalise "a city in Moldova"
      qualcode pseudonyms keep ChildHub
    """


@pseudonyms_group.command("scan")
@click.option("--no-entities", is_flag=True,
              help="Skip named entities (faster; only speakers, listed names and patterns).")
@click.option("--dates", is_flag=True, help="Also register dates named in answers.")
@pass_ctx
def scan_cmd(ctx: Context, no_entities: bool, dates: bool) -> None:
    """Find identifiers in every document and add new ones to the register (undoable).

    \b
    Example:
      qualcode pseudonyms scan --dates
    """
    from qualcode.services import pseudonyms

    with ctx.open() as store:
        report = pseudonyms.scan(store, coder=ctx.coder, entities=not no_entities, dates=dates)
    if report.warning:
        click.echo(f"qualcode: warning: {report.warning}", err=True)
    found = ", ".join(f"{n} {kind}" for kind, n in sorted(report.new.items())) or "nothing new"
    click.echo(f"scanned {report.documents} documents: {found}; "
               f"{report.occurrences} new occurrences")


@pseudonyms_group.command("list")
@click.option("--kind", help="Only this kind (person, organisation, place, email, phone ...).")
@click.option("--undecided", is_flag=True, help="Only identifiers nobody has decided on.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def list_cmd(ctx: Context, kind: str | None, undecided: bool, fmt: str) -> None:
    """Every identifier: kind, where it occurs, the decision and what outputs show instead.

    \b
    Example:
      qualcode pseudonyms list --kind place --format csv
    """
    from qualcode.services import pseudonyms

    with ctx.open() as store:
        entries = [e for e in pseudonyms.register_entries(store)
                   if (kind is None or e.kind == kind) and not (undecided and e.decision)]
    rows = [{"id": e.id, "kind": e.kind, "text": e.text, "occurrences": e.occurrences,
             "documents": e.documents,
             "decision": e.decision or ("replace (default)" if pseudonyms.replaces(e)
                                        else "keep (default)"),
             "shown as": pseudonyms.replacement_of(e) if pseudonyms.replaces(e) else e.text}
            for e in entries]
    emit(rows, ["id", "kind", "text", "occurrences", "documents", "decision", "shown as"], fmt,
         title="Identifier register")


@pseudonyms_group.command("set")
@click.argument("refs", nargs=-1)
@click.option("--kind", help="Decide for every identifier of this kind.")
@click.option("--replace", "decision", flag_value="replace", help="Replace with its pseudonym.")
@click.option("--keep", "decision", flag_value="keep", help="Leave it as it is.")
@click.option("--generalise", metavar="TEXT", help="Replace with a general wording.")
@pass_ctx
def set_cmd(ctx: Context, refs: tuple[str, ...], kind: str | None, decision: str | None,
            generalise: str | None) -> None:
    """Decide for identifiers (by id, text or pseudonym) or a whole --kind. Undoable.

    \b
    Example:
      qualcode pseudonyms set 12 14 --replace
      qualcode pseudonyms set "Cahul" --generalise "a district in Moldova"
      qualcode pseudonyms set --kind organisation --keep
    """
    _decide(ctx, refs, kind, "generalise" if generalise else decision, generalise or "")


@pseudonyms_group.command("keep")
@click.argument("refs", nargs=-1, required=True)
@pass_ctx
def keep_cmd(ctx: Context, refs: tuple[str, ...]) -> None:
    """Keep identifiers as they are in every output (by id, text or pseudonym).

    \b
    Example:
      qualcode pseudonyms keep ChildHub "Terre des hommes"
    """
    _decide(ctx, refs, None, "keep", "")


def _decide(ctx: Context, refs: tuple[str, ...], kind: str | None, decision: str | None,
            replacement: str) -> None:
    from qualcode.services import pseudonyms
    from qualcode.store.identifiers import identifiers

    if decision is None:
        raise click.UsageError("say what to do: --replace, --keep or --generalise TEXT")
    if not refs and not kind:
        raise click.UsageError("name identifiers (id, text or pseudonym) or give --kind")
    with ctx.open() as store:
        entries = [pseudonyms.find(store, ref) for ref in refs]
        if kind:
            entries += [e for e in identifiers(store) if e.kind == kind]
        changed = pseudonyms.set_decision(store, entries, decision, coder=ctx.coder,
                                          replacement=replacement)
    click.echo(f"{decision}: {changed} identifier{'s' if changed != 1 else ''} changed")


@pseudonyms_group.command("name")
@click.argument("names", nargs=-1, required=True)
@pass_ctx
def name_cmd(ctx: Context, names: tuple[str, ...]) -> None:
    """Names to look for besides the speakers' (a colleague named in passing); the next scan
    finds them.

    \b
    Example:
      qualcode pseudonyms name "Marko Ilić" "Radu"
    """
    _listed(ctx, "privacy_names", names, "name(s) to find")


@pseudonyms_group.command("never")
@click.argument("words", nargs=-1, required=True)
@pass_ctx
def never_cmd(ctx: Context, words: tuple[str, ...]) -> None:
    """Words never to replace (the network being studied, a country the study is about).

    \b
    Example:
      qualcode pseudonyms never ChildHub "Terre des hommes"
    """
    _listed(ctx, "privacy_never", words, "word(s) never replaced")


def _listed(ctx: Context, setting: str, words: tuple[str, ...], what: str) -> None:
    from qualcode.services import pseudonyms

    with ctx.open() as store:
        added = pseudonyms.add_listed(store, setting, words, coder=ctx.coder)
    click.echo(f"added {len(added)} {what}" + (f": {', '.join(added)}" if added else ""))


@pseudonyms_group.command("load")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--entities", is_flag=True, help="Scan for named entities too (slower).")
@pass_ctx
def load_cmd(ctx: Context, file: Path, entities: bool) -> None:
    """Apply a file of names, words never to touch and decisions (YAML; see
    transcripts/privacy.yml): scan, then decide.

    \b
    Example:
      qualcode pseudonyms load transcripts/privacy.yml
    """
    from qualcode.services.privacy_file import apply_privacy_file

    with ctx.open() as store:
        applied = apply_privacy_file(store, file, coder=ctx.coder, entities=entities)
    click.echo(f"applied {applied} decision{'s' if applied != 1 else ''} from {file}")


@pseudonyms_group.command("check")
@click.option("--attributes", metavar="A,B", help="Case attributes an output would show "
                                                 "(default: every attribute).")
@click.option("--k", "k", type=click.IntRange(2), default=2, show_default=True,
              help="A combination must be shared by at least K cases.")
@pass_ctx
def check_cmd(ctx: Context, attributes: str | None, k: int) -> None:
    """Warn about case attributes that together single out one case (re-identification).

    \b
    Example:
      qualcode pseudonyms check --attributes "role,country or region"
    """
    from qualcode.services.privacy import reidentification

    with ctx.open() as store:
        names = [a.strip() for a in (attributes or "").split(",") if a.strip()]
        risk = reidentification(store, names or None, k=k)
    if risk.safe:
        click.echo(f"no case is singled out by {', '.join(risk.attributes)} (k={k})")
        return
    click.echo(f"warning: {len(risk.singled_out)} case(s) singled out by "
               f"{', '.join(risk.attributes)} (fewer than {k} share their values):")
    for case, combo in sorted(risk.singled_out.items()):
        click.echo(f"  {case}: {', '.join(v for v in combo if v)}")
    best, left = risk.drop_suggestions[0]
    click.echo(f"dropping {best!r} leaves {left} singled out")


@export_group.command("transcripts")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--pseudonymised/--as-recorded", default=True, show_default=True,
              help="Replace identifiers as the register decides (default), or export the "
                   "text as it was recorded.")
@pass_ctx
def export_transcripts_cmd(ctx: Context, folder: Path, pseudonymised: bool) -> None:
    """Write every transcript as .txt with codings.csv (offsets valid in the copies), for
    archiving or sharing.

    \b
    Example:
      qualcode export transcripts exports/archive
    """
    from qualcode.services.transcript_export import export_transcripts

    with ctx.open() as store:
        done = export_transcripts(store, folder, pseudonymised=pseudonymised)
    click.echo(f"wrote {done.documents} transcripts and {done.codings} codings to {shown(folder)} "
               f"({'pseudonymised' if pseudonymised else 'NOT pseudonymised'})")
