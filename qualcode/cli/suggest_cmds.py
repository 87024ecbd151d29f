"""Suggestion commands: suggest themes, codes, evaluate, list, accept, reject.

The suggest service is imported inside each command: it brings spaCy and scikit-learn only
when something is parsed or fitted, and `qualcode --help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit
from qualcode.core.errors import QualcodeError
from qualcode.services.cases import parse_assignments
from qualcode.services.codes import code_paths, find_code, path_text

if TYPE_CHECKING:
    from qualcode.core.suggestions import CodeSuggestion, Evaluation, RunReport, Theme
    from qualcode.store import Store

EXCERPT = 160
WRAPPED = ["code", "cross-validation", "words", "text"]  # the rest stays on one line


@cli.group()
def suggest() -> None:
    """Theme and code suggestions: find, measure, review (all offline)."""


@contextmanager
def progress_bar() -> Iterator[Callable[[str, int, int], None]]:
    """A transient progress bar on stderr, fed as ``progress(stage, done, total)``."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None)

        yield progress


def _report(report: RunReport) -> None:
    for warning in report.warnings:
        click.echo(f"qualcode: warning: {warning}", err=True)
    click.echo(f"{report.parsed} text(s) parsed, {report.cached} from the project's cache "
               f"({report.model})", err=True)


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


# -- themes --------------------------------------------------------------------------------


@suggest.command("themes")
@click.option("--k", "k", type=click.IntRange(2, 50), metavar="N",
              help="How many themes (default: chosen by silhouette).")
@click.option("--filter", "filters", multiple=True, metavar="ATTR=VALUE",
              help="Only cases whose attribute has this value (repeatable).")
@click.option("--uncoded-only", is_flag=True, help="Only passages nobody has coded.")
@click.option("--unit", type=click.Choice(["turn", "sentence"]), default="turn",
              show_default=True, help="Cluster whole respondent turns or sentences.")
@click.option("--seed", default=0, show_default=True, help="Random seed (same seed, same themes).")
@pass_ctx
def suggest_themes(ctx: Context, k: int | None, filters: tuple[str, ...], uncoded_only: bool,
                   unit: str, seed: int) -> None:
    """Find themes in what respondents said (interviewers left out).

    Passages are clustered on lemmatised TF-IDF with noun phrases, reduced by LSA. Each theme
    shows its distinctive words, size, spread, cohesion (0-1), the codes its passages already
    carry and a few typical quotes. Runs are stored; an unchanged project gives the same run.

    \b
    Example:
      qualcode suggest themes
      qualcode suggest themes --k 8 --filter "peer group=country associate" --uncoded-only
    """
    from qualcode.services import suggest as service

    wanted = parse_assignments(list(filters), source="--filter")
    with ctx.open() as store:
        with progress_bar() as progress:
            result = service.suggest_themes(store, k=k, filters=wanted,
                                            uncoded_only=uncoded_only, unit=unit,
                                            random_state=seed, coder=ctx.coder,
                                            progress=progress)
        _report(result.report)
        run = result.run
        summary = run.summary
        same = " (unchanged since then: the stored run is shown)" if result.report.reused else ""
        click.echo(f"theme run {run.id} of {run.created_at}{same}: {len(run.themes)} themes in "
                   f"{summary['units']} passages, k chosen by {summary['chosen_by']}")
        for line in _run_notes(summary):
            click.echo(line)
        names = {d.id or 0: d.name for d in store.documents.summaries()}
        paths = code_paths(store.codes.all())
        for theme in run.themes:
            _show_theme(store, theme, names, paths)
    click.echo("Accept one as a new code with `qualcode suggest accept T<id>`, merge it with "
               "`--into CODE`, or `qualcode suggest reject T<id>`.")


def _run_notes(summary: dict[str, Any]) -> list[str]:
    """How k was chosen, and what was left out, merged, split or flagged."""
    notes = []
    scores = {int(k): v for k, v in summary.get("scores", {}).items() if v > -1}
    if scores and summary.get("chosen_by") == "silhouette":
        best = max(scores, key=lambda k: scores[k])
        edge = " (at the edge of what could be tried)" if best in (min(scores),
                                                                    max(scores)) else ""
        notes.append(f"  silhouette {scores[best]:.3f} at k = {best}, tried k = "
                     f"{min(scores)}..{max(scores)}{edge}")
    counts = [(summary.get("filler", 0), "filler passage(s) left out (thanks, greetings, "
               "'good question' ...)"),
              (summary.get("merged", 0), "near-duplicate theme(s) merged"),
              (summary.get("split", 0), "giant theme(s) split"),
              (summary.get("weak", 0), "weak theme(s), listed last")]
    shown = [f"{n} {what}" for n, what in counts if n]
    if shown:
        notes.append("  " + "; ".join(shown))
    return notes


