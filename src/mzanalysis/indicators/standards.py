"""Indicators of the level and growth of assistance standards (低保标准 and the like).

Inputs are series frames from :func:`mzanalysis.indicators.base.select`; outputs are tidy frames
with the identifying columns (region_code, region, level, year, area) and the result columns.
"""
from __future__ import annotations

from typing import Sequence

from .base import (IndicatorError, MissingYearError, TooFewObservationsError, UnitError,
                   check_units, pair, ratio_table, result)

MONTHLY = "yuan_per_person_month"
YEARLY = "yuan_per_person_year"


def annualise_standard(series):
    """Per-person standard in yuan per year.

    Formula: ``annual = monthly × 12`` for rows in ``yuan_per_person_month``; rows already in
    ``yuan_per_person_year`` are kept. Anchor: MCA bulletins give the rural dibao standard per
    month up to 2011 and per year from 2012 (2011 rural 143.2 元/月 = 1718.4 元/年), and urban
    standards per month throughout; an annual series needs one unit. Any other unit (persons,
    yuan totals) raises :class:`UnitError` naming the rows. ``value_high`` is converted too.
    """
    bad = ~series["unit"].isin([MONTHLY, YEARLY])
    if bad.any():
        check_units(series.loc[bad], [MONTHLY, YEARLY], "annualise_standard")
    out = series.copy()
    monthly = out["unit"] == MONTHLY
    out.loc[monthly, "value"] = out.loc[monthly, "value"] * 12.0
    if "value_high" in out.columns:
        out.loc[monthly, "value_high"] = out.loc[monthly, "value_high"] * 12.0
    out["unit"] = YEARLY
    return out


def _by_region(series):
    return series.sort_values(["region_code", "area", "year"]).groupby(
        ["region_code", "area"], sort=False)


def nominal_growth(series, *, allow_gaps: bool = False):
    """Year-on-year nominal growth in percent.

    Formula: ``g_t = (v_t / v_{t-1} − 1) × 100``. With ``allow_gaps=True`` a gap of k years is
    bridged by the annualised rate ``((v_t / v_s)^(1/k) − 1) × 100`` and ``years_spanned`` = k;
    otherwise a gap raises :class:`MissingYearError` naming the region and missing years (growth
    across a gap is not a one-year change). The series must have one unit (see
    :func:`annualise_standard`). Anchor: the MCA bulletins' "比上年增长 x %".
    """
    check_units(series, sorted(set(series["unit"].astype(str))), "nominal_growth")
    rows = []
    for (code, area), grp in _by_region(series):
        years = grp["year"].to_list()
        values = grp["value"].to_list()
        for i in range(1, len(years)):
            span = years[i] - years[i - 1]
            if span > 1 and not allow_gaps:
                raise MissingYearError(
                    f"nominal_growth: {grp['region'].iloc[0]} ({code}, {area}) has no figure for "
                    f"{list(range(years[i - 1] + 1, years[i]))}; pass allow_gaps=True for "
                    "annualised growth across the gap")
            if values[i - 1] <= 0:
                raise IndicatorError(f"nominal_growth: non-positive value {values[i - 1]} for "
                                     f"{code} {years[i - 1]}")
            row = grp.iloc[i].to_dict()
            row["growth_pct"] = ((values[i] / values[i - 1]) ** (1.0 / span) - 1.0) * 100.0
            row["years_spanned"] = span
            row["from_year"] = years[i - 1]
            rows.append(row)
    if not rows:
        raise TooFewObservationsError("nominal_growth: every region has a single observation; "
                                      "growth needs two years")
    import pandas as pd

    return result(pd.DataFrame(rows), ["from_year", "years_spanned", "growth_pct"])


