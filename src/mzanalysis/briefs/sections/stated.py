"""Pieces of the region brief computed in tested code, one function per section.

The notebook (notebooks/region_brief.ipynb) only lays out what these return. Figures stated in
work reports are always a separate, labelled series ("stated in reports"): never mixed into the
official series, never ranked against official peers.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: Data status of a brief: what it can show (also the index's status column).
STATUS_LABELS = {"official": "官方数据 official series",
                 "reports": "仅报告数字 report figures only",
                 "none": "无数据 no data"}

QUALIFIER_ZH = {"new": "现行 in force (raised to)", "old": "调整前 before the raise", None: ""}


def data_status(code: str, official_codes, report_codes) -> str:
    """``official`` when the region has an official series, else ``reports`` when reports state
    figures for it, else ``none``."""
    if code in set(official_codes):
        return "official"
    if code in set(report_codes):
        return "reports"
    return "none"


@dataclass
class Stated:
    """Figures stated in reports for one region (embedded seeds plus the user's folder)."""

    facts: object                      # fact rows with 'text' (quote) and 'source' (document)
    errors: list[str] = field(default_factory=list)   # files of the user's folder not read
    documents: list[str] = field(default_factory=list)


def stated_figures(code: str, years: tuple[int, int], *, seeds=None, user=None) -> Stated:
    """Rows of ``seeds`` (a fact frame, e.g. :func:`~mzanalysis.loaders.curated.seed_facts`) and
    ``user`` (a :class:`~mzanalysis.briefs.reports.ReportFacts`) for region ``code`` in
    ``years``; a document in both (the seeds passed as ``--reports``) is listed once."""
    import pandas as pd

    frames, errors = [], []
    if user is not None:
        errors = list(user.errors)
        if len(user.placed):
            frames.append(user.placed)
    if seeds is not None and len(seeds):
        frames.append(seeds)
    if not frames:
        return Stated(pd.DataFrame(), errors, [])
    every = pd.concat(frames, ignore_index=True)
    rows = every[(every["region_code"] == code) & every["year"].between(*years)].copy()
    if "text" not in rows.columns:
        rows["text"] = ""
    rows["text"] = rows["text"].fillna("").astype(str)
    key = ["source", "indicator", "area", "variant", "value", "unit", "qualifier", "year"]
    rows = rows.assign(_v=rows["variant"].fillna(""), _q=rows["qualifier"].fillna(""))
    rows = rows.drop_duplicates([k if k not in ("variant", "qualifier") else
                                 {"variant": "_v", "qualifier": "_q"}[k] for k in key])
    rows = rows.drop(columns=["_v", "_q"]).reset_index(drop=True)
    return Stated(rows, errors, sorted(set(rows["source"].astype(str))))


def compare_with_official(stated, official, *, tolerance_pct: float = 0.5):
    """One row per stated figure: the level it states (old values of a raise belong to the year
    before), the official figure for the same key if any, the gap and ⚠ above the tolerance."""
    import pandas as pd

    from ...indicators import in_force
    from ...reconcile import report_vs_official

    if stated is None or not len(stated):
        return pd.DataFrame()
    moved = in_force(stated.assign(qualifier=stated["qualifier"]))
    # in_force drops an old value whose year has its own figure; keep every statement here
    moved = pd.concat([moved, stated.loc[~stated.index.isin(moved.index)]]).sort_index()
    cmp_ = report_vs_official(moved, official).reset_index(drop=True)
    moved = moved.reset_index(drop=True)
    out = pd.DataFrame({
        "indicator": moved["indicator"], "area": moved["area"],
        "variant": moved["variant"], "period": moved["period"],
        "qualifier": moved["qualifier"], "stated": moved["value"], "unit": moved["unit"],
        "official": cmp_["reference"], "gap_pct": cmp_["gap_pct"], "check": cmp_["flag"],
        "flags": moved["flags"].map(lambda f: ", ".join(f) if isinstance(f, (list, tuple))
                                    else str(f or "")),
        "quote": moved["text"], "document": moved["source"]})
    out["warn"] = out["check"].eq("mismatch")
    return out


def stated_series(stated, indicator: str, area: str):
    """The level in force per year of one stated figure, as a Series (year → value), or None.

    Where a report states the same figure twice with different values, the first statement is
    used and ``attrs['differing']`` counts the years affected.
    """
    from ...indicators import IndicatorError, select

    if stated is None or not len(stated):
        return None
    try:
        rows = select(stated, indicator, area=area, periods="prefer_annual",
                      on_duplicate="error")
        differing = 0
    except IndicatorError:
        try:
            rows = select(stated, indicator, area=area, periods="prefer_annual",
                          on_duplicate="first")
        except IndicatorError:
            return None
        differing = 1
    s = rows.set_index("year")["value"].astype(float)
    s.attrs["differing"] = differing
    s.attrs["unit"] = rows["unit"].iloc[0]
    return s


FLAG_ZH = {"ok": "一致 ok", "mismatch": "⚠ 不一致 mismatch", "no_reference": "无官方数字 none",
           "incomplete": "不完整 incomplete"}
UNIT_ZH = {"yuan_per_person_month": "元/人·月", "yuan_per_person_year": "元/人·年",
           "persons": "人", "households": "户", "yuan": "元", "percent": "%"}


def reports_section(stated: Stated, facts, *, reports_dir=None, reports=None):
    """Figures stated in work reports beside the official figure of the same key (⚠ above 0.5 %),
    each with its unit, qualifier, flags, quote and document; files not read are listed."""
    import pandas as pd

    from ..render import md_escape as esc
    from .result import AREA_ZH, Section, Table, num

    sec = Section("reports")
    cmp_ = compare_with_official(stated.facts, facts)
    if len(cmp_):
        unit = cmp_["unit"].map(lambda u: UNIT_ZH.get(u, u))
        check = [(f"{num(o, 0)} · " if o == o and o is not None else "") + FLAG_ZH.get(c, c)
                 + ("" if g != g or g is None else f" {num(g, 2)}%")
                 for o, c, g in zip(cmp_["official"], cmp_["check"], cmp_["gap_pct"])]
        notes = [" · ".join(x for x in (QUALIFIER_ZH.get(q, q) if isinstance(q, str) else "", f)
                            if x) or "—" for q, f in zip(cmp_["qualifier"], cmp_["flags"])]
        t = pd.DataFrame({
            "指标 indicator": cmp_["indicator"] + cmp_["variant"].map(
                lambda v: f" ({v})" if isinstance(v, str) else ""),
            "城乡 area": cmp_["area"].map(AREA_ZH), "时期 period": cmp_["period"],
            "报告所述 stated": cmp_["stated"].map(
                lambda v: num(v, 2 if v < 1000 and v != int(v) else 0)) + " " + unit,
            "官方数字与核对 official, check (gap)": check,
            "口径与标记 qualifier, flags": notes, "文件 document": cmp_["document"],
            "原文 quote": cmp_["quote"].str.slice(0, 50)})
        docs = sorted(set(cmp_["document"].astype(str)))
        if len(docs) == 1:  # one report: named once below the table, not on every row
            t = t.drop(columns="文件 document")
        sec.tables.append(Table("reports", "工作报告中的数字 / figures stated in work reports", t,
                                text_columns=("原文 quote",)))
        if len(docs) == 1:
            sec.after.append(f"以上数字均出自 / every figure above is from: {esc(docs[0])}")
        n_mis = int(cmp_["warn"].sum())
        n_ref = int((cmp_["check"] != "no_reference").sum())
        sec.after.append(f"报告共 {len(t)} 个数字，其中 {n_ref} 个有官方数字可比，**{n_mis}** "
                         f"个不一致（⚠）。 / *{len(t)} stated figures, {n_ref} with an official "
                         "figure to compare, mismatches flagged ⚠.*")
        sec.headline["discrepancies_reports"] = n_mis
    else:
        sec.text.append("本地区在所选年份没有从工作报告中提取的数字。 / *No figures extracted from "
                        "work reports for this region and these years.*")
        sec.headline["discrepancies_reports"] = 0
    if stated.errors:
        sec.after.append("**未能读取的文件 / files not read** (其余文件已使用 the others were used):"
                         "\n\n" + "\n".join(f"- {esc(e)}" for e in stated.errors))
    if reports_dir is not None and reports is not None:
        sec.after.append(f"报告文件夹 / reports folder: {esc(str(reports_dir))} — "
                         f"{len(reports.every)} 个数字 figures extracted, "
                         f"{len(reports.placed)} placed (region and year known).")
    return sec
