"""Brief sections on the dibao standard itself: its level (nominal and real, with the kind of each
point), its growth, the urban–rural ratio, its share of consumption and, below the province, the
province's standard as context.

Standards are shown per person and month (元/人·月): MCA publishes urban standards per month and,
from 2012, rural standards per year; an annual figure is divided by 12.
"""
from __future__ import annotations

from ... import indicators as ind
from ...briefs.render import md_escape as esc
from .result import (AREA_ZH, KIND_SHORT, KIND_ZH, REPORTED, Section, Table,
                     download_rows, get, has_data, num)

#: A trend (average annual growth) needs this many points spanning at least this many years;
#: fewer and the brief shows the points but states no growth rate.
MIN_POINTS, MIN_SPAN = 3, 3


def _cpi_levels(facts, years):
    """(CPI rows, base year) for deflating to prices of the last CPI year ≤ ``years[1]``, or
    (None, reason) when the national CPI is missing or cannot be chained."""
    try:
        cpi = ind.select(facts, "cpi", regions=["000000"], area="all", periods="annual",
                         on_duplicate="first")
    except ind.IndicatorError as exc:
        return None, f"无全国 CPI no national CPI: {exc}"
    cpi = cpi[cpi["year"] <= years[1]]
    if cpi.empty:
        return None, "所选年份没有 CPI no CPI in the selected years"
    base = int(cpi["year"].max())
    try:
        ind.price_index(cpi, base_year=base)
    except ind.IndicatorError as exc:  # a chain with a missing year
        return None, f"CPI 无法链式 cannot chain: {exc}"
    return cpi, base


def _kind(kind, level: str, *, short: bool = False) -> str:
    """The label of a standard's kind; a national "average" is the national average."""
    if kind == "average" and level == "national":
        return "全国平均 national average"
    return (KIND_SHORT if short else KIND_ZH).get(kind, kind)


def _kind_runs(rows, level: str = "province") -> str:
    """"2011 县级标准均值…；2018–2021 省定最低标准…": consecutive years of one kind together."""
    parts, start, prev, kind = [], None, None, object()
    for r in rows.sort_values("year").itertuples(index=False):
        k = r.kind
        if k != kind:
            if start is not None:
                parts.append((start, prev, kind))
            start, kind = r.year, k
        prev = r.year
    if start is not None:
        parts.append((start, prev, kind))
    return "；".join(f"{a}{'' if a == b else f'–{b}'} {_kind(k, level)}" for a, b, k in parts)


def _cagr(first, last, span):
    return ((last / first) ** (1.0 / span) - 1.0) * 100.0


