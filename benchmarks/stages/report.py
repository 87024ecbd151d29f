"""The Word report: ``services.report.write_report`` on a project with findings, key quotes
and a benchmarking matrix, against plain python-docx writing the same paragraphs (with their
styles), tables and images into a new document, read back from the report the stage wrote."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import Stopwatch
from benchmarks.stages import prepared
from benchmarks.stages.base import (
    Context,
    Stage,
    Timing,
    first_missing,
    missing_attributes,
)

REPORT = "report.docx"
SCALE = ("strong", "partial", "weak", "absent")
MATRIX_COLUMNS = 4


def add_synthesis(project: Path) -> None:
    """A finding per code, and a matrix of four codes with a rated cell per case."""
    from qualcode.services.synthesis import define_matrix, set_finding
    from qualcode.store import Store

    with Store.open(project) as store:
        codes = store.codes.all()
        for code in codes:
            set_finding(store, code, f"Respondents described {code.name.lower()} in many "
                        "ways; the strongest pattern is summarised here.", coder="benchmark")
        columns = [c for c in codes if c.parent_id is not None][:MATRIX_COLUMNS]
        grid = define_matrix(store, columns, SCALE, coder="benchmark")
        with store.action("matrix cells", coder="benchmark"):
            for row, case in enumerate(store.cases.all()):
                for column, code in enumerate(columns):
                    store.synthesis.set_cell(grid.id or 0, case.id or 0, code.id or 0,
                                             f"{case.name} on {code.name.lower()}: see the quotes.",
                                             SCALE[(row + column) % len(SCALE)], "benchmark")


def measure(ctx: Context) -> Timing:
    # Libraries are imported outside the clock, as the ceiling's python-docx is (and as the
    # other stages import scikit-learn): matplotlib, which draws the chart, is imported lazily
    # by qualcode and would otherwise put some 0.4-0.7 s of importing in the stage's time.
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401

    from qualcode.services.report import ReportOptions, write_report
    from qualcode.store import Store

    # A first report, untimed, from a copy of its own: the ceiling reads the stage's report
    # with python-docx before its clock, which sets python-docx up in its process; without
    # the same, the stage alone paid for that (and for matplotlib's first figure). Its time
    # is reported beside, as first_run_s.
    warm_up = prepared.fresh_copy(ctx, "report-first.qualcode")
    add_synthesis(warm_up)
    first = Stopwatch()
    with Store.open(warm_up) as store, first.running():
        write_report(store, ctx.scratch / "report-first.docx", ReportOptions())
    project = prepared.fresh_copy(ctx, "report.qualcode")
    add_synthesis(project)
    out = ctx.scratch / REPORT
    watch = Stopwatch()
    with Store.open(project) as store, watch.running():
        data = write_report(store, out, ReportOptions())
    quotes = sum(len(s.quotes) for s in data.sections)
    content = read_content(out)
    return Timing(watch.seconds, {"paragraphs": content.paragraphs, "tables": len(content.tables),
                                  "images": len(content.images), "quotes": quotes,
                                  "kb": round(out.stat().st_size / 1024),
                                  "first_run_s": round(first.seconds, 3)})


@dataclass
class Content:
    """A document's body in order: ("p", text, style), ("t", rows) and ("i", image bytes)."""

    blocks: list[tuple[object, ...]] = field(default_factory=list)
    paragraphs: int = 0
    tables: list[list[list[str]]] = field(default_factory=list)
    images: list[bytes] = field(default_factory=list)


def read_content(path: Path) -> Content:
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    content = Content()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            content.tables.append(rows)
            content.blocks.append(("t", rows))
            continue
        content.paragraphs += 1
        content.blocks.append(("p", block.text, block.style.name if block.style else ""))
        for rid in block._p.xpath(".//a:blip/@r:embed"):
            blob = document.part.related_parts[rid].blob
            content.images.append(blob)
            content.blocks.append(("i", blob))
    return content


def write_plain(content: Content, out: Path) -> None:
    """The same paragraphs, tables and images with python-docx's plain calls."""
    import docx

    document = docx.Document()
    known = {s.name for s in document.styles}
    for block in content.blocks:
        kind = block[0]
        if kind == "p":
            text, style = str(block[1]), str(block[2])
            document.add_paragraph(text, style=style if style in known else None)
        elif kind == "t":
            rows: list[list[str]] = block[1]  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = value
        else:
            document.add_picture(io.BytesIO(block[1]))  # type: ignore[arg-type]
    document.save(str(out))


def ceiling(ctx: Context) -> Timing:
    source = ctx.scratch / REPORT
    if not source.exists():
        raise RuntimeError("the stage's report is missing: the ceiling rewrites its content")
    content = read_content(source)
    watch = Stopwatch()
    with watch.running():
        write_plain(content, ctx.scratch / "plain.docx")
    return Timing(watch.seconds, {"paragraphs": content.paragraphs,
                                  "tables": len(content.tables)})


STAGE = Stage(
    name="report",
    title="Word report (services.report.write_report)",
    ceiling_title="plain python-docx writing the same paragraphs, tables and images",
    missing=lambda: first_missing(
        lambda: missing_attributes("qualcode.services.report", "write_report",
                                   "ReportOptions"),
        lambda: missing_attributes("qualcode.services.synthesis", "define_matrix",
                                   "set_finding"),
        lambda: missing_attributes("qualcode.store.synthesis", "Synthesis")),
    measure=measure,
    repeats=3,  # a second or two each: best of three takes the machine's noise out
    ceiling=ceiling,
)
