"""Brief section on coverage and adequacy: recipients, coverage by area, spending, spending per
recipient, the average benefit against the standard and spending as a share of GDP.

Coverage has one definition (:func:`mzanalysis.indicators.coverage_rate`): year-end recipients of
an area over the resident population of **the same area** — rural coverage is rural recipients
over the rural population, not over the total population (that is a share of the total, which
halves Gansu's 2013 rural figure).
"""
from __future__ import annotations

from ... import indicators as ind
from ...briefs.render import md_escape as esc
from .result import AREA_ZH, REPORTED, Section, Table, download_rows, get, has_data, num

DEFINITION = ("覆盖率 = 年末低保人数 ÷ 同一城乡范围的常住人口 × 100（农村覆盖率 = 农村低保人数 ÷ 农村常住"
              "人口，而非 ÷ 总人口；世界银行 ASPIRE 覆盖率的行政数据对应指标）。 / *Coverage = year-end "
              "recipients ÷ resident population of the same area × 100 (rural coverage = rural "
              "recipients ÷ rural population, not ÷ total population; administrative analogue of "
              "World Bank ASPIRE coverage).*")


def _total(rec):
    """Recipients of the whole region: the ``all`` rows, else urban + rural in years with both."""
    import pandas as pd

    if rec.get("all") is not None:
        return rec["all"]
    if rec.get("urban") is None or rec.get("rural") is None:
        return None
    both = rec["urban"].merge(rec["rural"][["year", "value", "source_ref"]], on="year",
                              suffixes=("", "_r"))
    if both.empty:
        return None
    return pd.DataFrame({"region_code": both["region_code"], "region": both["region"],
                         "level": both["level"], "year": both["year"], "period": both["period"],
                         "indicator": "dibao_recipients", "area": "all",
                         "value": both["value"] + both["value_r"], "unit": "persons",
                         "source_ref": both["source_ref"] + " ; " + both["source_ref_r"].map(str)})


def _stated_coverage(stated, sec):
    """For a region without an official series: coverage from the recipients and population its
    reports state (labelled as such); returns the plotted series."""
    from .stated import stated_series

    rec, cov = {}, {}
    for a in ("urban", "rural", "all"):
        s = stated_series(stated, "dibao_recipients", a)
        if s is not None:
            rec[AREA_ZH[a] + REPORTED] = s
    pop = stated_series(stated, "population", "all")
    if pop is not None:
        for k, s in rec.items():
            both = s.index.intersection(pop.index)
            if len(both):
                cov[k] = s.loc[both] / pop.loc[both] * 100.0
    for k, s in cov.items():
        # reports state one population (the whole region): for urban or rural recipients this
        # is their share of the total, not the same-area coverage of the official series
        total = k.startswith(AREA_ZH["all"])
        sec.text.append(f"报告所述覆盖率 / coverage from stated figures: {esc(k)} "
                        f"{int(s.index[-1])}年 **{s.iloc[-1]:.2f}%**（低保人数 ÷ 报告所述总人口 "
                        f"{pop.loc[s.index[-1]]:,.0f} 人 / stated recipients ÷ stated total "
                        "population" + ("" if total else "；占总人口比例，不是同一范围的覆盖率 / a "
                                        "share of the total, not same-area coverage") + "）")
    return rec, cov



def _each_area(areas, compute, inputs) -> list:
    """``compute(*inputs(area))`` for every area whose inputs all exist; an area the indicator
    refuses (IndicatorError, e.g. no common year) is left out and the section says so."""
    out = []
    for a in areas:
        args = inputs(a)
        if any(x is None for x in args):
            continue
        try:
            out.append(compute(*args))
        except ind.IndicatorError:
            continue
    return out


