"""Brief section comparing a region's standard with its peers: its rank among regions of the same
level (provinces with provinces) in every year, and its gap to the national average.

A rank is taken only among peers with a figure that year, and ``n`` is always shown beside it: in
2011 MCA's table covers 31 provinces, in other years far fewer publish, and "3rd of 8" is not
"3rd of 31".
"""
from __future__ import annotations

from ... import indicators as ind
from .result import AREA_ZH, Section, Table, download_rows, get, num

#: A rank among fewer regions than this says nothing about a region's place among its peers.
MIN_RANKED = 5

NOT_RANKED = ("本地区没有官方序列，报告数字不与官方数字排名。 / *No official series: figures "
              "stated in reports are not ranked against official peers.*")


def peer_codes(region) -> list[str]:
    """Codes of the regions of ``region``'s level under the same parent (itself included)."""
    from ...regions import regions as list_regions

    if region.level == "national":
        return []
    return [p.code for p in list_regions(level=region.level, parent=region.parent_code)
            if p.level == region.level]


def _yearly(facts, region, area: str):
    """The annualised standards of ``region`` and its peers, one row per region and year (an
    empty frame when there are none)."""
    import pandas as pd

    codes = peer_codes(region)
    if not codes:
        return pd.DataFrame(columns=["year", "region_code", "region", "value", "source_ref"])
    try:
        rows = ind.select(facts, "dibao_standard", area=area, regions=codes,
                          periods="prefer_annual", on_duplicate="first")
    except ind.IndicatorError:
        return pd.DataFrame(columns=["year", "region_code", "region", "value", "source_ref"])
    return ind.annualise_standard(rows)


def ranks(facts, region, area: str, *, yearly=None):
    """One row per year in which ``region`` and at least :data:`MIN_RANKED` − 1 peers have a
    standard: its rank (1 = highest), the number of regions with a figure that year, the highest
    and lowest. Empty frame when there is no such year. ``yearly``: the peers' annualised
    standards (``_yearly(facts, region, area)``) when the caller already has them."""
    import pandas as pd

    cols = ["year", "area", "rank", "n", "value", "highest", "highest_value", "lowest",
            "lowest_value", "source_ref"]
    out = []
    if yearly is None:
        yearly = _yearly(facts, region, area)
    for year, grp in yearly.groupby("year", sort=True):
        if region.code not in set(grp["region_code"]) or len(grp) < MIN_RANKED:
            continue
        grp = grp.sort_values(["value", "region_code"], ascending=[False, True])
        order = grp["region_code"].tolist()
        own = grp.loc[grp["region_code"] == region.code].iloc[0]
        out.append({"year": int(year), "area": area, "rank": order.index(region.code) + 1,
                    "n": len(order), "value": float(own["value"]) / 12.0,
                    "source_ref": own.get("source_ref"),
                    "highest": grp["region"].iloc[0], "highest_value": grp["value"].iloc[0] / 12,
                    "lowest": grp["region"].iloc[-1], "lowest_value": grp["value"].iloc[-1] / 12})
    return pd.DataFrame(out, columns=cols)


def _by_year(yearly) -> dict:
    """The peers' standards of each year, indexed by region code."""
    return {y: g.set_index("region_code")["value"] for y, g in yearly.groupby("year")}


def rank_change(facts, region, area: str, first: int, last: int, *,
                yearly=None, by_year: dict | None = None) -> dict | None:
    """The region's rank in ``first`` and in ``last`` among the peers with a figure in *both*
    years (itself included), or None when fewer than :data:`MIN_RANKED` regions have both.

    Which provinces publish a standard changes from year to year (31 in MCA's 2011 table, a
    dozen in later years), so "30th of 31" and "8th of 13" are not two places on one ladder;
    a change of rank is only said over one fixed set of regions. ``yearly`` as in :func:`ranks`;
    ``by_year``: ``_by_year(yearly)``, for a caller trying several first years."""
    if by_year is None:
        by_year = _by_year(_yearly(facts, region, area) if yearly is None else yearly)
    if first not in by_year or last not in by_year:
        return None
    common = sorted(set(by_year[first].index) & set(by_year[last].index))
    if region.code not in common or len(common) < MIN_RANKED:
        return None

    def place(values):
        order = sorted(common, key=lambda c: (-float(values[c]), c))
        return order.index(region.code) + 1

    return {"area": area, "first_year": int(first), "last_year": int(last), "n": len(common),
            "first_rank": place(by_year[first]), "last_rank": place(by_year[last])}


def gap_to_national(facts, region, area: str):
    """Years in which both the region and the nation have a standard: both monthly levels and the
    gap ``(region / national − 1) × 100``. Empty frame for the nation itself or without data."""
    import pandas as pd

    cols = ["year", "area", "value", "national", "gap_pct", "source_ref", "national_ref"]
    if region.level == "national":
        return pd.DataFrame(columns=cols)
    own = get(facts, "dibao_standard", area, region.code)
    nat = get(facts, "dibao_standard", area, "000000")
    if own is None or nat is None:
        return pd.DataFrame(columns=cols)
    own, nat = ind.annualise_standard(own), ind.annualise_standard(nat)
    both = own.merge(nat[["year", "value", "source_ref"]], on="year", suffixes=("", "_nat"))
    return pd.DataFrame({"year": both["year"].astype(int), "area": area,
                         "value": both["value"] / 12.0, "national": both["value_nat"] / 12.0,
                         "gap_pct": (both["value"] / both["value_nat"] - 1.0) * 100.0,
                         "source_ref": both["source_ref"], "national_ref": both["source_ref_nat"]},
                        columns=cols)


