"""Matplotlib set-up and small plotting helpers shared by every notebook.

:func:`setup` registers the vendored CJK font (a GB 2312 subset of Noto Sans CJK SC, SIL OFL 1.1,
in ``mzanalysis/fonts``) so Chinese labels render on any machine without SimHei/SimSun, and pins
everything that would otherwise make figure bytes differ between runs (PNG/SVG metadata, the SVG
hash salt), because briefs must be byte-identical for identical inputs.

The helpers never turn a missing value into a zero: a year without data is a gap in the line, and
a series without any data is an explicit "no data" panel.
"""
from __future__ import annotations

from pathlib import Path

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "NotoSansSC-mz-subset.otf"
FONT_FAMILY = "MZ Noto Sans SC"
#: Fixed PNG metadata (no creation time) used for savefig and the notebook inline backend.
PNG_METADATA = {"Software": None}

_READY = False

#: One colour per area in every chart of every brief (matplotlib's tab10 blue, orange, green), so a
#: reader who learnt "urban is blue" on the standards chart is not misled on the next one.
AREA_COLOURS = {"urban": "#1f77b4", "rural": "#ff7f0e", "all": "#2ca02c"}
# Words that name an area in the bilingual labels the briefs use (城市 urban, 农村 rural, 全部 all).
_AREA_WORDS = (("urban", ("urban", "城市", "城镇")), ("rural", ("rural", "农村")),
               ("all", ("all", "total", "合计", "全部", "全省", "全国")))
_OTHER_COLOURS = ("#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
#: One marker per kind of standard (``standard_kind``): a floor or a mean of county standards is
#: not a provincial average, and the chart says which each point is.
KIND_MARKERS = {"average": "o", "floor": "v", "municipal": "s", "county_mean": "D", "table": "X",
                "stated": "*"}
KIND_LABELS = {"average": "平均 average", "floor": "底线 floor", "municipal": "直辖市 municipal",
               "county_mean": "县均值 county mean", "table": "二手表 secondary table",
               "stated": "报告所述 stated"}


def area_of(label: str) -> str | None:
    """The area a series label names (urban, rural or all), or None."""
    text = str(label).casefold()
    for area, words in _AREA_WORDS:
        if any(w in text for w in words):
            return area
    return None


def colour_for(label: str, fallback_index: int = 0) -> str:
    """The fixed colour of the area ``label`` names; other labels cycle through the rest of tab10."""
    area = area_of(label)
    return AREA_COLOURS[area] if area else _OTHER_COLOURS[fallback_index % len(_OTHER_COLOURS)]


def format_persons(value: float) -> str:
    """Persons as a reader expects them: whole persons below 10,000, else 万人 with one decimal."""
    import math

    if value is None or not math.isfinite(float(value)):
        return "—"
    value = float(value)
    if abs(value) < 1e4:
        return f"{value:,.0f} 人"
    return f"{value / 1e4:,.1f} 万人"


def setup(dpi: int = 96) -> None:
    """Register the CJK font and fix rcParams for deterministic, readable figures (idempotent)."""
    global _READY
    import matplotlib
    from matplotlib import font_manager

    if not _READY:
        font_manager.fontManager.addfont(str(FONT_PATH))
        _READY = True
    rc = matplotlib.rcParams
    rc["font.family"] = "sans-serif"
    rc["font.sans-serif"] = [FONT_FAMILY, "DejaVu Sans"]
    rc["axes.unicode_minus"] = False  # the subset has U+2212, but CJK fonts draw it oddly wide
    rc["svg.hashsalt"] = "mzanalysis"
    rc["svg.fonttype"] = "path"
    rc["figure.dpi"] = dpi
    rc["savefig.dpi"] = dpi
    rc["figure.figsize"] = (7.0, 3.4)
    rc["axes.spines.top"] = False
    rc["axes.spines.right"] = False
    rc["axes.grid"] = True
    rc["grid.alpha"] = 0.3
    rc["legend.frameon"] = False
    _configure_inline_backend()


def _configure_inline_backend() -> None:
    """Inside IPython, make the inline backend emit PNG with fixed metadata (no timestamps)."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    ip = get_ipython()
    if ip is None:
        return
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    set_matplotlib_formats("png", metadata=dict(PNG_METADATA), bbox_inches="tight")


#: Margins of every brief figure, in inches: the title above, the year ticks below, the value
#: ticks and the axis label at the left, a gap between panels. Every brief chart has this same
#: furniture (values of at most five characters: 元, 万人, 亿元, %, ranks), so fixed margins fit
#: them all; matplotlib's tight layout measured every label again on each figure (tight_layout,
#: then a cropping pass when saving), which was a third of a province brief's time.
MARGINS_INCHES = {"left": 0.72, "right": 0.15, "top": 0.36, "bottom": 0.34, "gap": 0.66}


def fit_margins(fig) -> None:
    """Place ``fig``'s panels (one row of subplots) within :data:`MARGINS_INCHES`."""
    m = MARGINS_INCHES
    width, height = fig.get_size_inches()
    n = max(1, len(fig.axes))
    panel = (width - m["left"] - m["right"] - (n - 1) * m["gap"]) / n
    fig.subplots_adjust(left=m["left"] / width, right=1 - m["right"] / width,
                        bottom=m["bottom"] / height, top=1 - m["top"] / height,
                        wspace=m["gap"] / panel)


def figure_png(fig) -> bytes:
    """``fig`` as PNG bytes, deterministic (fixed metadata) and at the figure's own size."""
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata=dict(PNG_METADATA))
    return buf.getvalue()


