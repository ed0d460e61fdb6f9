"""Brief sections on the data itself: the same figure from different sources, and the coverage
of the core series with the list of what is missing and the sources used.

The reference of a multi-source key is the best source class present
(:func:`mzanalysis.provenance.split_reference`), never the first row in file order, and a figure
is called official only when its class is official: a blog's CPI is never labelled 官方.
"""
from __future__ import annotations

from .result import AREA_ZH, OFFICIAL_CLASSES, SOURCE_ZH, Section, Table, num, source_url
from .stated import UNIT_ZH

#: The series whose coverage every brief lists (indicator, area).
CORE = (("dibao_standard", "urban"), ("dibao_standard", "rural"), ("dibao_recipients", "urban"),
        ("dibao_recipients", "rural"), ("dibao_expenditure", "all"), ("population", "all"),
        ("consumption_expenditure", "urban"), ("consumption_expenditure", "rural"),
        ("disposable_income", "urban"), ("disposable_income", "rural"))


def multi_source(every, region, years, *, conflicts=None) -> Section:
    """Keys of ``region`` given by several sources: the reference (official only when its source
    class is) beside each other source, ⚠ when they differ by more than 0.5 % or in unit."""
    import pandas as pd

    from ...briefs.render import md_escape as esc
    from ...provenance import split_reference

    sec = Section("sources_multi")
    own = every[(every["region_code"] == region.code) & every["year"].between(*years)]
    keys = ["indicator", "area", "year", "period"]
    own = own[own.duplicated(keys, keep=False)]  # only keys given more than once can differ
    rows = []
    for key, grp in own.groupby(keys, sort=True):
        off, other, is_official = split_reference(grp, OFFICIAL_CLASSES)
        if other.empty:
            if not bool(grp["conflict"].fillna(False).astype(bool).any()):
                continue
            other = off.iloc[1:]
        ref = off.iloc[0]
        for _, o in other.iterrows():
            diff = ((o["value"] - ref["value"]) / ref["value"] * 100.0 if ref["value"]
                    else float("nan"))
            flag = "⚠" if (o["unit"] != ref["unit"] or not abs(diff) <= 0.5) else ""
            digits = 2 if abs(ref["value"]) < 1000 else 0
            # the reference is named by its class: "official" only when the class is official
            ref_class = SOURCE_ZH.get(ref["source_class"], ref["source_class"])
            rows.append({"指标 indicator": key[0], "城乡 area": AREA_ZH.get(key[1], key[1]),
                         "时期 period": key[3], "单位 unit": UNIT_ZH.get(o["unit"], o["unit"]),
                         "参考值 reference": num(ref["value"], digits),
                         "参考来源 reference source": ref_class if is_official
                         else f"{ref_class}（非官方表 not an official table）",
                         "其他来源 other": num(o["value"], digits),
                         "其他来源类别 other source": SOURCE_ZH.get(o["source_class"],
                                                                 o["source_class"]),
                         "差异 diff (%)": num(diff, 2), "标注 flag": flag,
                         "出处 quote": str(o["source_ref"])[:40]})
    if rows:
        disc = pd.DataFrame(rows)
        sec.tables.append(Table("multi_source", "不同来源的同一数字 / the same figure from "
                                "different sources", disc, text_columns=("出处 quote",)))
        n = int((disc["标注 flag"] == "⚠").sum())
        sec.after.append(f"共 {len(disc)} 项比较，其中 **{n}** 项与官方数字不一致（差异超过 0.5%）。 / "
                         f"*{len(disc)} comparisons, {n} flagged.*")
    else:
        n = 0
        sec.text.append("本地区没有可与官方数字对照的其他来源数字。 / *No figures from other sources "
                        "to compare with official ones for this region.*")
    sec.headline["discrepancies_sources"] = n
    if isinstance(conflicts, Exception):  # an unreadable conflicts table is reported, not hidden
        sec.after.append(f"冲突表无法读取 / conflicts table unreadable: {esc(str(conflicts))}")
    elif conflicts is not None:
        conf = conflicts[(conflicts["region_code"] == region.code)
                         & conflicts["year"].between(*years)]
        if len(conf):
            k = conf[["indicator", "area", "period"]].drop_duplicates().shape[0]
            sec.after.append(f"数据包冲突表中本地区有 {k} 个指标-时期存在来源分歧（图表用首选值）。 / "
                             "*Keys with disagreeing sources in the data package's conflicts "
                             "table; plots use the preferred value.*")
    return sec


def data_sources(mine, region, years, *, missing=(), version="", data_dir=None,
                 reports_dir=None) -> Section:
    """Coverage of the core series, every missing series with its reason (said, never plotted
    as zero), and the sources of the region's figures with their class."""
    import pandas as pd

    from ...briefs.render import md_escape as esc

    sec = Section("sources")
    cov_rows = []
    for indicator, area in CORE:
        yrs = sorted(mine.loc[(mine["indicator"] == indicator) & (mine["area"] == area),
                              "year"].unique())
        cov_rows.append({"指标 indicator": indicator, "城乡 area": AREA_ZH[area],
                         "年数 years": len(yrs),
                         "年份 span": f"{yrs[0]}–{yrs[-1]}" if yrs else "缺失 missing"})
    sec.tables.append(Table("data_coverage", "核心序列的覆盖 / coverage of the core series",
                            pd.DataFrame(cov_rows)))
    seen, lines = [], []
    for what, why in missing:
        if what not in seen:
            seen.append(what)
            lines.append(f"- **缺失 / missing**: {esc(what)} — {esc(why)}")
    sec.after.append("\n".join(lines) if lines else "所列序列均有数据。 / *Every series above has "
                     "data.*")
    sec.headline["missing_series"] = sorted(seen)
    src = mine.assign(url=mine["source_ref"].map(source_url))
    src = (src.groupby(["url", "source_class"]).size().reset_index(name="n")
              .sort_values(["n", "url"], ascending=[False, True]).head(25))
    if len(src):
        sec.tables.append(Table("sources", "来源 / sources", pd.DataFrame({
            "网址 URL": src["url"], "来源类别 class": src["source_class"].map(
                lambda c: SOURCE_ZH.get(c, c)),
            "数字 figures": src["n"]})))
    else:
        sec.after.append("本地区在所选年份没有数据。 / *No data for this region in the selected "
                         "years.*")
    sec.after.append(f"数据：mzanalysis 内置整理数据集（CC-BY-4.0，每个数字附来源网址和原文）。 / "
                     f"*Data: the curated data package embedded in mzanalysis {esc(version)}.*"
                     + ("" if reports_dir is None else
                        f"\n\n另加用户的工作报告 / plus the user's reports in {esc(str(reports_dir))}.")
                     + ("" if data_dir is None else
                        f"\n\n另加用户数据表 / plus the user's tables in {esc(str(data_dir))}."))
    return sec
