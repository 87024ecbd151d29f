"""Coding commands: code, uncode, codings, memo, undo, redo, history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit, shown
from qualcode.core.attributes import attribute_filter, matches_filter
from qualcode.core.codetree import subtree_ids
from qualcode.core.errors import QualcodeError
from qualcode.core.model import MemoTarget
from qualcode.services import coding as coding_service
from qualcode.services import history
from qualcode.services.cases import parse_assignments
from qualcode.services.codes import code_paths, find_code, path_text


def _span(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    start, sep, end = value.partition(":")
    if not sep or not start.strip().isdigit() or not end.strip().isdigit():
        raise click.BadParameter(f"{value!r} is not START:END (e.g. 120:245)", param_hint="--span")
    return int(start), int(end)


F = TypeVar("F", bound=Callable[..., Any])
span_options = [
    click.option("--span", metavar="START:END", help="Code characters START to END."),
    click.option("--turn", type=int, metavar="N", help="Code what was said in turn N (from 0)."),
    click.option("--quote", metavar="TEXT", help="Code the one place TEXT occurs."),
]


def with_span_options(f: F) -> F:
    for option in reversed(span_options):
        f = option(f)
    return f


@cli.command("code")
@click.argument("document")
@click.argument("code")
@with_span_options
@click.option("--memo", default="", help="A memo on the new coding.")
@click.option("--important", is_flag=True, help="Mark it a key quote.")
@pass_ctx
def code_cmd(ctx: Context, document: str, code: str, span: str | None, turn: int | None,
             quote: str | None, memo: str, important: bool) -> None:
    """Apply CODE to a span, a turn or a quote of DOCUMENT.

    DOCUMENT is a name (or unique prefix) or id; CODE a name, "Parent > Child" path, shortcut
    or id.

    \b
    Example:
      qualcode code ca01-moldova.txt "Governance > Steering groups" --turn 7
      qualcode code ca01 "Peer-to-peer support" --quote "we call each other"
    """
    bounds = _span(span)
    with ctx.open() as store:
        doc = store.documents.find(document)
        target = find_code(store, code)
        ref = coding_service.SpanRef(start=bounds[0] if bounds else None,
                                     end=bounds[1] if bounds else None, turn=turn, quote=quote)
        start, end = coding_service.resolve_span(store, doc, ref)
        done = coding_service.apply_code(store, doc, target, start, end, coder=ctx.coder,
                                         memo=memo, important=important)
    excerpt = done.text if len(done.text) < 70 else done.text[:67] + "..."
    click.echo(shown(f"coding {done.id}: {target.name} on {doc.name} {start}:{end} \"{excerpt}\""))


@cli.command()
@click.argument("ref")
@click.argument("code", required=False)
@with_span_options
@pass_ctx
def uncode(ctx: Context, ref: str, code: str | None, span: str | None, turn: int | None,
           quote: str | None) -> None:
    """Remove a coding: by its id, or by DOCUMENT CODE and where.

    \b
    Example:
      qualcode uncode 42
      qualcode uncode ca01 "Governance" --turn 7
    """
    with ctx.open() as store:
        if code is None:
            if not ref.isdigit():
                raise click.UsageError("give a coding id, or DOCUMENT CODE and a span/turn/quote")
            target = store.codings.get(int(ref))
        else:
            doc = store.documents.find(ref)
            the_code = find_code(store, code)
            bounds = _span(span)
            start, end = coding_service.resolve_span(store, doc, coding_service.SpanRef(
                start=bounds[0] if bounds else None, end=bounds[1] if bounds else None,
                turn=turn, quote=quote))
            # The coder's own coding first: two coders may have coded the same span.
            found = (store.codings.find(doc.id or 0, the_code.id or 0, start, end,
                                        coder=ctx.coder)
                     or store.codings.find(doc.id or 0, the_code.id or 0, start, end))
            if found is None:
                raise QualcodeError(f"no coding of {the_code.name!r} at {start}:{end}")
            target = found
        coding_service.remove_coding(store, target, coder=ctx.coder)
    click.echo(f"removed coding {target.id}")


# A group so that `codings import` (cli/exchange_cmds.py) can live under it; without a
# subcommand it lists codings as before.
@cli.group(invoke_without_command=True)
@click.option("--code", "code_refs", multiple=True, metavar="CODE",
              help="Only these codes (repeatable; includes sub-codes).")
@click.option("--document", metavar="DOC", help="Only this document.")
@click.option("--where", multiple=True, metavar="ATTR=VALUE",
              help="Only cases whose attribute has this value (repeatable).")
@click.option("--important", is_flag=True, help="Only key quotes.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def codings(ctx: Context, code_refs: tuple[str, ...], document: str | None,
            where: tuple[str, ...], important: bool, fmt: str) -> None:
    """List codings, filtered by code, document or case attribute.

    \b
    Example:
      qualcode codings --code Governance --where "organisation type=NGO" --format csv
      qualcode codings import human-coding.csv
    """
    if click.get_current_context().invoked_subcommand is not None:
        return
    filters = parse_assignments(list(where), source="--where")
    with ctx.open() as store:
        codes = store.codes.all()
        paths = code_paths(codes)
        code_ids = None
        if code_refs:
            below = {code_id for ref in code_refs
                     for code_id in subtree_ids(codes, find_code(store, ref).id or 0)}
            code_ids = [c.id or 0 for c in codes if c.id in below]
        doc_id = store.documents.find(document).id if document else None
        all_cases = {c.id: c for c in store.cases.all()}
        case_ids = None
        if filters:
            wanted = attribute_filter(filters, store.attributes.types())
            case_ids = [c.id or 0 for c in all_cases.values()
                        if matches_filter(c.attributes, wanted)]
        docs = {d.id: d for d in store.documents.summaries()}
        found = store.codings.all(document_id=doc_id, code_ids=code_ids, case_ids=case_ids,
                              important=True if important else None)
    rows: list[dict[str, Any]] = []
    for c in found:
        doc = docs[c.document_id]
        case = all_cases.get(doc.case_id)
        rows.append({"id": c.id, "document": doc.name, "case": case.name if case else "",
                     "code": path_text(paths[c.code_id]), "start": c.start, "end": c.end,
                     "coder": c.coder, "important": "yes" if c.important else "",
                     "text": c.text, "memo": c.memo})
    columns = ["id", "document", "case", "code", "start", "end", "coder", "important", "text",
               "memo"]
    if fmt == "table":
        for r in rows:
            r["text"] = r["text"] if len(r["text"]) <= 160 else r["text"][:157] + "..."
        columns = ["id", "document", "case", "code", "important", "text"]
    emit(rows, columns, fmt, title=f"{len(rows)} coding(s)", wrap=["text"])


@cli.command()
@click.argument("target", type=click.Choice([t.value for t in MemoTarget]))
@click.argument("ref", required=False)
@click.argument("text")
@click.option("--title", default="", help="Title of a project memo.")
@pass_ctx
def memo(ctx: Context, target: str, ref: str | None, text: str, title: str) -> None:
    """Write the memo of a document, code or coding, or add a project memo.
    An empty TEXT removes a memo.

    \b
    Example:
      qualcode memo coding 42 "Contradicts what CA-02 said about fees"
      qualcode memo project "" "Governance looks weaker in PO interviews" --title "Hunch"
    """
    kind = MemoTarget(target)
    with ctx.open() as store:
        if kind is MemoTarget.PROJECT:
            coding_service.add_project_memo(store, title, text, coder=ctx.coder)
        else:
            if not ref:
                raise click.UsageError(f"a {target} memo needs the {target}'s name or id")
            if kind is MemoTarget.DOCUMENT:
                target_id = store.documents.find(ref).id
            elif kind is MemoTarget.CODE:
                target_id = find_code(store, ref).id
            else:
                if not ref.isdigit():
                    raise click.UsageError("a coding is named by its id")
                target_id = int(ref)
            coding_service.set_memo(store, kind, target_id, text, coder=ctx.coder)
    click.echo("memo saved" if text.strip() else "memo removed")


@cli.command()
@pass_ctx
def undo(ctx: Context) -> None:
    """Undo your last change (coding, memo, codebook edit...); other coders' stay.

    \b
    Example:
      qualcode undo
    """
    with ctx.open() as store:
        step = history.undo(store, ctx.coder)
    click.echo(step.message)


@cli.command()
@pass_ctx
def redo(ctx: Context) -> None:
    """Redo your last undone change.

    \b
    Example:
      qualcode redo
    """
    with ctx.open() as store:
        step = history.redo(store, ctx.coder)
    click.echo(step.message)


@cli.command("history")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def history_cmd(ctx: Context, limit: int, fmt: str) -> None:
    """Show the event log: what was done, by whom, and whether it is undone.

    \b
    Example:
      qualcode history --limit 50
    """
    with ctx.open() as store:
        actions = store.history(limit)
    rows = [{"id": a.id, "when": a.created_at, "coder": a.coder, "action": a.name,
             "detail": a.detail, "state": a.state} for a in actions]
    emit(rows, ["id", "when", "coder", "action", "detail", "state"], fmt, title="History")