def peers(facts, region, years, *, status: str = "official") -> Section:
    """Rank among peers over time (table and a small rank-by-year chart with n at each point)
    and the gap to the national average. ``status`` other than ``official``: nothing is ranked
    (figures stated in reports never compete with official peers)."""
    import pandas as pd
    from matplotlib.figure import Figure

    from ...plots import fit_margins, rank_chart

    sec = Section("peers")
    if status != "official":
        sec.text.append(NOT_RANKED)
        return sec
    if region.level == "national":
        sec.text.append("全国层面没有同级比较。 / *No peers at the national level.*")
        return sec
    yearly = {a: _yearly(facts, region, a) for a in ("urban", "rural")}  # once per area
    by_area = {a: ranks(facts, region, a, yearly=yearly[a]) for a in ("urban", "rural")}
    by_area = {a: r[r["year"].between(*years)] for a, r in by_area.items()}
    rank_rows = [r for r in by_area.values() if len(r)]
    if rank_rows:
        every = pd.concat(rank_rows, ignore_index=True)
        fig = Figure(figsize=(7, 3.0))
        ax = fig.subplots()
        rank_chart(ax, {AREA_ZH[a]: r for a, r in by_area.items() if len(r)},
                   title="同级排名 / rank among peers (1 = 最高 highest; n = 有数据的地区 "
                         "regions with data)", years=years)
        fit_margins(fig)
        sec.figure = fig
        sec.tables.append(Table("rank", "同级排名 / rank among peers", pd.DataFrame({
            "年份 year": every["year"], "城乡 area": every["area"].map(AREA_ZH),
            "标准 standard (元/人·月)": every["value"].map(lambda v: num(v, 0)),
            "排名 rank": every["rank"].astype(int).astype(str),
            "参与排名的地区 n ranked": every["n"].astype(int).astype(str),
            "最高 highest (元/人·月)": every["highest"] + " " + every["highest_value"].map(num),
            "最低 lowest (元/人·月)": every["lowest"] + " " + every["lowest_value"].map(num)})))
        # the region's own figure's source; the peers' figures are in the curated data
        sec.series.append(download_rows(
            every.assign(region_code=region.code, region=region.name,
                         value=every["rank"].astype(float)),
            indicator="dibao_standard_rank", unit="rank", kind=None).assign(
                kind=("rank among " + every["n"].astype(int).astype(str)).to_numpy()))
        sec.after.append(f"排名只在当年有数据的同级地区之间进行（n 为参与排名的地区数，少于 {MIN_RANKED} "
                         "个的年份不排名），各地区数字的口径（平均、底线、县均值）可能不同。 / *Ranks "
                         f"are among peers with a figure that year (n of them; years with fewer "
                         f"than {MIN_RANKED} are not ranked); peers' figures may be of different "
                         "kinds.*")
    else:
        sec.text.append("没有可比的同级数据。 / *No comparable peer data.*")
    for a, r in by_area.items():
        if len(r):
            last = r.iloc[-1]
            sec.headline[f"rank_{a}"] = [int(last["rank"]), int(last["n"])]
    sec.data["ranks"] = {a: r for a, r in by_area.items() if len(r)}
    changes = []
    for a, r in by_area.items():  # the earliest ranked year sharing enough regions with the last
        years_ranked = [int(y) for y in r["year"]]
        by_year = _by_year(yearly[a]) if len(years_ranked) > 1 else {}
        for first in years_ranked[:-1]:
            change = rank_change(facts, region, a, first, years_ranked[-1], by_year=by_year)
            if change is not None:
                changes.append(change)
                break
    if changes:
        ch = pd.DataFrame(changes)
        sec.tables.append(Table("rank_change", "首末年份均有数据的地区中的排名 / rank among the "
                                "regions with figures in both years", pd.DataFrame({
            "城乡 area": ch["area"].map(AREA_ZH),
            "首年 first year": ch["first_year"].astype(str),
            "末年 last year": ch["last_year"].astype(str),
            "两年均有数据的地区 n in both years": ch["n"].astype(str),
            "首年排名 first rank": ch["first_rank"].astype(str),
            "末年排名 last rank": ch["last_rank"].astype(str)})))
    sec.data["rank_change"] = {c["area"]: c for c in changes}

    gaps = [g[g["year"].between(*years)] for g in
            (gap_to_national(facts, region, a) for a in ("urban", "rural"))]
    gaps = [g for g in gaps if len(g)]
    if gaps:
        gap = pd.concat(gaps, ignore_index=True).assign(gap_pct=lambda d: d["gap_pct"].round(1))
        sec.tables.append(Table("gap", "与全国平均的差距 / gap to the national average", pd.DataFrame({
            "年份 year": gap["year"], "城乡 area": gap["area"].map(AREA_ZH),
            "本地区 region (元/人·月)": gap["value"].map(num),
            "全国平均 national (元/人·月)": gap["national"].map(num),
            "差距 gap (%)": gap["gap_pct"].map(lambda v: num(v, 1))})))
        sec.data["gap"] = gap
        for g in gaps:
            sec.series.append(download_rows(
                g.assign(region_code=region.code, region=region.name, value=g["gap_pct"]),
                indicator="gap_to_national_average", unit="percent", kind="computed",
                url_columns=("source_ref", "national_ref")))
    else:
        sec.after.append("没有与全国平均同年的标准，无法比较。 / *No year with both this region's and "
                         "the national standard: no gap to the national average.*")
    return sec