def price_index(cpi, *, base_year: int | None = None):
    """Chain a CPI given as previous-year = 100 into a price level with ``base_year`` = 100.

    Formula: ``P_base = 100``; ``P_t = P_{t-1} × cpi_t / 100`` forward and
    ``P_{t-1} = P_t / (cpi_t / 100)`` backward. Anchor: NBS publishes the annual CPI as
    上年=100, so a level series has to be chained. A year missing inside the chain raises
    :class:`MissingYearError` (a chain cannot skip a year). Returns columns region_code, year,
    price_level. One chain per region (use the national CPI for national deflation). Without
    ``base_year`` each chain starts at 100 in the year before its first CPI figure.
    """
    import pandas as pd

    check_units(cpi, ["index"], "price_index (cpi)")
    out = []
    for code, grp in cpi.sort_values("year").groupby("region_code"):
        idx = dict(zip(grp["year"].astype(int), grp["value"].astype(float)))
        years = sorted(idx)
        base = years[0] - 1 if base_year is None else base_year
        lo, hi = min(years + [base]), max(years)
        need = [y for y in range(lo + 1, hi + 1) if y not in idx]
        if base < min(years) - 1 or need:
            raise MissingYearError(f"price_index: CPI (previous year = 100) for {code} is missing "
                                   f"year(s) {need or [base + 1]} needed to chain from {base}")
        level = {base: 100.0}
        for y in range(base + 1, hi + 1):
            level[y] = level[y - 1] * idx[y] / 100.0
        for y in range(base, min(years) - 1, -1):
            if y in idx:
                level[y - 1] = level[y] / (idx[y] / 100.0)
        out += [{"region_code": code, "year": y, "price_level": v} for y, v in sorted(level.items())]
    return pd.DataFrame(out)


def real_level(series, cpi, *, base_year: int):
    """A money series in constant prices of ``base_year`` (e.g. 2024 元).

    Formula: ``real_t = v_t × P_base / P_t`` with ``P`` the chained price level of
    :func:`price_index` (``P_base = 100``); a national CPI (region 000000) deflates every region,
    otherwise each region's own CPI. Anchor: NBS practice of quoting real figures at a stated
    base year's prices (按可比价格计算). Rows whose year has no price level are dropped and counted
    in ``attrs['unpaired']``; if none can be deflated, :class:`MissingYearError`.

    Returns the series' identifying columns (region_code, region, level, year, area, …), ``value``
    (nominal), ``unit`` and ``real_value`` (in ``base_year`` prices); ``attrs['base_year']``.
    """
    levels = price_index(cpi, base_year=base_year)
    national = set(cpi["region_code"]) == {"000000"}
    key = {(r, int(y)): p for r, y, p in levels[["region_code", "year", "price_level"]]
           .itertuples(index=False)}
    out = series.copy()
    factor = [key.get(("000000" if national else code, int(year)))
              for code, year in zip(out["region_code"], out["year"])]
    keep = [f is not None for f in factor]
    unpaired = len(out) - sum(keep)
    out = out.loc[keep].copy()
    if out.empty:
        raise MissingYearError(f"real_level: no CPI year matches the series' years "
                               f"{sorted(set(series['year']))[:10]}")
    out["real_value"] = out["value"].astype(float) * 100.0 / [f for f in factor if f is not None]
    out.attrs.update(base_year=base_year, unpaired=unpaired)
    return out.reset_index(drop=True)


def real_growth(series, cpi, *, allow_gaps: bool = False):
    """Year-on-year real growth in percent, deflated by a chained CPI.

    Formula: ``r_t = ((v_t / v_s) / (P_t / P_s))^(1/(t−s)) − 1`` (×100), with ``P`` from
    :func:`price_index`; for consecutive years ``P_t / P_s = cpi_t / 100``. A national CPI
    (region 000000) deflates every region. Missing CPI years raise :class:`MissingYearError`.
    """
    growth = nominal_growth(series, allow_gaps=allow_gaps)
    national = set(cpi["region_code"]) == {"000000"}
    # The first CPI figure links its year to the year before, so the chain starts one year earlier.
    levels = price_index(cpi)
    lv = {(r, y): p for r, y, p in levels[["region_code", "year", "price_level"]].itertuples(
        index=False)}
    real = []
    for row in growth.itertuples(index=False):
        code = "000000" if national else row.region_code
        try:
            ratio = lv[(code, row.year)] / lv[(code, row.from_year)]
        except KeyError as exc:
            raise MissingYearError(f"real_growth: no CPI to deflate {row.region} "
                                   f"{row.from_year}→{row.year} (missing {exc.args[0]})") from None
        nominal_factor = (1 + row.growth_pct / 100.0) ** row.years_spanned
        real.append(((nominal_factor / ratio) ** (1.0 / row.years_spanned) - 1.0) * 100.0)
    growth["real_growth_pct"] = real
    return growth