def standards(facts, region, years, *, stated=None) -> Section:
    """Dibao standards of ``region`` in ``years``: nominal and real levels (national CPI chained
    with :func:`~mzanalysis.indicators.real_level`, prices of the last CPI year), the kind of
    each point, average annual growth, and the urban–rural ratio.

    ``facts``: preferred fact rows of every region (the CPI is national); ``stated``: figures
    stated in reports, plotted as their own labelled series where no official series exists.
    """
    import pandas as pd
    from matplotlib.figure import Figure

    from ...plots import fit_margins, line_chart

    sec = Section("standards")
    code = region.code
    cpi, base = _cpi_levels(facts, years)
    if cpi is None:
        sec.missing.append(("居民消费价格指数 / CPI", base))
    points, nominal, real, kinds = {}, {}, {}, {}
    for area in ("urban", "rural"):
        rows = get(facts, "dibao_standard", area, code)
        if rows is None:
            sec.missing.append((f"低保标准 {AREA_ZH[area]} / dibao standard",
                                "无官方数据 no official data"))
            continue
        yearly = ind.annualise_standard(rows)
        kind_col = (yearly["standard_kind"] if "standard_kind" in yearly.columns
                    else pd.Series([None] * len(yearly), index=yearly.index))
        pts = pd.DataFrame({"year": yearly["year"].astype(int), "period": yearly["period"],
                            "monthly": yearly["value"].astype(float) / 12.0,
                            "kind": kind_col.where(kind_col.notna(), None)})
        pts["real"] = float("nan")
        if cpi is not None:
            try:
                r = ind.real_level(yearly, cpi, base_year=base)
                pts["real"] = pts["year"].map(dict(zip(r["year"], r["real_value"] / 12.0)))
            except ind.IndicatorError:
                pass
        points[area] = pts.sort_values("year").reset_index(drop=True)
        label = AREA_ZH[area]
        nominal[label] = points[area].set_index("year")["monthly"]
        real[label] = points[area].set_index("year")["real"].dropna()
        kinds[label] = points[area].set_index("year")["kind"]
        sec.series.append(download_rows(yearly.assign(value=yearly["value"] / 12.0),
                                        indicator="dibao_standard", unit="yuan_per_person_month",
                                        kind="standard_kind"))
        if cpi is not None and points[area]["real"].notna().any():
            rr = yearly.assign(value=points[area].set_index("year")["real"].reindex(
                yearly["year"]).to_numpy()).dropna(subset=["value"])
            sec.series.append(download_rows(rr, indicator="dibao_standard_real",
                                            unit=f"yuan_per_person_month_{base}_prices",
                                            kind="standard_kind"))
    # where there is no official series, the standards the reports state, labelled as such
    stated_levels = {}
    if stated is not None and len(stated):
        from .stated import stated_series

        for area in ("urban", "rural"):
            if area in points:
                continue
            s = stated_series(stated, "dibao_standard", area)
            if s is not None:
                s = s / 12.0 if s.attrs["unit"] == "yuan_per_person_year" else s
                stated_levels[area] = s
                nominal[AREA_ZH[area] + REPORTED] = s
                kinds[AREA_ZH[area] + REPORTED] = pd.Series("stated", index=s.index)
                docs = stated.loc[(stated["indicator"] == "dibao_standard")
                                  & (stated["area"] == area), "source"].astype(str)
                sec.series.append(pd.DataFrame({
                    "region_code": code, "region": region.name, "indicator": "dibao_standard",
                    "area": area, "year": s.index.astype(int), "value": s.to_numpy().round(6),
                    "unit": "yuan_per_person_month", "kind": "stated_in_report",
                    "source_url": "work report: " + " ; ".join(sorted(set(docs)))}))

    # the figure: nominal and real panels, one marker per kind of figure
    if has_data(nominal):
        fig = Figure(figsize=(10, 3.4))
        axes = fig.subplots(1, 2)
        line_chart(axes[0], nominal, title="名义 / nominal (元/人·月)", ylabel="元 yuan",
                   years=years, kinds=kinds)
        title = f"实际 / real ({base}年价格 / {base} prices)" if cpi is not None else "实际 / real"
        line_chart(axes[1], real, title=title, ylabel="元 yuan", years=years, kinds=kinds)
        fit_margins(fig)
        sec.figure = fig

    # tables: the points with their kind, growth, urban–rural ratio
    if points:
        real_head = (f"实际 real ({base}年价格)" if cpi is not None else "实际 real")
        by_year = {}
        for area, pts in points.items():
            for r in pts.itertuples(index=False):
                kind = _kind(r.kind, region.level, short=True)
                if str(r.period) != str(r.year):  # e.g. MCA's June 2011 table: say the date
                    kind += f" ({r.period})"
                by_year.setdefault(r.year, {}).update({
                    f"{AREA_ZH[area]} 名义 nominal": num(r.monthly, 0),
                    f"{AREA_ZH[area]} {real_head}": num(r.real, 0),
                    f"{AREA_ZH[area]} 口径 kind": kind})
        cols = [f"{AREA_ZH[a]} {c}" for a in points for c in ("名义 nominal", real_head,
                                                              "口径 kind")]
        frame = pd.DataFrame([{"年份 year": y, **{c: by_year[y].get(c, "—") for c in cols}}
                              for y in sorted(by_year)])
        sec.tables.append(Table("standards", "低保标准 / dibao standards (元/人·月)", frame))
        sec.text.append("各点口径 / kind of each point: " + "；".join(
            f"{AREA_ZH[a]}: {esc(_kind_runs(p, region.level))}" for a, p in points.items())
            + "。")
    growth = []
    for area, pts in points.items():
        span = int(pts["year"].iloc[-1] - pts["year"].iloc[0])
        if len(pts) < MIN_POINTS or span < MIN_SPAN:
            continue
        first, last = pts.iloc[0], pts.iloc[-1]
        real_cagr = (_cagr(first["real"], last["real"], span)
                     if first["real"] == first["real"] and last["real"] == last["real"] else None)
        growth.append({"area": area, "start": int(first["year"]), "end": int(last["year"]),
                       "first": round(float(first["monthly"]), 0),
                       "last": round(float(last["monthly"]), 0),
                       "nominal_pct": round(_cagr(first["monthly"], last["monthly"], span), 1),
                       "real_pct": None if real_cagr is None else round(real_cagr, 1),
                       "points": len(pts), "kind_first": first["kind"], "kind_last": last["kind"]})
    sec.data["growth"] = growth
    if growth:
        sec.tables.append(Table("growth", "低保标准年均增长 / average annual growth of the standard",
                                pd.DataFrame([{
                                    "城乡 area": AREA_ZH[g["area"]],
                                    "起止 years": f"{g['start']}–{g['end']}",
                                    "首年 first (元/人·月)": num(g["first"], 0),
                                    "末年 last (元/人·月)": num(g["last"], 0),
                                    "年均名义增长 nominal (%/年)": num(g["nominal_pct"], 1),
                                    "年均实际增长 real (%/年)": num(g["real_pct"], 1),
                                    "点数 points": g["points"],
                                    "首末口径 kind first → last":
                                        _kind(g["kind_first"], region.level, short=True)
                                        if g["kind_first"] == g["kind_last"] else
                                        f"{_kind(g['kind_first'], region.level, short=True)} → "
                                        f"{_kind(g['kind_last'], region.level, short=True)}"}
                                    for g in growth])))
    elif points:
        sec.after.append(f"点数少于 {MIN_POINTS} 个或跨度不足 {MIN_SPAN} 年，不计算年均增长。 / "
                         f"*Fewer than {MIN_POINTS} points or a span under {MIN_SPAN} years: no "
                         "average growth is stated.*")
    ratio = []
    if "urban" in points and "rural" in points:
        u = points["urban"].set_index("year")["monthly"]
        r = points["rural"].set_index("year")["monthly"]
        for y in sorted(set(u.index) & set(r.index)):
            ratio.append({"year": int(y), "urban": round(float(u[y]), 0),
                          "rural": round(float(r[y]), 0), "ratio": round(float(u[y] / r[y]), 2)})
    sec.data["ratio"] = ratio
    if ratio:
        sec.tables.append(Table("ratio", "城乡标准比 / urban–rural ratio", pd.DataFrame([{
            "年份 year": x["year"], "城市 urban (元/人·月)": num(x["urban"], 0),
            "农村 rural (元/人·月)": num(x["rural"], 0), "城乡比 ratio": num(x["ratio"], 2)}
            for x in ratio])))

    # text and headline
    latest = {a: p.iloc[-1] for a, p in points.items()}
    if stated_levels:
        sec.after.append("工作报告所述现行标准 / levels in force stated in reports: " + "；".join(
            f"{AREA_ZH[a]} {int(s.index[-1])}年 **{s.iloc[-1]:,.0f}** 元/月"
            for a, s in stated_levels.items()) + "（非官方统计 not official statistics）")
    if latest:
        sec.after.append("最新标准 / latest: " + "；".join(
            f"{AREA_ZH[a]} {int(r['year'])}年 **{r['monthly']:,.0f}** 元/月"
            f"（{_kind(r['kind'], region.level)}）" for a, r in latest.items()))
    elif not stated_levels:
        sec.after.append("**本地区在所选年份没有低保标准数据。** / *No dibao standard for this "
                         "region in the selected years.*")
    for a in ("urban", "rural"):
        sec.headline[f"dibao_standard_{a}"] = (round(float(latest[a]["monthly"]), 2)
                                               if a in latest else None)
        sec.headline[f"dibao_standard_{a}_year"] = int(latest[a]["year"]) if a in latest else None
    sec.headline["latest_year"] = max((int(r["year"]) for r in latest.values()), default=None)
    sec.headline["by_year"] = {f"dibao_standard_{a}": (
        {str(int(r.year)): round(float(r.monthly), 2) for r in points[a].itertuples()}
        if a in points else {}) for a in ("urban", "rural")}
    sec.data.update(points=points, base_year=base if cpi is not None else None)
    return sec


