"""The frequency-by-attribute bar chart, as PNG bytes (matplotlib, no display needed)."""

from __future__ import annotations

import io
import textwrap

from qualcode.export.report_data import FrequencyTable

WIDTH_INCHES = 6.3  # 16 cm: the portrait text width; the report never stretches it
DPI = 200
# Okabe & Ito's palette: told apart with every common kind of colour blindness.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")


def frequency_chart(table: FrequencyTable, *, top_level_only: bool = True) -> bytes:
    """Horizontal grouped bars: for each code, the share of each group's cases coded with
    it. Shares, not counts, so groups of different sizes compare fairly."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = [r for r in table.rows if r.depth == 0 or not top_level_only]
    groups = [g for g in table.groups if g.cases]
    height = max(2.5, 0.28 * len(rows) * max(len(groups), 1) ** 0.5 + 1.2)
    fig = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    bar = 0.8 / max(len(groups), 1)
    colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(groups))]
    positions = range(len(rows))
    for index, group in enumerate(groups):
        group_index = table.groups.index(group)
        shares = [100 * r.by_group[group_index].cases / group.cases for r in rows]
        offsets = [p - 0.4 + bar * (index + 0.5) for p in positions]
        ax.barh(offsets, shares, height=bar, color=colours[index],
                label=f"{group.value} (n={group.cases})")
    ax.set_yticks(list(positions))
    ax.set_yticklabels([textwrap.fill(r.code.name, 34) for r in rows], fontsize=7)
    ax.invert_yaxis()  # codebook order, top to bottom
    ax.set_xlim(0, 100)
    ax.set_xlabel(f"% of the cases of each {table.attribute} coded", fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0),
              ncol=min(len(groups), 3), frameon=False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI)
    return out.getvalue()