def cagr(series, *, start: int, end: int):
    """Compound annual growth rate between ``start`` and ``end`` in percent.

    Formula: ``CAGR = ((v_end / v_start)^(1/(end − start)) − 1) × 100``. A region missing
    either endpoint raises :class:`MissingYearError` naming it (no silent NaN row).
    """
    import pandas as pd

    if end <= start:
        raise IndicatorError(f"cagr: end ({end}) must be after start ({start})")
    check_units(series, sorted(set(series["unit"].astype(str))), "cagr")
    rows, missing = [], []
    for (code, area), grp in _by_region(series):
        vals = dict(zip(grp["year"], grp["value"]))
        gone = [y for y in (start, end) if y not in vals]
        if gone:
            missing.append(f"{grp['region'].iloc[0]} ({code}, {area}): {gone}")
            continue
        row = grp.iloc[0][["region_code", "region", "level", "area"]].to_dict()
        row.update(start=start, end=end, value_start=vals[start], value_end=vals[end],
                   cagr_pct=((vals[end] / vals[start]) ** (1 / (end - start)) - 1) * 100)
        rows.append(row)
    if missing:
        raise MissingYearError("cagr: endpoint year(s) missing for " + "; ".join(missing))
    return pd.DataFrame(rows)


def urban_rural_ratio(standards):
    """Urban standard divided by rural standard, per region and year, both annualised.

    Formula: ``ratio = (urban × k_u) / (rural × k_r)`` with k = 12 for monthly figures, else 1.
    Anchor: the urban–rural gap the 2014 State Council 社会救助暂行办法 and MCA 城乡统筹 policy
    aim to close (ratio → 1). Region-years with only one area are left out of the result and
    counted in ``attrs['unpaired']``; if no region-year has both, :class:`MissingYearError`.
    """
    annual = annualise_standard(standards)
    urban = annual.loc[annual["area"] == "urban"]
    rural = annual.loc[annual["area"] == "rural"]
    if urban.empty or rural.empty:
        raise MissingYearError("urban_rural_ratio needs both urban and rural standards; got areas "
                               f"{sorted(set(annual['area']))}")
    merged, unpaired = pair(urban, rural, left_name="urban standard", right_name="rural standard",
                            match_area=False)
    return ratio_table(merged.assign(area="all"), unpaired, left="urban_yearly",
                       right="rural_yearly", name="ratio")


def share_of(standards, denominator, *, denominator_name: str, lag: int = 0):
    """Annualised standard as a percentage of a per-capita annual denominator, by area.

    Formula: ``share = annualised standard_t / D_{t−lag} × 100``. Anchors: UNICEF China's atlas
    of children (2013 data: urban line ≈ 25 %, rural ≈ 37 % of per-capita consumption) with
    lag 0; MCA 2024 消费支出比例法, which sets the standard as a proportion of the previous
    year's per-capita consumption expenditure (lag 1). Urban standards are paired with urban
    denominators, rural with rural. The denominator must be in yuan per person per year.
    """
    check_units(denominator, [YEARLY], f"share_of ({denominator_name})")
    annual = annualise_standard(standards)
    merged, unpaired = pair(annual, denominator, left_name="standard", right_name=denominator_name,
                            lag=lag)
    out = ratio_table(merged, unpaired, left="standard_yearly", right=denominator_name,
                      name="share_pct", scale=100.0)
    out.attrs["lag"] = lag
    return out


def share_of_consumption(standards, consumption, *, lag: int = 0):
    """Standard as % of per-capita consumption expenditure (消费支出比例法). See :func:`share_of`."""
    return share_of(standards, consumption, denominator_name="consumption_yearly", lag=lag)