def _show_theme(store: Store, theme: Theme, names: dict[int, str],
                paths: dict[int, tuple[str, ...]]) -> None:
    from qualcode.services import suggest as service

    click.echo("")
    click.secho(f"{theme.ref}  {theme.label}", bold=True, nl=False)
    status = "" if theme.status.value == "open" else f"  [{theme.status.value}]"
    flags = "".join(f"  [{flag}]" for flag in theme.flags)
    silhouette = "" if theme.silhouette is None else f", silhouette {theme.silhouette:.2f}"
    click.echo(f"  ({theme.size} passages, {theme.documents} documents, {theme.cases} cases, "
               f"cohesion {theme.cohesion:.2f}{silhouette}){status}{flags}")
    click.echo(f"  keywords: {', '.join(theme.keywords)}")
    carried = service.codes_carried(store, theme)
    if carried:
        shown = "; ".join(f"{path_text(paths[c.id or 0])} ({n})" for c, n in carried[:4])
        click.echo(f"  already coded: {shown}")
    for passage in theme.quotes:
        quote = _excerpt(service.passage_text(store, passage))
        click.echo(f"  - {names.get(passage[0], '?')}: \"{quote}\"")


# -- codes ---------------------------------------------------------------------------------


@suggest.command("codes")
@click.option("--document", metavar="DOC", help="Only this document.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000),
              help="Keep the N most confident suggestions.")
@click.option("--min-confidence", default=0.3, show_default=True,
              type=click.FloatRange(0.0, 1.0),
              help="The precision floor: leave out suggestions right less often than this "
                   "in cross-validation.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def suggest_codes(ctx: Context, document: str | None, limit: int, min_confidence: float,
                  fmt: str) -> None:
    """Suggest codes for uncoded respondent sentences.

    Codes with at least 5 codings get a linear model trained on them; the others are matched
    on their definition, inclusion notes and examples. Category headings nobody applies, and
    codes with neither codings nor a definition, are not suggested; filler ("thank you",
    "good question") is not coded. Each suggestion shows its confidence (how often
    suggestions at that score were right in cross-validation, never above the code's own
    record), the words that drove it, and how often this code was right.
    Rejected suggestions are not made again and teach the model what a code is not.

    \b
    Example:
      qualcode suggest codes --document ca03 --limit 20
    """
    from qualcode.services import suggest as service

    with ctx.open() as store:
        doc = store.documents.find(document) if document else None
        with progress_bar() as progress:
            result = service.suggest_codes(store, document=doc, limit=limit,
                                           min_confidence=min_confidence, coder=ctx.coder,
                                           progress=progress)
        _report(result.report)
        click.echo(f"{result.filler} filler passage(s) left out; {result.below_floor} "
                   f"suggestion(s) under the precision floor {min_confidence:g}", err=True)
        rows = _suggestion_rows(store, result.suggestions, result.evaluation)
    emit(rows, ["id", "document", "code", "confidence", "cross-validation", "words", "text"],
         fmt, title=f"{len(rows)} code suggestion(s)", wrap=WRAPPED)
    if fmt == "table" and rows:
        click.echo("Accept with `qualcode suggest accept ID` (or `--above 0.8`), "
                   "reject with `qualcode suggest reject ID`.")


def _suggestion_rows(store: Store, found: list[CodeSuggestion],
                     evaluation: Evaluation | None) -> list[dict[str, Any]]:
    paths = code_paths(store.codes.all())
    docs = {d.id: d.name for d in store.documents.summaries()}
    rows = []
    for s in found:
        figure = evaluation.figure(s.code_id) if evaluation else None
        rows.append({
            "id": s.id, "document": docs.get(s.document_id, "?"),
            "code": path_text(paths.get(s.code_id, ("?",))), "confidence": f"{s.confidence:.2f}",
            "cross-validation": figure.sentence(s.score) if figure else "not evaluated",
            "words": ", ".join(s.evidence), "status": s.status.value,
            "span": f"{s.start}:{s.end}", "text": _excerpt(s.text)})
    return rows


# -- review ----------------------------------------------------------------------------------


@suggest.command("list")
@click.option("--status", type=click.Choice(["pending", "accepted", "rejected", "all"]),
              default="pending", show_default=True, help="Which code suggestions.")
