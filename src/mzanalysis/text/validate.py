"""Plausibility checks on extracted facts: flag figures that a careful reader would not trust.

Reports are typed by hand and copied between sites, so a unit or a 万 gets lost. Rather than
silently trusting or dropping such a figure, the fact keeps its value and carries a flag:

* ``unit_conflict`` — the stated period contradicts the magnitude: a "monthly" rural standard
  several times the urban one in the same sentence (rural standards are below urban ones), or a
  monthly standard beyond any in China (the highest monthly dibao line, Shanghai's, was 1,510 yuan
  in 2024). The unit is switched to the one the magnitude implies.
* ``implausible_value`` — a negative figure, one beyond any real magnitude (:data:`MAX_BY_UNIT`),
  a fractional count of people (1.04人次: a dropped 万), a programme total
  under 1,000 yuan, or spending of under 10 yuan per recipient stated in the same sentence
  (277.46元 paid to 3,042 people).
"""
from __future__ import annotations

#: Highest believable monthly per-person amount per indicator (yuan); above it, it is per year.
MAX_MONTHLY = {"dibao_standard": 2000, "dibao_avg_benefit": 2000, "tekun_standard": 3500,
               "orphan_standard": 4000, "elderly_allowance": 2000, "disability_subsidy": 1000}
#: Lowest believable yearly per-person standard; below it, the figure is per month.
MIN_YEARLY = {"dibao_standard": 300, "tekun_standard": 300, "orphan_standard": 300}
#: A rural "monthly" standard this many times the urban one was stated per year.
RURAL_URBAN_RATIO = 3.0
MIN_TOTAL_YUAN = 1000.0
#: Beyond these no figure of Chinese social assistance can go: counts above China's whole
#: population (well under 2 billion people), yuan totals of hundreds of trillions (many times any
#: national budget), per-person amounts above a million a month or ten million a year.
MAX_BY_UNIT = {"persons": 2e9, "households": 1e9, "yuan": 3e14,
               "yuan_per_person_month": 1e6, "yuan_per_person_year": 1e7}
MIN_YUAN_PER_RECIPIENT = 10.0

_MONTH, _YEAR = "yuan_per_person_month", "yuan_per_person_year"


def _flag(fact, flag: str) -> None:
    if flag not in fact.flags:
        fact.flags.append(flag)


def _programme(fact) -> str:
    # runs before the other_assistance_expenditure roll-up rows exist: programme indicators only
    indicator = fact.indicator
    return indicator.rsplit("_", 1)[0] if indicator.endswith(("_expenditure", "_recipients")) \
        else indicator


def check_plausibility(facts: list) -> list:
    """Add unit_conflict / implausible_value flags (and fix conflicting units) in place."""
    by_sentence: dict[int, list] = {}
    for f in facts:
        by_sentence.setdefault(f.sentence, []).append(f)
    for f in facts:
        if f.unit == _MONTH and f.value > MAX_MONTHLY.get(f.indicator, float("inf")):
            f.unit = _YEAR
            _flag(f, "unit_conflict")
        elif f.unit == _YEAR and f.value < MIN_YEARLY.get(f.indicator, 0):
            f.unit = _MONTH
            _flag(f, "unit_conflict")
        if f.unit == "persons" and not float(f.value).is_integer():
            _flag(f, "implausible_value")
        # -500人 or 10^30元: a sign or a magnitude no report can mean
        if f.value < 0 or f.value > MAX_BY_UNIT.get(f.unit, float("inf")):
            _flag(f, "implausible_value")
        if f.unit == "yuan" and f.value < MIN_TOTAL_YUAN:
            _flag(f, "implausible_value")
    for group in by_sentence.values():
        for rural in group:
            if rural.area != "rural" or rural.unit != _MONTH:
                continue
            for urban in group:
                if (urban.area == "urban" and urban.indicator == rural.indicator
                        and urban.unit == _MONTH and urban.qualifier == rural.qualifier
                        and rural.value > RURAL_URBAN_RATIO * urban.value):
                    rural.unit = _YEAR
                    _flag(rural, "unit_conflict")
        for spend in group:
            if spend.unit != "yuan":
                continue
            for count in group:
                if (count.unit == "persons" and count.variant is None
                        and _programme(count) == _programme(spend)
                        and count.value >= 1 and spend.value / count.value < MIN_YUAN_PER_RECIPIENT):
                    _flag(spend, "implausible_value")
    return facts
