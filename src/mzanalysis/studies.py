"""The province × year panels and model sets behind the study notebooks.

``notebooks/coverage_drivers.ipynb`` reads as prose because its assembly steps live here, where
they are tested on small frames: :func:`coverage_panel` builds coverage rates and their drivers
from a fact table, :func:`complete_years` keeps the years every province is present, and
:func:`coverage_models` estimates the main model with its robustness checks and lays them side by
side with :func:`mzanalysis.models.compare_models`.
"""
from __future__ import annotations

from typing import Sequence

#: Drivers of coverage in the main model (Ravallion 2009 and the dibao literature: income,
#: urbanisation, fiscal capacity).
COVERAGE_DRIVERS = ("ln_gdp_pc", "urbanisation", "ln_revenue_pc")


def coverage_panel(facts):
    """Province × year frame of coverage rates and drivers from a fact table.

    Columns: region_code, year, ``coverage_urban`` / ``coverage_rural`` (recipients per 100
    residents of that area: population × urbanisation rate, :func:`~mzanalysis.indicators.
    area_population`), ``coverage`` (urban + rural recipients per 100 residents, only where both
    areas are known), gdp_pc, urbanisation, revenue_pc (per-capita general budget revenue) and
    their logs ``ln_gdp_pc``, ``ln_revenue_pc``. A driver or rate that is missing stays NaN.
    """
    import numpy as np
    import pandas as pd

    from . import indicators as ind

    rec = ind.select(facts, "dibao_recipients", level="province", area=["urban", "rural"])
    pop = ind.select(facts, "population", level="province", area="all")
    urb = ind.select(facts, "urbanisation_rate", level="province", area="all")
    area_rates = ind.coverage_rate(rec, ind.area_population(pop, urb))
    both = rec.groupby(["region_code", "year"]).filter(lambda g: set(g["area"]) == {"urban", "rural"})
    total = (both.groupby(["region_code", "region", "level", "year"], as_index=False)["value"].sum()
             .assign(area="all", unit="persons", indicator="dibao_recipients"))
    total_rate = ind.coverage_rate(total, pop)
    rates = pd.concat([area_rates, total_rate]).pivot_table(index=["region_code", "year"],
                                                           columns="area", values="rate")
    rates.columns = [f"coverage_{a}" if a != "all" else "coverage" for a in rates.columns]
    drivers = ind.wide(facts, {"gdp_pc": ("gdp_per_capita", "all", "province"),
                               "urbanisation": ("urbanisation_rate", "all", "province"),
                               "revenue_pc": ("budget_revenue", "all", "province", "per_capita")})
    panel = drivers.merge(rates.reset_index(), on=["region_code", "year"], how="outer")
    panel["ln_gdp_pc"] = np.log(panel["gdp_pc"])
    panel["ln_revenue_pc"] = np.log(panel["revenue_pc"])
    return panel.sort_values(["region_code", "year"]).reset_index(drop=True)


def complete_years(panel, y: str, x: Sequence[str] = COVERAGE_DRIVERS, *, min_provinces: int = 31):
    """Rows complete in ``y`` and ``x``, restricted to years with ≥ ``min_provinces`` provinces.

    A balanced set of provinces per year keeps a year effect from standing for a change in which
    provinces are observed. Returns ``(rows, years)``.
    """
    rows = panel.dropna(subset=[y, *x])
    per_year = rows.groupby("year")["region_code"].nunique()
    years = [int(v) for v in per_year.index[per_year >= min_provinces]]
    return rows.loc[rows["year"].isin(years)].reset_index(drop=True), years


def coverage_models(complete, outcome: str, x: Sequence[str] = COVERAGE_DRIVERS, *,
                    wcb_reps: int = 999) -> dict:
    """The main coverage model and its checks, estimated on one complete panel.

    Returns a dict of tidy tables: ``fe_clustered`` (two-way FE, SE clustered by province, with a
    ``wcb_p_value`` column from the wild cluster bootstrap), ``fe_driscoll_kraay``,
    ``cre_fractional_logit`` (Papke–Wooldridge correlated random effects), ``convergence_panel``
    (with its Nickell caveat) and ``convergence_long_difference``; ``wild_cluster_bootstrap``
    (one dict per driver) and ``comparison`` (:func:`~mzanalysis.models.compare_models` of the
    first three, ready for ``.to_latex()`` / ``.to_html()``).
    """
    from . import models

    x = list(x)
    fe_cl = models.coverage_drivers(complete, outcome, x, cov="clustered")
    fe_dk = models.coverage_drivers(complete, outcome, x, cov="driscoll-kraay")
    cre = models.fractional_logit(complete, outcome, x)
    wcb = {v: models.wild_cluster_bootstrap(complete, outcome, x, v, reps=wcb_reps) for v in x}
    fe_cl["wcb_p_value"] = fe_cl["term"].map({v: r["p_value"] for v, r in wcb.items()})
    out = {"fe_clustered": fe_cl, "fe_driscoll_kraay": fe_dk, "cre_fractional_logit": cre,
           "wild_cluster_bootstrap": list(wcb.values()),
           "convergence_panel": models.convergence_regression(complete, outcome, kind="panel"),
           "convergence_long_difference": models.convergence_regression(
               complete, outcome, kind="long_difference")}
    out["comparison"] = models.compare_models({
        "(1) 2WFE, clustered": fe_cl, "(2) 2WFE, Driscoll-Kraay": fe_dk,
        "(3) CRE fractional logit": cre})
    return out


