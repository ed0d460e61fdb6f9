"""Headline numbers the notebooks report and the tests check against published figures.

Each function says which series it used (a cited national figure, or one built from the
provincial panel) so a reader can trace the number; where neither exists it raises
:class:`~mzanalysis.indicators.MissingYearError` rather than guess.

Published anchors reproduced here:
- UNICEF China, *Children in China: an atlas of social indicators* (2013 data): urban dibao line
  ≈ 25 %, rural ≈ 37 % of per-capita consumption expenditure.
- MCA: total dibao recipients 75.8 million (2011) → 40.3 million (2022).
- Ravallion (2009): poorer places set lower lines (positive line–income elasticity).
"""
from __future__ import annotations

import re

from .indicators import base, standards
from .indicators.base import IndicatorError, MissingYearError

#: The 31 mainland provinces; a provincial sum or mean is "national" only when all are present.
N_PROVINCES = 31

# MCA bulletins state the change on the previous year: "比上年提高343元" (rose by 343 yuan).
_RISE = re.compile(r"比上年(提高|增加)(\d+(?:\.\d+)?)元")


def national_standard(facts, year: int, area: str) -> dict:
    """National average dibao standard (yuan per person per year) for ``year`` and ``area``.

    Uses the cited national figure; if there is none, derives it from the following year's cited
    figure and that same source's stated rise ("比上年提高 X 元", in the unit of the figure), and
    says so in ``source`` (e.g. rural 2013 = 2777 − 343 = 2434 元/年 from the 2014 bulletin).
    """
    series = base.select(facts, "dibao_standard", area=area, level="national")
    rows = series.loc[series["year"] == year]
    if len(rows):
        annual = standards.annualise_standard(rows)
        return {"value": float(annual["value"].iloc[0]), "source": "cited national figure",
                "source_ref": str(rows["source_ref"].iloc[0])}
    nxt = series.loc[series["year"] == year + 1]
    if len(nxt):
        match = _RISE.search(str(nxt["source_ref"].iloc[0]))
        if match:
            derived = nxt.assign(value=nxt["value"] - float(match.group(2)))
            annual = standards.annualise_standard(derived)
            return {"value": float(annual["value"].iloc[0]),
                    "source": f"derived: {year + 1} figure minus the rise its source states "
                              f"({match.group(0)})",
                    "source_ref": str(nxt["source_ref"].iloc[0])}
    raise MissingYearError(f"no national {area} dibao standard for {year}, and no {year + 1} "
                           "figure stating the rise on the previous year")


def national_per_capita(facts, indicator: str, year: int, area: str,
                        min_regions: int = N_PROVINCES) -> dict:
    """National per-capita figure (e.g. consumption) for ``year`` and ``area``.

    The cited national figure when there is one; otherwise the population-weighted mean of the
    provincial figures, ``Σ P_i,area x_i / Σ P_i,area``, with urban and rural population from
    resident population × urbanisation rate (:func:`~mzanalysis.indicators.area_population`),
    requiring ``min_regions`` provinces so a partial cross-section is never passed off as national.
    """
    try:
        cited = base.select(facts, indicator, area=area, level="national", years=[year])
        return {"value": float(cited["value"].iloc[0]), "source": "cited national figure",
                "n_regions": None}
    except IndicatorError:
        pass
    values = base.select(facts, indicator, area=area, level="province", years=[year])
    population = base.select(facts, "population", area="all", level="province", years=[year])
    if area == "all":
        weights = population
    else:
        rate = base.select(facts, "urbanisation_rate", area="all", level="province", years=[year])
        weights = standards.area_population(population, rate)
        weights = weights.loc[weights["area"] == area]
    mean = standards.weighted_mean(values, weights)
    n = int(mean["n_regions"].iloc[0])
    if n < min_regions:
        raise MissingYearError(f"{indicator} {area} {year}: only {n} provinces have both the "
                               f"figure and population weights (need {min_regions})")
    return {"value": float(mean["value"].iloc[0]), "n_regions": n,
            "source": f"population-weighted mean of {n} provincial figures "
                      f"({area} population = population × urbanisation rate)"}


def standard_share_of_consumption(facts, year: int, area: str) -> dict:
    """National standard as % of national per-capita consumption (UNICEF / 消费支出比例法)."""
    std = national_standard(facts, year, area)
    cons = national_per_capita(facts, "consumption_expenditure", year, area)
    return {"year": year, "area": area, "share_pct": std["value"] / cons["value"] * 100.0,
            "standard_yearly": std["value"], "standard_source": std["source"],
            "consumption_yearly": cons["value"], "consumption_source": cons["source"]}


def total_recipients(facts, year: int) -> dict:
    """Urban + rural dibao recipients (persons) in ``year``.

    From the cited national series when it has both areas for the year; otherwise the sum over
    provinces, which must cover all 31 in both areas (the README of the shared panel notes its
    urban table is incomplete before 2011).
    """
    try:
        nat = base.select(facts, "dibao_recipients", area=["urban", "rural"], level="national",
                          years=[year])
        if set(nat["area"]) == {"urban", "rural"}:
            return {"value": float(nat["value"].sum()), "source": "cited national figures",
                    "urban": float(nat.loc[nat["area"] == "urban", "value"].iloc[0]),
                    "rural": float(nat.loc[nat["area"] == "rural", "value"].iloc[0])}
    except IndicatorError:
        pass
    try:
        prov = base.select(facts, "dibao_recipients", area=["urban", "rural"], level="province",
                           years=[year])
    except IndicatorError:
        raise MissingYearError(f"no national or provincial dibao recipients for {year}") from None
    counts = prov.groupby("area")["region_code"].nunique().to_dict()
    if any(counts.get(a, 0) < N_PROVINCES for a in ("urban", "rural")):
        raise MissingYearError(f"dibao recipients {year}: no national figure and provinces cover "
                               f"only {counts} (need {N_PROVINCES} in each area)")
    by_area = prov.groupby("area")["value"].sum()
    return {"value": float(by_area.sum()), "urban": float(by_area["urban"]),
            "rural": float(by_area["rural"]),
            "source": f"sum over {N_PROVINCES} provinces (urban and rural)"}


def line_income_table(facts, year: int, area: str = "urban"):
    """Provincial standards (annualised) beside per-capita disposable income for one year.

    Standards use the annual figure or, if none, the latest figure of the year (MCA's June 2011
    table for urban 2011); income is the NBS annual figure for the same area.
    """
    st = base.select(facts, "dibao_standard", area=area, level="province", years=[year],
                     periods="prefer_annual")
    st = standards.annualise_standard(st)
    inc = base.select(facts, "disposable_income", area=area, level="province", years=[year])
    merged = st[["region_code", "region", "year", "period", "value"]].rename(
        columns={"value": "standard"}).merge(
        inc[["region_code", "value"]].rename(columns={"value": "income"}), on="region_code")
    if len(merged) < 3:
        raise MissingYearError(f"{area} {year}: only {len(merged)} provinces have both a standard "
                               "and disposable income")
    return merged.reset_index(drop=True)


def line_income_elasticity(facts, year: int, area: str = "urban"):
    """Ravallion line–income elasticity across provinces in ``year`` (tidy OLS table)."""
    from .models import line_elasticity

    table = line_elasticity(line_income_table(facts, year, area))
    table.attrs["year"] = year
    return table
