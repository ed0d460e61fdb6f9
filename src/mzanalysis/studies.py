"""The study notebooks' logic as tested functions: load, build panels, fit, compare, write results.

``notebooks/coverage_drivers.ipynb`` and ``notebooks/standards_evolution.ipynb`` are markdown and
one-line calls into this module, so a researcher can run the same analysis from their own code
and every step is unit-tested without a kernel. Each function that can fail on thin data takes
the ``cannot`` dict used by :func:`mzanalysis.headlines.attempt`: what the data cannot support is
recorded there (and in ``results.json``) instead of stopping the study or printing NaN.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

#: Drivers of coverage in the two-way fixed-effects model.
COVERAGE_DRIVERS: tuple[str, ...] = ("ln_gdp_pc", "urbanisation", "ln_revenue_pc")


def load_facts(data_dir=None, *, first_year: int, last_year: int):
    """Embedded curated facts, plus the user's tables in ``data_dir``, within the years.

    With ``data_dir`` the panel keeps one row per key (the preferred figure: the user's table
    over the curated one). Returns ``(facts, label)``, the label saying which data were used.
    """
    if data_dir is None:
        from .loaders import load_curated

        facts, label = load_curated(), "embedded curated facts"
    else:
        from .loaders import load_panel

        facts = load_panel(data_dir)
        if "preferred" in facts.columns:
            facts = facts.loc[facts["preferred"]]
        label = f"embedded curated facts + {data_dir}"
    facts = facts.loc[facts["year"].between(first_year, last_year)].reset_index(drop=True)
    return facts, label


def output_paths(results_path) -> dict:
    """Where a study writes: ``results_path`` and, beside it, the models table stem.

    ``results_path=None`` writes nothing (results are shown in the notebook only), so running a
    notebook never drops files into papermill's working folder unasked.
    """
    if results_path is None:
        return {}
    path = Path(results_path)
    return {"results": path, "models": path.with_name(path.stem + ".models")}


# ---------------------------------------------------------------------------------------------
# coverage drivers


def national_recipients(facts):
    """Cited national year-end recipients by area, 万人 (rows: year; columns urban, rural, total)."""
    from . import indicators as ind

    nat = ind.select(facts, "dibao_recipients", level="national", area=["urban", "rural"])
    table = nat.pivot(index="year", columns="area", values="value") / 1e4
    table["total"] = table.sum(axis=1, min_count=2)
    return table


def provincial_recipient_sums(facts, *, min_provinces: int = 31):
    """Σ of provincial recipients by area, 万人, in years where every area has ``min_provinces``.

    Returns an empty frame when no year is complete (a partial sum is not a national figure).
    """
    from . import indicators as ind

    rec = ind.select(facts, "dibao_recipients", level="province", area=["urban", "rural"])
    n_prov = rec.groupby(["year", "area"])["region_code"].nunique().unstack()
    full = n_prov.index[(n_prov.reindex(columns=["urban", "rural"]) >= min_provinces).all(axis=1)]
    sums = rec.loc[rec["year"].isin(full)].groupby(["year", "area"])["value"].sum().unstack() / 1e4
    if len(sums):
        sums["total"] = sums.sum(axis=1)
    return sums


def coverage_panel(facts):
    """Province × year panel: coverage rates (urban, rural, all) and the drivers.

    Coverage = recipients / resident population × 100; urban and rural population are
    population × urbanisation rate (NBS 常住人口城镇化率). Drivers: ln GDP per capita, urbanisation
    rate (percent), ln per-capita general budget revenue. Columns: region_code, region, year,
    gdp_pc, urbanisation, revenue_pc, coverage, coverage_urban, coverage_rural, ln_gdp_pc,
    ln_revenue_pc (a column is missing where its inputs are).
    """
    import numpy as np
    import pandas as pd

    from . import indicators as ind

    rec = ind.select(facts, "dibao_recipients", level="province", area=["urban", "rural"])
    pop = ind.select(facts, "population", level="province", area="all")
    urb = ind.select(facts, "urbanisation_rate", level="province", area="all")
    area_rates = ind.recipients_per_population(rec, ind.area_population(pop, urb))
    both = rec.groupby(["region_code", "year"]).filter(
        lambda g: set(g["area"]) == {"urban", "rural"})
    total = (both.groupby(["region_code", "region", "level", "year"], as_index=False)["value"]
             .sum().assign(area="all", unit="persons", indicator="dibao_recipients"))
    frames = [area_rates]
    if len(total):
        frames.append(ind.recipients_per_population(total, pop))
    rates = pd.concat(frames).pivot_table(index=["region_code", "year"], columns="area",
                                          values="rate")
    rates.columns = [f"coverage_{a}" if a != "all" else "coverage" for a in rates.columns]
    for col in ("coverage", "coverage_urban", "coverage_rural"):
        if col not in rates.columns:
            rates[col] = np.nan
    drivers = ind.wide(facts, {"gdp_pc": ("gdp_per_capita", "all", "province"),
                               "urbanisation": ("urbanisation_rate", "all", "province"),
                               "revenue_pc": ("budget_revenue", "all", "province", "per_capita")})
    panel = drivers.merge(rates.reset_index(), on=["region_code", "year"], how="outer")
    panel["ln_gdp_pc"] = np.log(panel["gdp_pc"])
    panel["ln_revenue_pc"] = np.log(panel["revenue_pc"])
    return panel


def complete_years(panel, y: str, x: Sequence[str] = COVERAGE_DRIVERS, *,
                   min_provinces: int = 31):
    """Rows complete in ``y`` and ``x``, in years where at least ``min_provinces`` are present.

    A balanced panel keeps the year effects comparable: a year with half the provinces would be
    identified from a different set of regions. Returns ``(rows, years)``.
    """
    rows = panel.dropna(subset=[y, *x])
    per_year = rows.groupby("year")["region_code"].nunique()
    years = [int(v) for v in per_year.index[per_year >= min_provinces]]
    return rows.loc[rows["year"].isin(years)].reset_index(drop=True), years


def estimable_panel(panel, outcome: str, cannot: dict, *, x: Sequence[str] = COVERAGE_DRIVERS,
                    min_provinces: int = 31, min_years: int = 15):
    """The balanced estimation sample for ``outcome``, or None with the reason in ``cannot``."""
    if panel is None:
        cannot["coverage_drivers"] = ("no provincial coverage panel in these data: "
                                      + cannot.get("coverage_panel", "panel not built")
                                      + " — run with data_dir pointing at a folder of "
                                      "provincial tables")
        return None
    rows, years = complete_years(panel, outcome, x, min_provinces=min_provinces)
    if len(years) < min_years:
        cannot["coverage_drivers"] = (
            f"{outcome}: the panel has {len(years)} complete years with {min_provinces} provinces "
            f"(need {min_years}); non-missing province-years per column: "
            + str(panel[[outcome, *x]].notna().sum().to_dict()))
        return None
    return rows


def coverage_models(complete, outcome: str, *, x: Sequence[str] = COVERAGE_DRIVERS,
                    wcb_reps: int = 999) -> dict:
    """Fit the coverage models on a balanced panel and lay them side by side.

    Models: two-way FE with SE clustered by province (and wild-cluster-bootstrap p-values in
    ``wcb_p_value``), the same with Driscoll–Kraay SE, the Papke–Wooldridge correlated random
    effects fractional logit (Mundlak means, year dummies), and the convergence of coverage in
    long differences (no Nickell bias) beside the FE version (which carries the caveat).
    Returns a dict: ``fits`` (name → :class:`~mzanalysis.models.ModelFit`), ``comparison``
    (:func:`~mzanalysis.models.compare` table), ``wcb`` (per-term bootstrap results),
    ``convergence`` (long-difference and FE tables).
    """
    from . import models

    x = list(x)
    fits = {
        "FE, clustered": models.coverage_drivers(complete, outcome, x, cov="clustered",
                                                 return_result=True),
        "FE, Driscoll-Kraay": models.coverage_drivers(complete, outcome, x, cov="driscoll-kraay",
                                                      return_result=True),
        "CRE fractional logit": models.fractional_logit(complete, outcome, x,
                                                        return_result=True),
    }
    wcb = {v: models.wild_cluster_bootstrap(complete, outcome, x, v, reps=wcb_reps) for v in x}
    fits["FE, clustered"].table["wcb_p_value"] = fits["FE, clustered"].table["term"].map(
        {v: r["p_value"] for v, r in wcb.items()})
    convergence = {
        "long_difference": models.convergence_regression(complete, outcome,
                                                         kind="long_difference"),
        "panel": models.convergence_regression(complete, outcome, kind="panel"),
    }
    return {"fits": fits, "comparison": models.compare(fits), "wcb": wcb,
            "convergence": convergence}


def coverage_record(complete, outcome: str, fitted: dict) -> dict:
    """The ``panel_model`` entry of results.json for :func:`coverage_models` output."""
    from .headlines import table_records

    fe = fitted["fits"]["FE, clustered"].table
    conv = fitted["convergence"]
    return {
        "name": f"{outcome} (recipients per 100 residents) on drivers, PanelOLS region + year "
                "effects",
        "outcome": outcome, "n_provinces": int(complete["region_code"].nunique()),
        "years": sorted(int(y) for y in complete["year"].unique()),
        "table": table_records(fe),
        "driscoll_kraay": table_records(fitted["fits"]["FE, Driscoll-Kraay"].table),
        "fractional_logit": table_records(fitted["fits"]["CRE fractional logit"].table),
        "fractional_logit_average_partial_effects":
            fitted["fits"]["CRE fractional logit"].table.attrs["average_partial_effects"],
        "wild_cluster_bootstrap": list(fitted["wcb"].values()),
        "coverage_convergence": table_records(conv["panel"]),
        "coverage_convergence_caveat": conv["panel"].attrs.get("caveat"),
        "coverage_convergence_long_difference": table_records(conv["long_difference"]),
        "r2_within": fe.attrs["r2_within"],
        "comparison": fitted["comparison"].reset_index().to_dict(orient="records"),
    }


def robustness(panel, outcomes: Sequence[str], cannot: dict, *,
               x: Sequence[str] = COVERAGE_DRIVERS, min_provinces: int = 31,
               min_years: int = 5) -> dict:
    """Two-way FE (clustered) for other outcomes on the complete years each has.

    Returns ``{outcome: {"years": [...], "table": tidy table}}``; an outcome with fewer than
    ``min_years`` complete years is recorded in ``cannot`` instead.
    """
    from . import models

    out = {}
    for other in outcomes:
        rows, years = complete_years(panel, other, x, min_provinces=min_provinces)
        if len(years) < min_years:
            cannot[f"coverage_drivers_{other}"] = f"only {len(years)} complete years ({years})"
            continue
        out[other] = {"years": years,
                      "table": models.coverage_drivers(rows, other, list(x), cov="clustered")}
    return out


def finish(results: dict, cannot: dict, data_label: str, results_path=None,
           comparison=None) -> dict:
    """Record what could not be estimated and write results (and the models table) if asked.

    Writes ``results_path`` (JSON, atomic) and, when ``comparison`` is given, the models table
    beside it as ``<stem>.models.tex`` / ``.html``. Returns the paths written.
    """
    from .headlines import write_results
    from .models import export_comparison

    results["cannot_estimate"] = cannot
    results["data"] = data_label
    paths = output_paths(results_path)
    written = {}
    if paths:
        if comparison is not None:
            written.update(export_comparison(comparison, paths["models"]))
            results["models_table"] = {k: str(v) for k, v in written.items()}
        write_results(paths["results"], results)
        written["results"] = paths["results"]
    return written


# ---------------------------------------------------------------------------------------------
# standards evolution


def national_standards(facts, cannot: dict | None = None):
    """National standards annualised, as a year × area table, and their nominal and real growth.

    Returns ``(national, level_table, growth)``; ``growth`` (from
    :func:`~mzanalysis.indicators.real_growth`, gaps bridged by annualised rates) is None with
    the reason in ``cannot`` when the CPI does not cover the years.
    """
    from . import indicators as ind
    from .headlines import attempt

    cannot = {} if cannot is None else cannot
    national = ind.annualise_standard(ind.select(facts, "dibao_standard", level="national"))
    levels = national.pivot(index="year", columns="area", values="value")
    growth = attempt("real_growth", cannot, ind.real_growth, national,
                     ind.select(facts, "cpi", level="national"), allow_gaps=True)
    return national, levels, growth


def cagr_table(national, cannot: dict, *, first_year: int):
    """CAGR of the national standard per area over the longest span the data hold.

    Rural dibao is national policy from 2007, so the rural span starts no earlier than 2007.
    Output columns: area, start, end, value_start, value_end, cagr_pct (empty if none).
    """
    import pandas as pd

    from . import indicators as ind
    from .headlines import attempt

    rows = []
    for area, start in (("urban", first_year), ("rural", max(first_year, 2007))):
        part = national.loc[(national["area"] == area) & (national["year"] >= start)]
        if part.empty:
            cannot[f"cagr_{area}"] = f"no national {area} standard from {start}"
            continue
        c = attempt(f"cagr_{area}", cannot, ind.cagr, part, start=int(part["year"].min()),
                    end=int(part["year"].max()))
        if c is not None:
            rows.append(c)
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()


def unicef_shares(facts, results: dict, cannot: dict, *, share_year: int = 2013):
    """Standard as % of consumption in ``share_year`` (both areas) and rural in the years beside.

    Reproduces UNICEF's 2013 figures (urban ≈ 25 %, rural ≈ 37 % of per-capita consumption);
    the ``share_year`` rows come from ``results`` (see :func:`mzanalysis.headlines.common_results`),
    the neighbouring rural years are computed. Updates ``results`` with each share and, when
    both neighbours exist, ``rural_<y-1>_<y+1>_bracket_37pct``. Returns the rows as a frame.
    """
    import pandas as pd

    from .headlines import attempt, standard_share_of_consumption

    rows = []
    for year, area in ((share_year, "urban"), (share_year, "rural"), (share_year - 1, "rural"),
                       (share_year + 1, "rural")):
        key = f"{area}_standard_share_of_consumption_{year}"
        r = (results.get(key + "_detail") if year == share_year else
             attempt(key, cannot, standard_share_of_consumption, facts, year, area))
        if r is not None:
            rows.append(r)
            results[key] = r["share_pct"]
            results[key + "_detail"] = r
    lo, hi = (results.get(f"rural_standard_share_of_consumption_{y}")
              for y in (share_year - 1, share_year + 1))
    if lo is not None and hi is not None:
        results[f"rural_{share_year - 1}_{share_year + 1}_bracket_37pct"] = (
            min(lo, hi) <= 37 <= max(lo, hi))
    return pd.DataFrame(rows)


def provincial_dispersion(facts, *, min_provinces: int = 25):
    """Dispersion of provincial standards in every full cross-section (≥ ``min_provinces``).

    MCA's provincial averages are simple means of county standards. Returns ``(prov, full,
    table)``: the annualised provincial standards, the (area, year) cross-sections found, and one
    row per cross-section with :func:`~mzanalysis.indicators.dispersion_by_year`'s columns plus
    area, period and ``theil_between_share`` (share of Theil inequality between the NBS four
    regions).
    """
    import pandas as pd

    from . import indicators as ind

    prov = ind.annualise_standard(ind.select(facts, "dibao_standard", level="province",
                                             periods="prefer_annual"))
    counts = prov.groupby(["area", "year"])["region_code"].nunique()
    full = counts[counts >= min_provinces]
    rows = []
    for area, year in full.index:
        cs = prov.loc[(prov["area"] == area) & (prov["year"] == year)]
        d = ind.dispersion_by_year(cs).assign(area=area, period=", ".join(sorted(set(cs["period"]))))
        t = ind.theil_decomposition(cs["value"], [ind.nbs_region(c) for c in cs["region_code"]])
        d["theil_between_share"] = t["between_share"]
        rows.append(d)
    return prov, full, pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()


def standard_income_pairs(facts, *, area: str = "urban"):
    """Province-years with both an annualised ``area`` standard and ``area`` disposable income.

    Columns: region_code, year, standard, income (for :func:`~mzanalysis.models.line_elasticity`
    and its panel version).
    """
    from . import indicators as ind

    std = ind.annualise_standard(ind.select(facts, "dibao_standard", area=area, level="province",
                                            periods="prefer_annual"))
    inc = ind.select(facts, "disposable_income", area=area, level="province")
    return std[["region_code", "year", "value"]].rename(columns={"value": "standard"}).merge(
        inc[["region_code", "year", "value"]].rename(columns={"value": "income"}),
        on=["region_code", "year"])


def panel_line_elasticity(facts, cannot: dict, *, min_provinces: int = 10):
    """Ravallion line–income elasticity with region and year effects, or None (reason in cannot)."""
    from . import models

    pairs = standard_income_pairs(facts)
    repeat = pairs.groupby("region_code")["year"].transform("size") >= 2
    n_prov = pairs.loc[repeat, "region_code"].nunique()
    if n_prov < min_provinces:
        cannot["line_income_elasticity_panel"] = (
            f"only {n_prov} provinces have an urban standard and urban income in two or more years "
            f"({len(pairs)} province-years in all); region and year effects need a provincial "
            "panel of standards")
        return None
    return models.line_elasticity_panel(pairs.loc[repeat], return_result=True)


def standards_beta_convergence(prov, full, results: dict, cannot: dict) -> dict:
    """β-convergence of provincial standards between the first and last full cross-section."""
    from . import indicators as ind

    out = {}
    for area in ("urban", "rural"):
        years = sorted(y for a, y in full.index if a == area)
        if len(years) >= 2:
            out[area] = ind.beta_convergence(prov.loc[prov["area"] == area], start=years[0],
                                             end=years[-1])
            results[f"standard_beta_convergence_{area}"] = out[area]
        else:
            cannot[f"standard_beta_convergence_{area}"] = (
                f"only {len(years)} full provincial cross-section(s) of {area} standards "
                f"({years}); β-convergence needs two")
    return out


def income_convergence(facts, cannot: dict, *, min_provinces: int = 31, min_years: int = 3):
    """Convergence of provincial urban disposable income: pooled, FE and long differences.

    Uses years where all ``min_provinces`` have a figure. Returns None (reason in ``cannot``)
    with fewer than ``min_years`` such years, else a dict with the three tables (``pooled``,
    ``panel`` — with the Nickell caveat —, ``long_difference``), the σ-convergence table
    (``sigma``), the years, and ``comparison`` (:func:`~mzanalysis.models.compare`).
    """
    from . import indicators as ind
    from . import models

    income = ind.select(facts, "disposable_income", area="urban", level="province")
    per_year = income.groupby("year")["region_code"].nunique()
    years = [int(y) for y, n in per_year.items() if n >= min_provinces]
    if len(years) < min_years:
        cannot["panel_model"] = f"urban income has a full cross-section in only {years}"
        return None
    income = income.loc[income["year"].isin(years)]
    wide = ind.wide(income, {"income": ("disposable_income", "urban", "province")})
    tables = {kind: models.convergence_regression(wide, "income", kind=kind)
              for kind in ("pooled", "panel", "long_difference")}
    comparison = models.compare({"pooled (year effects)": tables["pooled"],
                                 "FE (region + year)": tables["panel"],
                                 "long difference": tables["long_difference"]})
    return {**tables, "sigma": ind.sigma_convergence(income), "years": years,
            "comparison": comparison}
