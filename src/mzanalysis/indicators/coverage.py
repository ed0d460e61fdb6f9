"""Coverage and adequacy indicators of social assistance.

These are **administrative analogues** of the World Bank ASPIRE coverage / adequacy indicators and
of ILO SDG 1.3.1 (share of the population covered by social protection): they divide programme
counts (MCA administrative data, year-end stocks) by a population denominator, not survey-based
shares of the poor. Label them so in any output.
"""
from __future__ import annotations

from .base import IndicatorError, check_units, pair, ratio_table
from .standards import YEARLY, annualise_standard


def recipients_per_population(recipients, population, *, per: float = 100.0,
                              match_area: bool = True):
    """Recipients per ``per`` residents (default: percent of the population).

    Formula: ``rate = recipients / population × per``. Anchor: ASPIRE "coverage" and ILO SDG 1.3.1
    (administrative analogue: MCA year-end recipients over NBS resident population). The
    denominator is a parameter: pass urban and rural population (see
    :func:`~mzanalysis.indicators.standards.area_population`) to get area rates, or total
    population with ``match_area=False`` to put urban and rural recipients over everybody.
    Output columns: ``recipients``, ``population``, ``rate`` (per ``per`` residents, in
    ``attrs['per']``).
    """
    check_units(recipients, ["persons"], "recipients_per_population (recipients)")
    check_units(population, ["persons"], "recipients_per_population (population)")
    if not match_area:
        population = population.loc[population["area"] == "all"]
    merged, unpaired = pair(recipients, population, left_name="recipients",
                            right_name="population", match_area=match_area)
    if (merged["_right"] <= 0).any():
        raise IndicatorError("recipients_per_population: population must be positive")
    out = ratio_table(merged, unpaired, left="recipients", right="population", name="rate",
                      scale=per)
    out.attrs.update(per=per, label="administrative analogue of ASPIRE coverage / SDG 1.3.1")
    return out


def spending_per_recipient(expenditure, recipients, *, average_stock: bool = False):
    """Annual spending per recipient, yuan per person per year.

    Formula: ``spending_t / R_t``; with ``average_stock=True`` the denominator is the mean of the
    year-end stocks ``(R_{t−1} + R_t) / 2`` (spending is a flow over the year, recipients a stock at
    its end; the mean is closer to the number paid during the year). Anchor: ASPIRE "benefit per
    beneficiary" (administrative analogue).
    Output columns: ``expenditure``, ``recipients``, ``per_recipient_yearly``.
    """
    check_units(expenditure, ["yuan"], "spending_per_recipient (expenditure)")
    check_units(recipients, ["persons"], "spending_per_recipient (recipients)")
    denom = recipients
    if average_stock:
        prev = recipients.assign(year=recipients["year"] + 1)
        both = recipients.merge(prev[["region_code", "year", "area", "value"]],
                                on=["region_code", "year", "area"], suffixes=("", "_prev"))
        denom = both.assign(value=(both["value"] + both["value_prev"]) / 2)
    merged, unpaired = pair(expenditure, denom, left_name="expenditure", right_name="recipients")
    return ratio_table(merged, unpaired, left="expenditure", right="recipients",
                       name="per_recipient_yearly")


def benefit_to_standard(avg_benefit, standards):
    """Average benefit paid as a share of the standard (gap-filling depth), percent.

    Formula: ``depth = annualised average benefit / annualised standard × 100``. Dibao pays the gap
    between household income and the standard (补差), so the ratio measures how far below the line
    recipients' own income lies. Anchor: ASPIRE "adequacy" (benefit relative to a welfare
    reference), administrative analogue.
    Output columns: ``benefit_yearly``, ``standard_yearly``, ``depth_pct``.
    """
    merged, unpaired = pair(annualise_standard(avg_benefit), annualise_standard(standards),
                            left_name="average benefit", right_name="standard")
    return ratio_table(merged, unpaired, left="benefit_yearly", right="standard_yearly",
                       name="depth_pct", scale=100.0)


def spending_share_of_gdp(expenditure, gdp_per_capita, population):
    """Programme spending as a percentage of GDP.

    Formula: ``share = spending / (GDP per capita × population) × 100``; GDP is rebuilt from per
    capita GDP and resident population because the fact vocabulary holds GDP per capita. Anchor:
    ASPIRE / ILO social-assistance spending in % of GDP. Spending of both areas is summed first
    when ``expenditure`` has urban and rural rows but no ``all`` row.
    Output columns (area ``all``): ``expenditure``, ``gdp`` (yuan), ``share_pct``.
    """
    import pandas as pd

    check_units(expenditure, ["yuan"], "spending_share_of_gdp (expenditure)")
    check_units(gdp_per_capita, [YEARLY, "yuan"], "spending_share_of_gdp (GDP per capita)")
    check_units(population, ["persons"], "spending_share_of_gdp (population)")
    total = expenditure.loc[expenditure["area"] == "all"]
    parts = expenditure.loc[expenditure["area"].isin(["urban", "rural"])]
    if not parts.empty:
        keyed = parts.groupby(["region_code", "year"])
        both = keyed.filter(lambda g: set(g["area"]) == {"urban", "rural"})
        if not both.empty:
            summed = both.groupby(["region_code", "region", "level", "year"], as_index=False)[
                "value"].sum().assign(area="all", unit="yuan")
            summed = summed.loc[~summed.set_index(["region_code", "year"]).index.isin(
                total.set_index(["region_code", "year"]).index)]
            total = pd.concat([total, summed], ignore_index=True)
    if total.empty:
        raise IndicatorError("spending_share_of_gdp: no total (or urban + rural) spending figure")
    gdp = gdp_per_capita.loc[gdp_per_capita["area"] == "all"].merge(
        population.loc[population["area"] == "all", ["region_code", "year", "value"]],
        on=["region_code", "year"], suffixes=("", "_pop"))
    gdp = gdp.assign(value=gdp["value"] * gdp["value_pop"])
    merged, unpaired = pair(total, gdp, left_name="expenditure", right_name="GDP", match_area=False)
    return ratio_table(merged, unpaired, left="expenditure", right="gdp", name="share_pct",
                       scale=100.0)