def share_of_consumption(facts, region, years) -> Section:
    """The standard as a share of the **previous year's** per-capita consumption, urban with
    urban and rural with rural: MCA's 消费支出比例法 sets this year's standard from last year's
    consumption (lag 1, :func:`~mzanalysis.indicators.share_of_consumption`)."""
    import pandas as pd
    from matplotlib.figure import Figure

    from ...plots import fit_margins, line_chart

    sec = Section("share")
    code = region.code
    parts = []
    for area in ("urban", "rural"):
        what = f"标准占上年消费比例 {AREA_ZH[area]} / share of consumption"
        std = get(facts, "dibao_standard", area, code)
        cons = get(facts, "consumption_expenditure", area, code)
        if std is None or cons is None:
            sec.missing.append((what, "缺少标准或消费支出 missing standard or consumption"))
            continue
        try:
            sh = ind.share_of_consumption(std, cons, lag=1)
        except ind.IndicatorError as exc:
            sec.missing.append((what, str(exc)))
            continue
        if sh.empty:
            sec.missing.append((what, "年份不重合 no matching years"))
            continue
        urls = dict(zip(cons["year"] + 1, cons["source_ref"].map(str)))
        sh = sh.assign(area=area, source_ref=sh["year"].map(urls))
        std_urls = dict(zip(std["year"], std["source_ref"].map(str)))
        sh = sh.assign(std_ref=sh["year"].map(std_urls))
        parts.append(sh)
        sec.series.append(download_rows(sh, indicator="standard_share_of_previous_year_consumption",
                                        value="share_pct", unit="percent", kind="computed",
                                        url_columns=("std_ref", "source_ref")))
    if parts:
        fig = Figure(figsize=(7, 3.4))
        ax = fig.subplots()
        line_chart(ax, {AREA_ZH[p["area"].iloc[0]]: p.set_index("year")["share_pct"]
                        for p in parts},
                   title="低保标准占上年人均消费支出 / standard as % of previous year's consumption",
                   ylabel="%", years=years)
        fit_margins(fig)
        sec.figure = fig
    rows = []
    for p in parts:
        for r in p.itertuples(index=False):
            rows.append({"area": r.area, "year": int(r.year), "standard": r.standard_yearly,
                         "consumption": r.consumption_yearly,
                         "share": round(float(r.share_pct), 1)})
    sec.data["share"] = rows
    if rows:
        sec.tables.append(Table("share", "标准占上年人均消费支出 / standard as % of the previous "
                                "year's consumption", pd.DataFrame([{
                                    "年份 year": x["year"], "城乡 area": AREA_ZH[x["area"]],
                                    "年化标准 standard (元/年)": num(x["standard"], 0),
                                    "上年人均消费 consumption t−1 (元/年)": num(x["consumption"], 0),
                                    "消费年份 consumption year": x["year"] - 1,
                                    "比例 share (%)": num(x["share"], 1)} for x in rows])))
        last = {}
        for x in rows:
            if x["area"] not in last or x["year"] > last[x["area"]]["year"]:
                last[x["area"]] = x
        sec.headline["share_of_consumption_pct"] = {a: x["share"] for a, x in sorted(last.items())}
    else:
        sec.text.append("无法计算：没有同时具备标准与上一年人均消费支出的年份。 / *Not computable: no "
                        "year with both a standard and the previous year's consumption.*")
    return sec


