"""Working as a team: merging a colleague's project, and how far coders agree."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import click

from qualcode.analysis.agreement import SCOPES, UNITS, Agreement
from qualcode.analysis.reliability import LEVELS
from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.cli.output import FORMATS, emit, shown
from qualcode.cli.report_cmds import export_group
from qualcode.services.agreement import AgreementReport, agreement
from qualcode.services.merge import merge_project


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


@cli.command(name="agreement")
@click.option("--coders", metavar="A,B", help="Coders to compare (default: all who coded).")
@click.option("--unit", type=click.Choice(UNITS), default="character", show_default=True,
              help="What is compared: characters (as NVivo, QualCoder), sentences, turns, "
                   "documents, or segments by overlap (as MAXQDA).")
@click.option("--overlap", type=click.IntRange(1, 100), default=90, show_default=True,
              help="With --unit segment: percent overlap for two segments to match.")
@click.option("--codes", metavar="X,Y", help="Only these codes (default: every code).")
@click.option("--group", metavar="CODE", help="Compare this code's sub-codes as one variable "
                                              "(e.g. a rating scale): one value per unit.")
@click.option("--level", type=click.Choice(LEVELS), default="nominal", show_default=True,
              help="With --group: level of measurement for Krippendorff's alpha.")
@click.option("--scope", type=click.Choice(SCOPES), default="all", show_default=True,
              help="all: every document counts for every coder (not coded = not applied); "
                   "coded: only documents a coder coded at all.")
@click.option("--document", "documents", multiple=True, metavar="DOC",
              help="Only these documents (repeatable).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def agreement_cmd(ctx: Context, coders: str | None, unit: str, overlap: int, codes: str | None,
                  group: str | None, level: str, scope: str, documents: tuple[str, ...],
                  fmt: str) -> None:
    """Inter-coder agreement: percent agreement, Cohen's kappa, Krippendorff's alpha.

    Per code and overall (pooled over codes), with the counts behind each figure. Kappa is
    Cohen's for two coders (Brennan and Prediger's with --unit segment, as MAXQDA);
    alpha is Krippendorff's for any number of coders, with missing values.

    \b
    Example:
      qualcode agreement --coders ana,ben
      qualcode agreement --unit document --format csv
      qualcode agreement --unit segment --overlap 80 --coders ana,ben
      qualcode agreement --group "Rating" --unit document --level ordinal
    """
    with ctx.open() as store:
        report = agreement(store, coders=_split(coders), unit=unit, codes=_split(codes),
                           group=group, level=level, overlap=overlap / 100, scope=scope,
                           documents=documents)
    figures = [*report.per_code, (report.group or "overall (pooled over codes)", report.overall)]
    if fmt == "json":
        click.echo(json.dumps(_as_json(report), ensure_ascii=False, indent=2))
        return
    columns = ["code", "units", "percent", "kappa", "alpha", "counts"]
    if fmt == "csv":
        emit([{**_row(name, a), "counts": _counts(a.counts)} for name, a in figures],
             columns, fmt)
        return
    first, second = report.coders[:2]
    named = {"first only": f"{first} only", "second only": f"{second} only"}
    emit([{**_row(name, a), "percent": _pct(a.percent), "kappa": _num(a.kappa),
           "alpha": _num(a.alpha),
           "counts": _counts({named.get(k, k): v for k, v in a.counts.items()})}
          for name, a in figures],
         columns, fmt, title=_title(report))
    if report.ambiguous:
        click.echo(f"{report.ambiguous} {report.unit} unit(s) had two codes of the group from "
                   "one coder and were left out for that coder.", err=True)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _row(name: str, a: Agreement) -> dict[str, object]:
    return {"code": name, "units": a.units, "percent": a.percent, "kappa": a.kappa,
            "alpha": a.alpha, "counts": a.counts}


def _title(report: AgreementReport) -> str:
    unit = (f"segments overlapping {report.threshold:.0%}" if report.unit == "segment"
            else f"{report.unit}s")
    return (f"Agreement of {', '.join(report.coders)} on {unit} in {report.documents} "
            f"document{'s' if report.documents != 1 else ''}")


def _as_json(report: AgreementReport) -> dict[str, object]:
    return {"coders": list(report.coders), "unit": report.unit, "scope": report.scope,
            "documents": report.documents, "group": report.group, "level": report.level,
            "overlap": report.threshold, "ambiguous_units": report.ambiguous,
            "codes": [_row(name, a) for name, a in report.per_code],
            "overall": _row(report.group or "overall", report.overall)}


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items() if v)


@cli.command()
@click.argument("other", type=click.Path(path_type=Path))
@pass_ctx
def merge(ctx: Context, other: Path) -> None:
    """Bring a colleague's project (.qualcode, or .qdpx/.qde/QualCoder) into this one,
    keeping who coded what.

    Documents are matched by their text, codes by GUID and then by path, cases by name. Their
    codings, memos, codes and cases are added; a code whose definition differs, or a case
    attribute with another value, is reported and ours is kept. Merging again changes
    nothing; `qualcode undo` removes the merge (documents it added stay, as imports do).

    \b
    Example:
      qualcode merge ../ben/study.qualcode
      qualcode merge ben-from-nvivo.qdpx
      qualcode agreement --coders ana,ben
    """
    if not other.exists():
        raise click.UsageError(f"{other}: no such file")
    with ctx.open() as store:
        report = merge_project(store, other, coder=ctx.coder)
    if not report.changed:
        click.echo(f"{report.source}: nothing new to merge ({report.codings_present} codings "
                   "already here)")
    else:
        click.echo(
            f"merged {report.source}: {_n(report.codings_added, 'coding')} by "
            f"{', '.join(report.coders) or 'nobody new'}, "
            f"{_n(len(report.codes_added), 'new code')}, "
            f"{_n(len(report.cases_added), 'new case')}, {_n(report.memos_added, 'memo')}, "
            f"{_n(len(report.documents_added), 'new document')}; "
            f"{_n(report.documents_matched, 'document')} and {_n(report.codes_matched, 'code')} "
            "matched")
    for line in report.conflicts:
        click.echo(f"  kept ours: {line}", err=True)


@cli.command(name="disagreements")
@click.option("--coders", metavar="A,B", help="The two coders (default: the first two who coded).")
@click.option("--all", "show_all", is_flag=True, help="Also list resolved disagreements.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_ctx
def disagreements_cmd(ctx: Context, coders: str | None, show_all: bool, fmt: str) -> None:
    """Where two coders disagree: one coded and the other did not, different codes, or the
    same codes on different extents. Numbered for `qualcode resolve`.

    \b
    Example:
      qualcode disagreements --coders ana,ben
      qualcode resolve 1 --take first --coders ana,ben
    """
    from qualcode.services import resolve as team

    with ctx.open() as store:
        first, second = team.coder_pair(store, _split(coders))
        found = (team.all_disagreements(store, first, second) if show_all
                 else team.open_disagreements(store, first, second))
        done = team.progress(store, first, second)
        names = {d.id: d.name for d in store.documents.summaries()}
        codes = {c.id: c.name for c in store.codes.all()}
        rows = [{"n": i, "document": names[d.document_id], "span": f"{d.start}-{d.end}",
                 "kind": d.kind.replace("first", first).replace("second", second),
                 first: "; ".join(codes[s.code_id] for s in d.first),
                 second: "; ".join(codes[s.code_id] for s in d.second)}
                for i, d in enumerate(found, 1)]
    emit(rows, ["n", "document", "span", "kind", first, second], fmt,
         title=f"{done.open} open of {done.total} disagreements between {first} and {second}")


@cli.command(name="resolve")
@click.argument("number", type=click.IntRange(1))
@click.option("--take", type=click.Choice(["first", "second", "both", "neither"]),
              required=True, help="Whose coding the consensus keeps.")
@click.option("--coders", metavar="A,B", help="The two coders (default: the first two who coded).")
@click.option("--consensus", default="consensus", show_default=True,
              help="The coder who holds the resolved codings.")
@pass_ctx
def resolve_cmd(ctx: Context, number: int, take: str, coders: str | None,
                consensus: str) -> None:
    """Settle disagreement NUMBER (as listed by `qualcode disagreements`) into the consensus
    coder's codings. One undoable action.

    \b
    Example:
      qualcode resolve 3 --take both --coders ana,ben
    """
    from qualcode.services import resolve as team

    with ctx.open() as store:
        first, second = team.coder_pair(store, _split(coders), consensus)
        found = team.open_disagreements(store, first, second)
        if number > len(found):
            raise click.UsageError(f"there are {len(found)} open disagreements; no number "
                                   f"{number}")
        made = team.resolve(store, found[number - 1], take, first=first, second=second,
                            coder=ctx.coder, consensus=consensus)
        left = team.progress(store, first, second).open
    click.echo(f"resolved: {_n(made, 'coding')} for {consensus}; {left} open")


@export_group.command("coders")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--unit", type=click.Choice([u for u in UNITS if u != "segment"]),
              default="character", show_default=True, help="Unit of the agreement figures.")
@pass_ctx
def export_coders(ctx: Context, out: Path, unit: str) -> None:
    """Write a coder-comparison workbook (.xlsx): per code, per document and per coder, what
    each coder coded, with agreement per code.

    \b
    Example:
      qualcode export coders exports/coders.xlsx
    """
    from qualcode.services.coder_comparison import export_coder_comparison

    if out.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{out}: the coder comparison is written as .xlsx")
    with ctx.open() as store:
        count = export_coder_comparison(store, out, unit=unit)
    click.echo(f"wrote {shown(out)}: {_n(count, 'coder')} compared")
