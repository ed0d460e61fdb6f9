"""Reconciliation: national vs Σ provinces, spending vs recipients × benefit, reported vs official."""
from __future__ import annotations

import pandas as pd
import pytest

from mzanalysis.reconcile import (expenditure_vs_benefit, national_vs_provinces,
                                  report_vs_official)
from mzanalysis.regions import provinces


def fact(code, indicator, value, *, year=2020, area="urban", unit="persons", source="t",
         variant=None):
    level = "national" if code == "000000" else "province"
    return dict(region_code=code, region=code, level=level, year=year, period=str(year),
                indicator=indicator, area=area, variant=variant, value=value, value_high=None,
                unit=unit, qualifier=None, flags=[], source=source, source_ref="")


def test_complete_sum_within_tolerance_is_ok_and_a_gap_is_a_mismatch():
    codes = [p.code for p in provinces()]
    rows = [fact(c, "dibao_recipients", 100) for c in codes]
    rows += [fact(c, "dibao_recipients", 100, year=2021) for c in codes]
    rows += [fact("000000", "dibao_recipients", 3100), fact("000000", "dibao_recipients", 3200,
                                                            year=2021)]
    out = national_vs_provinces(pd.DataFrame(rows)).set_index("year")
    assert out.loc[2020, "flag"] == "ok" and out.loc[2020, "gap"] == 0
    assert out.loc[2021, "flag"] == "mismatch"
    assert out.loc[2021, "gap_pct"] == pytest.approx(-100 / 32)


def test_partial_sum_is_incomplete_and_says_how_short():
    rows = [fact(p.code, "dibao_recipients", 100) for p in provinces()[:25]]
    rows.append(fact("000000", "dibao_recipients", 3100))
    out = national_vs_provinces(pd.DataFrame(rows))
    assert out.flag.tolist() == ["incomplete"]
    assert "25/31" in out.detail[0] and "19.4 % short" in out.detail[0]


def test_spending_vs_recipients_times_benefit_uses_mean_recipients():
    rows = [fact("000000", "dibao_recipients", 1_000_000, year=2019),
            fact("000000", "dibao_recipients", 800_000, year=2020),
            fact("000000", "dibao_avg_benefit", 500, unit="yuan_per_person_month"),
            fact("000000", "dibao_expenditure", 5.4e9, unit="yuan")]
    out = expenditure_vs_benefit(pd.DataFrame(rows))
    row = out.iloc[0]
    assert row.compared == pytest.approx(900_000 * 500 * 12)
    assert row.flag == "ok" and "mean of year-start and year-end" in row.detail
    rows[-1] = fact("000000", "dibao_expenditure", 8e9, unit="yuan")
    assert expenditure_vs_benefit(pd.DataFrame(rows)).flag.tolist() == ["mismatch"]


def test_report_vs_official_compares_monthly_with_yearly():
    official = pd.DataFrame([fact("630000", "dibao_standard", 700, unit="yuan_per_person_month")])
    reported = pd.DataFrame([
        fact("630000", "dibao_standard", 8400, unit="yuan_per_person_year", source="report"),
        fact("630000", "dibao_standard", 690, unit="yuan_per_person_month", source="report"),
        fact("620000", "dibao_standard", 690, unit="yuan_per_person_month", source="report")])
    out = report_vs_official(reported, official)
    assert out.flag.tolist() == ["ok", "mismatch", "no_reference"]
    assert out.gap_pct[1] == pytest.approx(-10 / 7)


def test_shared_panel_reconciles_2011_2022_and_flags_2009_2010_urban(shared):
    """Acceptance: every year 2011–2022 with a national figure is within 0.5 %; the
    incomplete 2009–2010 urban sums are flagged."""
    from mzanalysis.loaders import load_panel

    out = national_vs_provinces(load_panel(shared / "data"), indicators=("dibao_recipients",))
    out = out[out.variant.isna() & (out.period == out.year.astype(str))]
    years = out[out.year.between(2011, 2022)]
    compared = years[years.reference.notna()]
    # every (area, year) with a cited national figure: all but urban 2018-2019 and rural 2019
    missing = {("urban", 2018), ("urban", 2019), ("rural", 2019)}
    assert set(zip(compared.area, compared.year)) == {
        (a, y) for a in ("urban", "rural") for y in range(2011, 2023)} - missing
    assert (compared.flag == "ok").all() and (compared.gap_pct.abs() <= 0.5).all()
    uncompared = years[years.reference.isna()]
    assert set(zip(uncompared.area, uncompared.year)) == missing
    assert set(uncompared.flag) == {"no_reference"}
    assert (years.detail.str.startswith("Σ of 31/31")).all()
    urban = out[(out.area == "urban")].set_index("year")
    assert urban.loc[2010, "flag"] == "incomplete" and urban.loc[2010, "gap_pct"] < -10
    assert urban.loc[2009, "flag"] == "incomplete"