def province_context(facts, region, years) -> Section:
    """For a prefecture or county: its province's official standards beside its own figures."""
    import pandas as pd
    from matplotlib.figure import Figure

    from ...plots import fit_margins, line_chart
    from ...regions import resolve

    sec = Section("province")
    if region.level not in ("prefecture", "county"):
        sec.text.append("省级及以上不适用。 / *Not applicable at province level and above.*")
        return sec
    prov = resolve(region.code[:2] + "0000")
    series = {}
    last = []
    for area in ("urban", "rural"):
        rows = get(facts, "dibao_standard", area, prov.code)
        if rows is None:
            continue
        yearly = ind.annualise_standard(rows)
        s = (yearly.set_index("year")["value"] / 12.0).sort_index()
        series[f"{prov.name} {AREA_ZH[area]}（省平均 province average）"] = s
        last.append(f"{AREA_ZH[area]} {int(s.index[-1])}年 {s.iloc[-1]:,.0f} 元/月")
        sec.series.append(download_rows(yearly.assign(value=yearly["value"] / 12.0),
                                        indicator="dibao_standard", unit="yuan_per_person_month",
                                        kind="standard_kind"))
    if not series:
        sec.text.append("所在省份在所选年份没有官方低保标准。 / *The province has no official "
                        "standard in these years.*")
        return sec
    own = {}
    for area in ("urban", "rural"):
        rows = get(facts, "dibao_standard", area, region.code)
        if rows is not None:
            own[f"{region.name} {AREA_ZH[area]}"] = (
                ind.annualise_standard(rows).set_index("year")["value"] / 12.0)
    fig = Figure(figsize=(8, 3.2))
    ax = fig.subplots()
    line_chart(ax, {**series, **own}, title=f"{region.name} 与 {prov.name} / vs the province "
               "(元/人·月)", ylabel="元 yuan", years=years)
    fit_margins(fig)
    sec.figure = fig
    sec.text.append(f"{esc(prov.name)} 省平均标准 / province average: " + "；".join(last) + "。")
    sec.data["province"] = pd.concat(
        [s.rename("monthly").reset_index().assign(area=k) for k, s in series.items()])
    return sec