def share_of_income(standards, income, *, lag: int = 0):
    """Standard as % of per-capita disposable income (or rural net income before 2013).

    Formula as :func:`share_of`; anchor: the income-proportion method some provinces use
    (e.g. 30–40 % of per-capita disposable income) and Ravallion's (2009) line–income relation.
    """
    return share_of(standards, income, denominator_name="income_yearly", lag=lag)


def vs_poverty_line(rural_standards, poverty_line):
    """Rural standard relative to the national rural poverty line (国家扶贫标准).

    Formula: ``ratio = annualised rural standard / poverty line`` and ``gap = standard − line``
    (yuan per year). Anchor: the 2016 State Council opinion on linking dibao with poverty
    alleviation (两线合一) requires rural dibao standards to reach the poverty line by 2020. A
    national-only poverty line applies to every region. Only rural standards are accepted.
    """
    areas = sorted(set(rural_standards["area"]))
    if areas != ["rural"]:
        raise IndicatorError(f"vs_poverty_line compares rural standards only; got areas {areas}")
    check_units(poverty_line, [YEARLY], "vs_poverty_line (poverty line)")
    annual = annualise_standard(rural_standards)
    merged, unpaired = pair(annual, poverty_line, left_name="rural standard",
                            right_name="poverty line", match_area=False, broadcast_national=True)
    out = ratio_table(merged, unpaired, left="standard_yearly", right="poverty_line", name="ratio")
    out["gap_yearly"] = out["standard_yearly"] - out["poverty_line"]
    return out


def area_population(population, urbanisation_rate):
    """Urban and rural resident population from total population × urbanisation rate.

    Formula: ``urban = P × u / 100``, ``rural = P × (1 − u / 100)``. Anchor: NBS 常住人口城镇化率
    is the urban share of the resident population. Returns a series frame (areas urban and rural,
    unit persons) usable as a denominator or a weight.
    """
    import pandas as pd

    check_units(population, ["persons"], "area_population (population)")
    check_units(urbanisation_rate, ["percent"], "area_population (urbanisation rate)")
    pop = population.loc[population["area"] == "all"]
    rate = urbanisation_rate.loc[urbanisation_rate["area"] == "all"]
    merged, _ = pair(pop, rate, left_name="population", right_name="urbanisation rate",
                     match_area=False)
    if ((merged["_right"] < 0) | (merged["_right"] > 100)).any():
        raise UnitError("area_population: urbanisation rate outside 0–100 %")
    urban = merged.assign(area="urban", value=merged["value"] * merged["_right"] / 100)
    rural = merged.assign(area="rural", value=merged["value"] * (1 - merged["_right"] / 100))
    out = pd.concat([urban, rural], ignore_index=True).drop(columns="_right")
    out["indicator"] = "population"
    return out.sort_values(["region_code", "year", "area"]).reset_index(drop=True)


def weighted_mean(series, weights, *, level: str = "province", region_code: str = "000000",
                  region: str = "中国"):
    """Population-weighted mean across regions, per year and area, as a national series frame.

    Formula: ``x̄_t = Σ_i w_it x_it / Σ_i w_it``. Used to build a national per-capita consumption
    figure from provincial ones when no national figure is cited (urban consumption weighted by
    urban population). Only region-years present in both are used; the result records the number
    of regions in ``n_regions`` so a partial cross-section is visible.
    """
    import pandas as pd

    merged, _ = pair(series, weights, left_name="values", right_name="weights")
    rows = []
    for (year, area), grp in merged.groupby(["year", "area"]):
        rows.append({"region_code": region_code, "region": region, "level": "national",
                     "year": int(year), "period": str(int(year)), "area": area,
                     "indicator": grp["indicator"].iloc[0], "unit": grp["unit"].iloc[0],
                     "value": float((grp["value"] * grp["_right"]).sum() / grp["_right"].sum()),
                     "n_regions": len(grp)})
    return pd.DataFrame(rows)