def write_tables(tables: dict, stem) -> list[str]:
    """Write each DataFrame in ``tables`` as ``<stem>_<name>.tex`` and ``.html`` atomically.

    Returns the paths written. ``stem`` is a path prefix, e.g. ``out/coverage_models``.
    """
    from pathlib import Path

    from .briefs.atomic import write_text

    written = []
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        for suffix, text in ((".tex", table.to_latex()), (".html", table.to_html())):
            path = stem.parent / f"{stem.name}_{name}{suffix}"
            write_text(path, text)
            written.append(str(path))
    return written


# ---------------------------------------------------------------------------------------------
# standards_evolution.ipynb


def provincial_dispersion(provincial_standards, *, min_provinces: int = 25):
    """Dispersion of annualised provincial standards in every full cross-section.

    A cross-section is an area-year with at least ``min_provinces`` provinces (MCA's provincial
    tables sometimes omit a few). For each: CV, Gini, Theil and max/min
    (:func:`~mzanalysis.indicators.dispersion_by_year`), the share of the Theil index between the
    NBS four regions (``theil_between_share``), and ``period`` naming the dates used. Returns
    ``(table, full)`` where ``full`` lists the ``(area, year)`` cross-sections found.
    """
    import pandas as pd

    from . import indicators as ind

    counts = provincial_standards.groupby(["area", "year"])["region_code"].nunique()
    full = [(a, int(y)) for (a, y), n in counts.items() if n >= min_provinces]
    rows = []
    for area, year in full:
        cs = provincial_standards.loc[(provincial_standards["area"] == area)
                                      & (provincial_standards["year"] == year)]
        d = ind.dispersion_by_year(cs).assign(area=area, period=", ".join(sorted(set(cs["period"]))))
        t = ind.theil_decomposition(cs["value"], [ind.nbs_region(c) for c in cs["region_code"]])
        d["theil_between_share"] = t["between_share"]
        rows.append(d)
    return (pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()), full


def standard_income_pairs(facts, *, area: str = "urban"):
    """Province-years with both an annualised ``area`` standard and ``area`` disposable income.

    Columns region_code, year, standard (yuan per person per year), income; only provinces seen in
    two or more years (a region effect needs at least two). Input to
    :func:`~mzanalysis.models.line_elasticity_panel`.
    """
    from . import indicators as ind

    std = ind.annualise_standard(ind.select(facts, "dibao_standard", area=area, level="province",
                                            periods="prefer_annual"))
    inc = ind.select(facts, "disposable_income", area=area, level="province")
    pairs = std[["region_code", "year", "value"]].rename(columns={"value": "standard"}).merge(
        inc[["region_code", "year", "value"]].rename(columns={"value": "income"}),
        on=["region_code", "year"])
    repeat = pairs.groupby("region_code")["year"].transform("size") >= 2
    return pairs.loc[repeat].reset_index(drop=True)


def income_convergence(facts, *, area: str = "urban", min_provinces: int = 31) -> dict:
    """σ- and β-convergence of provincial disposable income over the years all provinces have.

    Returns ``{"years", "sigma", "pooled", "panel", "long_difference"}``: σ by year
    (:func:`~mzanalysis.indicators.sigma_convergence`) and the three β estimates of
    :func:`~mzanalysis.models.convergence_regression` (the panel one with its Nickell caveat).
    Raises :class:`~mzanalysis.indicators.TooFewObservationsError` with fewer than 3 full years.
    """
    from . import indicators as ind
    from . import models

    income = ind.select(facts, "disposable_income", area=area, level="province")
    per_year = income.groupby("year")["region_code"].nunique()
    years = [int(y) for y, n in per_year.items() if n >= min_provinces]
    if len(years) < 3:
        raise ind.TooFewObservationsError(f"{area} income has a full cross-section of "
                                          f"{min_provinces} provinces in only {years}")
    income = income.loc[income["year"].isin(years)]
    wide = ind.wide(income, {"income": ("disposable_income", area, "province")})
    return {"years": years, "sigma": ind.sigma_convergence(income),
            **{kind: models.convergence_regression(wide, "income", kind=kind)
               for kind in ("pooled", "panel", "long_difference")}}
