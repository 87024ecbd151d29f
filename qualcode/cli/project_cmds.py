"""Project-level commands: init, import, attributes, stats, search, demo, tui."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from qualcode.cli.app import Context, cli, open_workbench, pass_ctx
from qualcode.cli.output import FORMATS, echo_lines, emit, shown
from qualcode.core.attributes import format_value
from qualcode.core.progress import Progress
from qualcode.services import cases, demo, importing, project
from qualcode.store import Store

T = TypeVar("T")


@cli.command()
@pass_ctx
def init(ctx: Context) -> None:
    """Create an empty project file.

    \b
    Example:
      qualcode --project childhub.qualcode init
    """
    store = project.init_project(ctx.path)
    store.close()
    click.echo(shown(f"created {ctx.path}"))


@cli.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--case", metavar="NAME", help="Put the imported documents in this case.")
@click.option("--attr", "attrs", multiple=True, metavar="KEY=VALUE",
              help="An attribute of the case (repeatable; needs --case).")
@click.option("--interviewer", "interviewers", multiple=True, metavar="NAME",
              help="A speaker label to treat as the interviewer (repeatable; remembered).")
@click.option("--interviewer-pattern", "patterns", multiple=True, metavar="REGEX",
              help="Speaker labels matching this regular expression are the interviewer "
                   "(repeatable; remembered).")
@click.option("--allow-duplicates", is_flag=True,
              help="Import a file even when the same interview is already in the project.")
@pass_ctx
def import_(ctx: Context, paths: tuple[str, ...], case: str | None, attrs: tuple[str, ...],
            interviewers: tuple[str, ...], patterns: tuple[str, ...],
            allow_duplicates: bool) -> None:
    """Import transcripts: files, folders or globs (.txt .md .docx .odt .vtt .srt .pdf), or
    other tools' projects (REFI-QDA .qdpx/.qde, a QualCoder .qda), added to this one.

    Re-importing a file with the same content does nothing; the same interview in another
    format is reported and not imported. A file that cannot be read is reported in one line
    and skipped; the others are imported. Each new document's speakers, roles and word shares
    are printed, with anything worth checking; --interviewer also applies to documents
    already imported.

    \b
    Example:
      qualcode import transcripts/ --interviewer "Marta Kovač"
      qualcode import notes/ca01.docx --case CA-01 --attr country=Moldova
      qualcode import colleague.qdpx
    """
    if attrs and not case:
        raise click.UsageError("--attr needs --case")
    from qualcode.services.exchange import is_project_file

    projects = [p for p in paths if is_project_file(p)]  # .qdpx, .qde, QualCoder .qda
    if projects:
        from qualcode.cli.exchange_cmds import import_projects

        ok = import_projects(ctx, projects)
        paths = tuple(p for p in paths if p not in projects)
        if not paths:
            raise click.exceptions.Exit(0 if ok else 1)
    values = cases.parse_assignments(list(attrs))
    with ctx.open() as store:
        importing.add_interviewer_names(store, interviewers)
        importing.add_interviewer_patterns(store, patterns)
        applied = _apply_interviewers(store, interviewers, ctx.coder)
        report = _with_progress(lambda progress: importing.import_paths(
            store, paths, case=case, attributes=values, coder=ctx.coder, progress=progress,
            allow_duplicates=allow_duplicates))
    echo_lines([f"note: {n}" for n in report.notes + report.skipped], err=True)
    if applied:
        click.echo(f"--interviewer: {applied} speaker(s) in documents already imported "
                   "are now interviewers (undo reverts)")
    for name in report.unchanged:
        click.echo(shown(f"unchanged: {name} is already in the project"))
    echo_lines([shown(f"duplicate: {d}") for d in report.duplicates])
    for summary in report.summaries:
        click.echo(shown(summary.line()))
        echo_lines([shown(f"  check: {flag}") for flag in summary.flags])
    click.echo(f"imported {len(report.imported)} document(s)"
               + (f", {len(report.unchanged)} already there" if report.unchanged else ""))
    if report.errors:
        echo_lines([f"qualcode: error: {e}" for e in report.errors], err=True)
        raise click.exceptions.Exit(1)


def _apply_interviewers(store: Store, names: tuple[str, ...], coder: str) -> int:
    if not names:
        return 0
    from qualcode.services import speaker_roles

    return speaker_roles.apply_interviewer_names(store, names, coder=coder)


def _with_progress(work: Callable[[Progress], T]) -> T:
    from rich.progress import Progress as ProgressBar

    with ProgressBar(transient=True) as bar:
        task = bar.add_task("importing", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=stage)

        return work(progress)


@cli.group()
def attributes() -> None:
    """Cases and their attributes."""


@attributes.command("import")
@click.argument("csv_file", type=click.Path(path_type=Path))
@pass_ctx
def attributes_import(ctx: Context, csv_file: Path) -> None:
    """Import cases and attributes from a CSV file.

    One column names the case (`case`) and/or the document (`document`); each other column is
    an attribute, typed as number, date (YYYY-MM-DD), yes/no or text from its values.

    \b
    Example:
      qualcode attributes import transcripts/cases.csv
    """
    with ctx.open() as store:
        rows = cases.import_attributes(store, csv_file, coder=ctx.coder)
    click.echo(f"imported attributes for {rows} row(s)")


@attributes.command("show")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def attributes_show(ctx: Context, fmt: str) -> None:
    """List cases with their attributes.

    \b
    Example:
      qualcode attributes show --format csv
    """
    with ctx.open() as store:
        all_cases = store.cases.all()
        names = list(store.attributes.types())
    rows = [{"case": c.name, **{n: format_value(c.attributes[n]) if n in c.attributes else ""
                                for n in names}} for c in all_cases]
    emit(rows, ["case", *names], fmt, title="Cases")


@cli.command()
@pass_ctx
def stats(ctx: Context) -> None:
    """Summarise the project: documents, words, codes, codings.

    \b
    Example:
      qualcode stats
    """
    with ctx.open() as store:
        click.echo(project_summary(store))


def project_summary(store: Store) -> str:
    s = store.overview.stats()
    lines = [f"project {store.path}",
             f"  {s.documents} documents ({s.words:,} words, {s.turns} turns, "
             f"{s.speakers} speakers) in {s.cases} cases",
             f"  {s.codes} codes, {s.codings} codings by {s.coders} coder(s), {s.memos} memos"]
    for info in store.documents.infos():
        lines.append(f"  - {info.name:<40} {info.case_name or '':<8} {info.words:>6} words "
                     f"{info.codings:>4} codings {info.coded_share:>5.0%} coded")
    return "\n".join(lines)


@cli.command()
@click.argument("query")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def search(ctx: Context, query: str, limit: int, fmt: str) -> None:
    """Full-text search over every turn (SQLite FTS5 syntax: words, "phrases", OR, prefix*).

    \b
    Example:
      qualcode search "steering group*"
    """
    with ctx.open() as store:
        hits = store.overview.search(query, limit=limit)
    rows = [{"document": h.document_name, "turn": h.turn_index, "speaker": h.speaker or "",
             "span": f"{h.start}:{h.end}", "snippet": h.snippet} for h in hits]
    emit(rows, ["document", "turn", "speaker", "span", "snippet"], fmt,
         title=f"{len(hits)} hit(s) for {query}", wrap=["snippet"])


@cli.command("demo")
@click.option("--transcripts", type=click.Path(path_type=Path, file_okay=False),
              default="transcripts", show_default=True)
@click.option("--codebook", type=click.Path(path_type=Path, dir_okay=False),
              default="codebooks/childhub-benchmarking.yml", show_default=True)
@click.option("--force", is_flag=True, help="Rebuild even if the project exists.")
@pass_ctx
def demo_cmd(ctx: Context, transcripts: Path, codebook: Path, force: bool) -> None:
    """Build the demo project from the fictional transcripts and the ChildHub codebook.

    The project is built in a temporary file and moved into place when complete.

    \b
    Example:
      qualcode --project demo.qualcode demo
    """
    if ctx.path.exists() and not force:
        click.echo(f"{ctx.path} exists (use --force to rebuild)")
        return
    report = demo.build_demo(ctx.path, transcripts, codebook, coder=ctx.coder)
    echo_lines(report, err=False)


@cli.command("tui")
@click.argument("project_file", required=False, type=click.Path(path_type=Path))
@pass_ctx
def tui(ctx: Context, project_file: Path | None) -> None:
    """Open the coding workbench on the project (PROJECT_FILE, or the usual project).

    \b
    Example:
      qualcode tui demo.qualcode
    """
    if project_file is not None:
        ctx.project_option = str(project_file)
    open_workbench(ctx)
