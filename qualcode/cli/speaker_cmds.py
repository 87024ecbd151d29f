"""`qualcode speakers`: review who said what across the project and correct it in one place."""

from __future__ import annotations

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Role
from qualcode.core.speaker_views import ProjectSpeaker, SpeakerRow


@cli.command()
@click.argument("document", required=False)
@click.option("--set-role", "assignments", multiple=True, metavar="NAME=ROLE",
              help="Make speaker NAME the interviewer or a respondent: in DOCUMENT if given, "
                   "else in every document (repeatable; undoable).")
@click.option("--rename", "renames", multiple=True, metavar="OLD=NEW",
              help="Rename a speaker (in DOCUMENT, else everywhere); where NEW already speaks "
                   "in a document, OLD's turns join NEW's (a merge). Undoable.")
@click.option("--redetect", is_flag=True,
              help="Find the turns of DOCUMENT (else of every document) again with today's "
                   "rules; the text and codings do not change. Undoable.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def speakers(ctx: Context, document: str | None, assignments: tuple[str, ...],
             renames: tuple[str, ...], redetect: bool, fmt: str) -> None:
    """List speakers with their documents, turns, word share and role (and why), or fix them.

    Without DOCUMENT every speaker name across the project is listed once.

    \b
    Example:
      qualcode speakers
      qualcode speakers --set-role "Marta Kovač=interviewer"
      qualcode speakers --rename "Interviewer 1=Interviewer"
      qualcode speakers ca04-bulgaria.md --set-role "Marta Kovač=interviewer"
      qualcode speakers ca04-bulgaria.md --redetect
    """
    from qualcode.services import speaker_roles
    from qualcode.services import speakers as service

    with ctx.open() as store:
        doc = store.documents.find(document) if document else None
        for pair in assignments:
            name, role = _role_pair(pair)
            if doc is not None:
                turns = service.set_role(store, doc, name, role, coder=ctx.coder)
                click.echo(f"{name} is now {role} in {doc.name} ({turns} turns)")
            else:
                done = service.set_role_everywhere(store, name, role, coder=ctx.coder)
                click.echo(f"{name} is now {role} in {done.documents} document(s) "
                           f"({done.turns} turns)")
        for pair in renames:
            old, sep, new = pair.partition("=")
            if not sep or not old.strip() or not new.strip():
                raise click.BadParameter(f"{pair!r} is not OLD=NEW", param_hint="--rename")
            done = service.rename(store, old.strip(), new.strip(), doc=doc, coder=ctx.coder)
            click.echo(f"{old.strip()} is now {new.strip()} in {done.documents} document(s) "
                       f"({done.turns} turns)")
        if redetect:
            for target in [doc] if doc is not None else store.documents.all():
                before, after = speaker_roles.redetect(store, target, coder=ctx.coder)
                click.echo(f"{target.name}: {before} turns -> {after} turns")
        if doc is not None:
            _show_document(service.document_speakers(store, doc), fmt)
        else:
            _show_project(service.project_speakers(store), fmt)


def _role_pair(pair: str) -> tuple[str, Role]:
    name, sep, role = pair.rpartition("=")
    if not sep or not name.strip() or role.strip().lower() not in ("interviewer", "respondent"):
        raise click.BadParameter(f"{pair!r} is not NAME=interviewer|respondent",
                                 param_hint="--set-role")
    return name.strip(), Role(role.strip().lower())


def _show_project(found: list[ProjectSpeaker], fmt: str) -> None:
    rows = [{"speaker": s.name, "documents": s.documents, "turns": s.turns,
             "words": f"{s.share:.0%}" if fmt == "table" else s.words, "role": s.role,
             "evidence": s.evidence, "sample": s.sample} for s in found]
    columns = ["speaker", "documents", "turns", "words", "role", "evidence"]
    if fmt != "table":
        columns.append("sample")
    if not rows:
        raise QualcodeError("no speakers in the project yet (import transcripts first)")
    emit(rows, columns, fmt, title="Speakers across the project")


def _show_document(found: list[SpeakerRow], fmt: str) -> None:
    said = sum(s.words for s in found) or 1
    rows = [{"document": s.document, "speaker": s.name, "role": s.role.value, "turns": s.turns,
             "words": f"{s.words / said:.0%}" if fmt == "table" else s.words,
             "evidence": s.evidence, "sample": s.sample} for s in found]
    columns = ["document", "speaker", "role", "turns", "words", "evidence"]
    emit(rows, columns + ([] if fmt == "table" else ["sample"]), fmt, title="Speakers")