@click.option("--document", metavar="DOC", help="Only this document's code suggestions.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def suggest_list(ctx: Context, status: str, document: str | None, fmt: str) -> None:
    """List the latest themes and the code suggestions awaiting review.

    \b
    Example:
      qualcode suggest list --status rejected
    """
    from qualcode.services import suggest as service

    with ctx.open() as store:
        doc_id = store.documents.find(document).id if document else None
        wanted = None if status == "all" else service.SuggestionStatus(status)
        found = service.list_suggestions(store, status=wanted, document_id=doc_id)
        rows = _suggestion_rows(store, found, service.latest_evaluation(store))
        run = service.list_themes(store)
        if fmt == "table" and run is not None:
            click.echo(f"theme run {run.id} of {run.created_at}:")
            for theme in run.themes:
                click.echo(f"  {theme.ref:<6} {theme.status.value:<9} {theme.size:>4} passages  "
                           f"{theme.label}")
    columns = ["id", "document", "code", "confidence", "status", "cross-validation", "text"]
    emit(rows, columns, fmt, title=f"{len(rows)} code suggestion(s)", wrap=WRAPPED)


@suggest.command("accept")
@click.argument("ref", required=False)
@click.option("--into", "into", metavar="CODE", help="Merge a theme into this existing code.")
@click.option("--name", metavar="NAME", help="Name of the code a theme becomes.")
@click.option("--parent", metavar="CODE", help="Put the theme's new code under this code.")
@click.option("--above", type=click.FloatRange(0.0, 1.0), metavar="CONFIDENCE",
              help="Accept every pending code suggestion at or above this confidence.")
@click.option("--document", metavar="DOC", help="With --above: only this document.")
@pass_ctx
def suggest_accept(ctx: Context, ref: str | None, into: str | None, name: str | None,
                   parent: str | None, above: float | None, document: str | None) -> None:
    """Accept a code suggestion (by id) or a theme (T<id>), or all suggestions above a
    confidence. Accepted suggestions become codings (undo takes them back).

    \b
    Example:
      qualcode suggest accept 17
      qualcode suggest accept T3 --name "Peer circles" --parent "Peer-to-peer support"
      qualcode suggest accept T5 --into "Governance > Steering groups and boards"
      qualcode suggest accept --above 0.8
    """
    from qualcode.services import suggest as service

    if (ref is None) == (above is None):
        raise click.UsageError("give a suggestion id, a theme T<id>, or --above CONFIDENCE")
    with ctx.open() as store:
        if above is not None:
            doc_id = store.documents.find(document).id if document else None
            done = service.accept_above(store, above, coder=ctx.coder, document_id=doc_id)
            click.echo(f"accepted {len(done)} suggestion(s) at or above {above:g}")
            return
        if ref and _is_theme(ref):
            theme_id = int(ref[1:])
            if into:
                code = find_code(store, into)
                added = service.merge_theme_into_code(store, theme_id, code, coder=ctx.coder)
                click.echo(f"merged {ref.upper()} into {code.name}: {added} coding(s) added")
            else:
                under = find_code(store, parent) if parent else None
                code = service.accept_theme_as_code(store, theme_id, coder=ctx.coder, name=name,
                                                    parent=under)
                count = len(store.codings.all(code_ids=[code.id or 0]))
                click.echo(f"{ref.upper()} is now code {code.id} {code.name!r} "
                           f"with {count} coding(s)")
            return
        if into or name or parent:
            raise click.UsageError("--into, --name and --parent are for themes (T<id>)")
        coding = service.accept_suggestion(store, _suggestion_id(ref or ""), coder=ctx.coder)
        click.echo(f"coding {coding.id}: {store.codes.get(coding.code_id).name} "
                   f"\"{_excerpt(coding.text, 70)}\"")


@suggest.command("reject")
@click.argument("ref")
@pass_ctx
def suggest_reject(ctx: Context, ref: str) -> None:
    """Reject a code suggestion (by id) or a theme (T<id>). Rejections are remembered: the
    same code is not suggested there again, and it teaches the model what the code is not.

    \b
    Example:
      qualcode suggest reject 18
      qualcode suggest reject T4
    """
    from qualcode.services import suggest as service

    with ctx.open() as store:
        if _is_theme(ref):
            service.reject_theme(store, int(ref[1:]), coder=ctx.coder)
        else:
            service.reject_suggestion(store, _suggestion_id(ref), coder=ctx.coder)
    click.echo(f"rejected {ref.upper()}")


def _is_theme(ref: str) -> bool:
    return ref[:1] in ("T", "t") and ref[1:].isdigit()


def _suggestion_id(ref: str) -> int:
    if not ref.isdigit():
        raise QualcodeError(f"{ref!r} is neither a suggestion id nor a theme T<id>")
    return int(ref)

