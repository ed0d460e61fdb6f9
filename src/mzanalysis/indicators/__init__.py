"""Indicators: small pure functions over fact-table frames (:mod:`mzanalysis.schema`).

Pick a series with :func:`select`, then compute. Each function's docstring gives its formula and
the anchor that defines it. Submodules: ``standards`` (levels, growth, ratios, shares),
``coverage`` (administrative analogues of World Bank ASPIRE / ILO SDG 1.3.1 coverage and adequacy),
``dispersion`` (CV, Gini, Theil, σ- and β-convergence). Errors derive from
:class:`~mzanalysis.errors.MzError`; no function returns a silent NaN table.
"""
from .base import (AmbiguousFactsError, IndicatorError, MissingYearError, TooFewObservationsError,
                   UnitError, check_units, in_force, select, wide)
from .coverage import (benefit_to_standard, recipients_per_population, spending_per_recipient,
                       spending_share_of_gdp)
from .dispersion import (beta_convergence, cv, dispersion_by_year, gini, implied_speed, max_min,
                         sigma_convergence, theil, theil_decomposition)
from .groups import NBS_FOUR_REGIONS, nbs_region
from .standards import (annualise_standard, area_population, cagr, nominal_growth, price_index,
                        real_growth, real_level, share_of, share_of_consumption, share_of_income,
                        urban_rural_ratio, vs_poverty_line, weighted_mean)

__all__ = [
    "AmbiguousFactsError", "IndicatorError", "MissingYearError", "TooFewObservationsError",
    "UnitError", "check_units", "in_force", "select", "wide",
    "benefit_to_standard", "recipients_per_population", "spending_per_recipient",
    "spending_share_of_gdp",
    "beta_convergence", "cv", "dispersion_by_year", "gini", "implied_speed", "max_min",
    "sigma_convergence", "theil", "theil_decomposition",
    "annualise_standard", "area_population", "cagr", "nominal_growth", "price_index",
    "real_growth", "real_level", "share_of", "share_of_consumption", "share_of_income",
    "urban_rural_ratio",
    "vs_poverty_line", "weighted_mean", "NBS_FOUR_REGIONS", "nbs_region",
]