def coverage(facts, region, years, *, stated=None, status: str = "official") -> Section:
    """Recipients, coverage, spending and adequacy of ``region`` in ``years``."""
    import pandas as pd
    from matplotlib.figure import Figure

    from ...plots import fit_margins, format_persons, line_chart

    sec = Section("coverage")
    code = region.code
    sec.text.append(DEFINITION)
    rec = {a: get(facts, "dibao_recipients", a, code) for a in ("urban", "rural", "all")}
    pop = {a: get(facts, "population", a, code) for a in ("urban", "rural", "all")}
    total = _total(rec)
    for a in ("urban", "rural", "all"):
        if rec[a] is None and not (a == "all" and total is not None):
            sec.missing.append((f"低保人数 {AREA_ZH[a]} / recipients", "无数据 no data"))
    if pop["all"] is None:
        sec.missing.append(("常住人口 / population", "无数据，无法计算覆盖率 no data: coverage "
                            "not computable"))
    rates = {}
    for a in ("urban", "rural", "all"):
        r = total if a == "all" else rec[a]
        if r is None:
            continue
        if pop[a] is None:
            if a != "all":
                sec.missing.append((f"常住人口 {AREA_ZH[a]} / population", "无数据 no data"))
            continue
        try:
            cov = ind.coverage_rate(r, pop[a])
        except ind.IndicatorError as exc:
            sec.missing.append((f"覆盖率 {AREA_ZH[a]} / coverage", str(exc)))
            continue
        if len(cov):
            urls = dict(zip(r["year"], r["source_ref"].map(str)))
            purls = dict(zip(pop[a]["year"], pop[a]["source_ref"].map(str)))
            rates[a] = cov.assign(rec_ref=cov["year"].map(urls), pop_ref=cov["year"].map(purls))
    rec_plot = {AREA_ZH[a]: (rec[a].set_index("year")["value"] / 1e4 if rec[a] is not None
                             else None) for a in ("urban", "rural", "all")}
    cov_plot = {AREA_ZH[a]: c.set_index("year")["rate"] for a, c in rates.items()}
    if status != "official" and stated is not None and len(stated):
        srec, scov = _stated_coverage(stated, sec)
        rec_plot.update({k: v / 1e4 for k, v in srec.items()})
        cov_plot.update(scov)
        docs = " ; ".join(sorted(set(stated["source"].astype(str))))
        for k, s in scov.items():
            sec.series.append(pd.DataFrame({
                "region_code": code, "region": region.name,
                "indicator": "stated_recipients_share_of_stated_population",
                "area": next(a for a, z in AREA_ZH.items() if k.startswith(z)),
                "year": s.index.astype(int), "value": s.to_numpy().astype(float).round(6),
                "unit": "percent", "kind": "stated_in_report",
                "source_url": "work report: " + docs}))
        for k, s in srec.items():
            sec.series.append(pd.DataFrame({
                "region_code": code, "region": region.name, "indicator": "dibao_recipients",
                "area": next(a for a, z in AREA_ZH.items() if k.startswith(z)),
                "year": s.index.astype(int), "value": s.to_numpy().astype(float),
                "unit": "persons", "kind": "stated_in_report",
                "source_url": "work report: " + " ; ".join(sorted(set(
                    stated.loc[stated["indicator"] == "dibao_recipients", "source"].astype(str))))
            }))
    spend = {a: get(facts, "dibao_expenditure", a, code) for a in ("urban", "rural", "all")}
    for a, s in spend.items():
        if s is None:
            sec.missing.append((f"低保支出 {AREA_ZH[a]} / spending", "无数据 no data"))
    spend_plot = {AREA_ZH[a]: (s.set_index("year")["value"] / 1e8 if s is not None else None)
                  for a, s in spend.items()}
    if has_data(rec_plot, cov_plot, spend_plot):
        fig = Figure(figsize=(11, 3.2))
        axes = fig.subplots(1, 3)
        line_chart(axes[0], rec_plot, title="低保人数 / recipients (万人)", ylabel="万人",
                   years=years)
        line_chart(axes[1], cov_plot, title="覆盖率 / coverage (%)", ylabel="%", years=years)
        line_chart(axes[2], spend_plot, title="低保支出 / spending (亿元)", ylabel="亿元",
                   years=years)
        fit_margins(fig)
        sec.figure = fig
    else:
        sec.text.append("本地区在所选年份没有低保人数、覆盖率或支出数据。 / *No recipients, coverage or "
                        "spending for this region in the selected years.*")
    for a in ("urban", "rural", "all"):
        if rec[a] is not None:
            sec.series.append(download_rows(rec[a], indicator="dibao_recipients", unit="persons",
                                            kind="official"))
        if a in rates:
            sec.series.append(download_rows(rates[a], indicator="coverage", value="rate",
                                            unit="percent", kind="computed",
                                            url_columns=("rec_ref", "pop_ref")))
        if spend[a] is not None:
            sec.series.append(download_rows(spend[a], indicator="dibao_expenditure", unit="yuan",
                                            kind="official"))

    # coverage table (the findings cite it)
    cov_rows = []
    for a, c in rates.items():
        for r in c.itertuples(index=False):
            cov_rows.append({"area": a, "year": int(r.year), "recipients": float(r.recipients),
                             "population": float(r.population), "rate": round(float(r.rate), 2)})
    sec.data["coverage"] = cov_rows
    if cov_rows:
        by = {}
        for x in cov_rows:
            by.setdefault(x["year"], {})[x["area"]] = x
        areas = [a for a in ("urban", "rural", "all") if a in rates]
        frame = pd.DataFrame([{"年份 year": y, **{
            f"{AREA_ZH[a]} 覆盖率 coverage (%)": num(by[y][a]["rate"], 2) if a in by[y] else "—"
            for a in areas}, **{
            f"{AREA_ZH[a]} 低保人数 recipients": (format_persons(by[y][a]["recipients"])
                                               if a in by[y] else "—") for a in areas}}
            for y in sorted(by)])
        # the change from the first to the last year of each area, as the findings state it
        change = {"年份 year": "首末变化 change (百分点 pp)"}
        for a in areas:
            mine = sorted((x for x in cov_rows if x["area"] == a), key=lambda x: x["year"])
            d = round(mine[-1]["rate"] - mine[0]["rate"], 2) if len(mine) > 1 else None
            change[f"{AREA_ZH[a]} 覆盖率 coverage (%)"] = (
                "—" if d is None else
                f"{'上升 rose' if d > 0 else '下降 fell' if d < 0 else '持平 unchanged'} "
                f"{num(abs(d), 2)} ({mine[0]['year']}–{mine[-1]['year']})")
        frame = pd.concat([frame, pd.DataFrame([change])], ignore_index=True).fillna("")
        sec.tables.append(Table("coverage", "覆盖率 / coverage", frame))

    # adequacy: spending per recipient, benefit vs standard, spending as a share of GDP
    per = _each_area(("urban", "rural", "all"), ind.spending_per_recipient,
                     lambda a: (spend[a], total if a == "all" else rec[a]))
    if per:
        p = pd.concat(per, ignore_index=True).sort_values(["year", "area"])
        sec.tables.append(Table("per_recipient", "人均低保支出 / spending per recipient",
                                pd.DataFrame({
                                    "年份 year": p["year"], "城乡 area": p["area"].map(AREA_ZH),
                                    "支出 spending (亿元)": (p["expenditure"] / 1e8).map(
                                        lambda v: num(v, 1)),
                                    "年末人数 recipients": p["recipients"].map(format_persons),
                                    "人均 per recipient (元/年)": p["per_recipient_yearly"].map(
                                        num)})))
    else:
        sec.after.append("没有同年的支出和人数，无法计算人均支出。 / *No year with both spending and "
                         "recipients: spending per recipient not computable.*")
    depth = _each_area(("urban", "rural"), ind.benefit_to_standard,
                       lambda a: (get(facts, "dibao_avg_benefit", a, code),
                                  get(facts, "dibao_standard", a, code)))
    if depth:
        d = pd.concat(depth, ignore_index=True).sort_values(["year", "area"])
        sec.tables.append(Table("benefit", "平均补助水平与标准 / average benefit vs the standard",
                                pd.DataFrame({
                                    "年份 year": d["year"], "城乡 area": d["area"].map(AREA_ZH),
                                    "平均补助 average benefit (元/人·月)":
                                        (d["benefit_yearly"] / 12).map(num),
                                    "标准 standard (元/人·月)": (d["standard_yearly"] / 12).map(num),
                                    "补助占标准 benefit ÷ standard (%)": d["depth_pct"].map(
                                        lambda v: num(v, 1))})))
    else:
        sec.after.append("平均补助水平与标准没有同一年的数据。 / *No year with both the average "
                         "benefit and the standard.*")
    gdp_pc, exp_any = get(facts, "gdp_per_capita", "all", code), [s for s in spend.values()
                                                                  if s is not None]
    share = None
    if gdp_pc is not None and pop["all"] is not None and exp_any:
        try:
            share = ind.spending_share_of_gdp(pd.concat(exp_any, ignore_index=True), gdp_pc,
                                              pop["all"])
        except ind.IndicatorError:
            share = None
    if share is not None and len(share):
        sec.tables.append(Table("gdp", "低保支出占地区生产总值 / spending as a share of GDP",
                                pd.DataFrame({
                                    "年份 year": share["year"],
                                    "支出 spending (亿元)": (share["expenditure"] / 1e8).map(
                                        lambda v: num(v, 1)),
                                    "地区生产总值 GDP (亿元)": (share["gdp"] / 1e8).map(num),
                                    "占比 share (%)": share["share_pct"].map(lambda v: num(v, 3))})))
    else:
        sec.after.append("没有同年的低保支出、人均地区生产总值和人口，无法计算支出占 GDP 比例；预算支出数据"
                         "太少，亦不计算占预算比例。 / *Spending as a share of GDP is not available "
                         "(no year with spending, GDP per capita and population); budget "
                         "spending is too sparse for a share of the budget.*")

    # headline (official figures only)
    if total is not None and len(total):
        t = total.sort_values("year").iloc[-1]
        sec.headline["dibao_recipients"] = round(float(t["value"]) / 1e4, 1)
        sec.headline["dibao_recipients_year"] = int(t["year"])
    else:
        sec.headline["dibao_recipients"] = sec.headline["dibao_recipients_year"] = None
    if "all" in rates:
        c = rates["all"].sort_values("year").iloc[-1]
        sec.headline["coverage_pct"] = round(float(c["rate"]), 2)
        sec.headline["coverage_year"] = int(c["year"])
    else:
        sec.headline["coverage_pct"] = sec.headline["coverage_year"] = None
    sec.headline["by_year"] = {f"coverage_{a}": (
        {str(int(r.year)): round(float(r.rate), 2) for r in rates[a].itertuples()}
        if a in rates else {}) for a in ("urban", "rural")}
    return sec
