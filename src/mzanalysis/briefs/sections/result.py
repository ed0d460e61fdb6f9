"""What a brief section returns, and the shared vocabulary its tables and text are written in.

A section function computes; it never displays. It returns a :class:`Section`: markdown
paragraphs, at most one matplotlib :class:`~matplotlib.figure.Figure` (built without pyplot, so
nothing is shown behind the notebook's back and no global figure state survives between briefs
run in one kernel), display-ready :class:`Table` objects, the series it plotted (for the download
files), the series it could not compute and why, the headline figures for the sidecar, and
numeric ``data`` the findings paragraph is computed from.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

#: Bilingual area labels; the same words pick the area's colour in :mod:`mzanalysis.plots`.
AREA_ZH = {"urban": "城市 urban", "rural": "农村 rural", "all": "合计 all"}

#: What kind of figure a standard is (``standard_kind`` of the curated facts, see
#: :data:`mzanalysis.schema.STANDARD_KINDS`): provinces publish several different numbers as "the"
#: standard, and a reader must know which one each point is.
KIND_ZH = {"average": "全省平均 provincial average",
           "floor": "省定最低标准 provincial floor",
           "municipal": "直辖市标准 municipal standard",
           "county_mean": "县级标准均值 mean of county standards (MCA table)",
           "table": "二手汇编表 secondary table",
           "stated": "工作报告所述 stated in a report",
           None: "未注明 not stated"}

#: The same kinds, short, for table cells and chart legends.
KIND_SHORT = {"average": "全省平均 average", "floor": "底线 floor", "municipal": "直辖市 municipal",
              "county_mean": "县均值 county mean", "table": "二手表 secondary table",
              "stated": "报告所述 stated", None: "未注明 not stated"}

#: Source classes as a reader should read them. A blog is never "official" (see
#: :func:`mzanalysis.provenance.split_reference`).
SOURCE_ZH = {"official_table": "官方统计表 official table",
             "official_repost": "官方发布转载 official repost",
             "table": "数据表 data table",
             "compilation": "官方统计汇编 compilation", "news": "新闻报道 news",
             "blog": "其他网页（非官方）blog / other page"}
#: Classes whose figure may be labelled official in the multi-source table: those of
#: :data:`mzanalysis.provenance.OFFICIAL_CLASSES` (official tables, reposts, statistical
#: compilations) and a user's own ``table``; news and blogs never are.
OFFICIAL_CLASSES = {"official_table", "official_repost", "compilation", "table"}

#: Label suffix of a series taken from work reports: a separate series, never official.
REPORTED = "（报告所述 stated in reports）"

#: Columns of every download file (see :mod:`mzanalysis.briefs.downloads`).
DOWNLOAD_COLUMNS = ("region_code", "region", "indicator", "area", "year", "value", "unit", "kind",
                    "source_url")


@dataclass(frozen=True)
class Table:
    """A display-ready table: ``frame`` holds formatted strings with bilingual, unit-bearing
    headers; ``key`` names it for findings that cite it (``title`` is its caption)."""

    key: str
    title: str
    frame: object
    text_columns: tuple[str, ...] = ()   # long text (quotes): kept wide enough to read


@dataclass
class Section:
    """The result of one section function (see the module docstring)."""

    key: str
    text: list[str] = field(default_factory=list)
    figure: object = None
    tables: list[Table] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    headline: dict = field(default_factory=dict)
    series: list = field(default_factory=list)        # frames with DOWNLOAD_COLUMNS
    data: dict = field(default_factory=dict)           # numbers the findings are computed from
    after: list[str] = field(default_factory=list)     # paragraphs shown after the tables

    def table(self, key: str) -> Table | None:
        """The table named ``key``, or None."""
        return next((t for t in self.tables if t.key == key), None)


def has_data(*series_dicts) -> bool:
    """Whether any ``{label: Series}`` holds a value (else a section draws no empty figure)."""
    return any(s is not None and len(s.dropna()) for d in series_dicts for s in d.values())


def num(x, digits: int = 0) -> str:
    """A number as the briefs print it (thousands separators, fixed digits); ``—`` for none."""
    if x is None:
        return "—"
    try:
        x = float(x)
    except (TypeError, ValueError):
        return "—"
    if not math.isfinite(x):
        return "—"
    return f"{x:,.{digits}f}"


def source_url(ref) -> str:
    """The URL (or document name) part of a ``source_ref`` ("url | quote")."""
    if ref is None or (isinstance(ref, float) and math.isnan(ref)):
        return ""
    return str(ref).split(" | ", 1)[0]


def get(facts, indicator: str, area: str, code: str):
    """One series of region ``code`` (preferred row per year, annual figure preferred), or None
    when the data has none. Never modifies ``facts`` (loaders may return cached frames)."""
    from ... import indicators as ind

    try:
        return ind.select(facts, indicator, area=area, regions=[code], periods="prefer_annual",
                          on_duplicate="first")
    except ind.IndicatorError:
        return None


def download_rows(rows, *, indicator: str, value: str = "value", unit: str, kind=None,
                  url_columns=("source_ref",)):
    """Rows of a result frame in the download layout (:data:`DOWNLOAD_COLUMNS`).

    ``kind``: a column name of ``rows`` (e.g. ``standard_kind``) or a fixed string; the source
    URL joins the URL part of every column in ``url_columns`` present (" ; " between inputs).
    """
    import pandas as pd

    if rows is None or not len(rows):
        return pd.DataFrame(columns=list(DOWNLOAD_COLUMNS))
    if isinstance(kind, str) and kind in rows.columns:
        kinds = rows[kind].map(lambda k: k if isinstance(k, str) else "")
    else:
        kinds = pd.Series([kind or ""] * len(rows), index=rows.index)
    urls = []
    for _, r in rows.iterrows():
        parts = [source_url(r[c]) for c in url_columns if c in rows.columns]
        urls.append(" ; ".join(dict.fromkeys(p for p in parts if p)))
    return pd.DataFrame({
        "region_code": rows["region_code"].astype(str).to_numpy(),
        "region": rows["region"].astype(str).to_numpy(),
        "indicator": indicator, "area": rows["area"].astype(str).to_numpy(),
        "year": rows["year"].astype(int).to_numpy(),
        "value": rows[value].astype(float).round(6).to_numpy(), "unit": unit,
        "kind": kinds.to_numpy(), "source_url": urls})