def line_chart(ax, series: dict, *, title: str = "", ylabel: str = "", years=None,
               kinds: dict | None = None):
    """Plot ``{label: pandas.Series indexed by year}`` as lines; missing years stay gaps.

    A label that names an area (城市 urban, 农村 rural, all) gets that area's colour from
    :data:`AREA_COLOURS` whatever its order in ``series``. ``kinds`` (``{label: Series year →
    standard_kind}``) draws each point with its kind's marker (:data:`KIND_MARKERS`) and adds
    the kinds shown to the legend.

    Series that hold no value at all are not drawn; they are listed in the returned list so the
    caller can say so in text. An axis with nothing to draw shows "无数据 / no data".
    """
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    missing = []
    drawn = 0
    others = 0
    kinds_seen: set[str] = set()
    for label, s in series.items():
        s = s.dropna() if s is not None else None
        if s is None or s.empty:
            missing.append(label)
            continue
        idx = list(range(int(s.index.min()), int(s.index.max()) + 1))
        y = s.reindex(idx).astype(float).to_numpy()  # NaN for gap years: drawn as breaks
        colour = colour_for(label, others)
        others += area_of(label) is None
        kind = (kinds or {}).get(label)
        if kind is None:
            ax.plot(idx, np.where(np.isfinite(y), y, np.nan), marker="o", ms=3, label=label,
                    color=colour)
        else:
            ax.plot(idx, np.where(np.isfinite(y), y, np.nan), lw=1.5, label=label, color=colour)
            for k in sorted({str(v) for v in kind.reindex(s.index).fillna("other")}):
                at = [yr for yr in s.index if str(kind.get(yr, "other") or "other") == k]
                ax.plot(at, s.loc[at].astype(float).to_numpy(), ls="none", color=colour,
                        marker=KIND_MARKERS.get(k, "o"), ms=5)
                kinds_seen.add(k)
        drawn += 1
    if years is not None:
        ax.set_xlim(years[0] - 0.5, years[1] + 0.5)
    ax.set_title(title, fontsize=11)
    if not drawn:
        no_data(ax)
        return missing
    if kinds_seen:
        from matplotlib.lines import Line2D

        handles, _ = ax.get_legend_handles_labels()
        handles += [Line2D([], [], ls="none", marker=KIND_MARKERS.get(k, "o"), color="0.35",
                           label=KIND_LABELS.get(k, k)) for k in sorted(kinds_seen)]
        ax.legend(handles=handles, fontsize=7)
    elif drawn > 1:
        ax.legend(fontsize=8)
    ax.set_ylabel(ylabel)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))  # readable in 3-up panels
    return missing


def rank_chart(ax, ranks: dict, *, title: str = "", years=None):
    """Rank by year (1 at the top) for ``{label: frame with year, rank, n}``; each point is
    annotated with n, the number of regions ranked that year (ranks among few are not ranks
    among all). Missing years stay gaps; an empty dict gives a "no data" panel."""
    from matplotlib.ticker import MaxNLocator

    series = {label: r.set_index("year")["rank"].astype(float) for label, r in ranks.items()}
    missing = line_chart(ax, series, title=title, ylabel="排名 rank", years=years)
    if not any(len(r) for r in ranks.values()):
        return missing
    ax.invert_yaxis()
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    for label, r in ranks.items():
        for row in r.itertuples(index=False):
            ax.annotate(f"n={int(row.n)}", (row.year, row.rank), textcoords="offset points",
                        xytext=(0, 5), ha="center", fontsize=6, color=colour_for(label))
    return missing


def no_data(ax, text: str = "无数据 / no data") -> None:
    """Mark an axis as empty instead of drawing zeros."""
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=12,
            color="0.45")
    ax.set_xticks([])
    ax.set_yticks([])
