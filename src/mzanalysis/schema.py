"""The fact table: one tidy long table that every loader returns and every indicator reads.

A figure read from a county work report and a figure from an official statistical table share this
shape, so they can be compared, reconciled and plotted by the same code. This module is the one
place where the columns, the indicator vocabulary, the units and the quality flags are defined;
extend the vocabulary here (with a description) and nowhere else.

Validation uses pandera (imported lazily: it is slow to import and most callers never validate).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .errors import SchemaError


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    nullable: bool
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("region_code", "str", False, "GB/T 2260 six-digit code; 000000 is China"),
    Column("region", "str", False, "canonical Chinese name of the region (青海省)"),
    Column("level", "str", False, "national, province, prefecture or county"),
    Column("year", "int", False, "the year the figure describes"),
    Column("period", "str", False, "'2023', or '2023Q4' / '2023M06' for a sub-annual figure"),
    Column("indicator", "str", False, "controlled vocabulary: see INDICATORS"),
    Column("area", "str", False, "urban, rural or all"),
    Column("variant", "str", True, "sub-programme, e.g. concentrated / dispersed support"),
    Column("value", "float", False, "value in base units (yuan, persons, households)"),
    Column("value_high", "float", True, "upper end of a stated range (90-160元)"),
    Column("unit", "str", False, "see UNITS"),
    Column("qualifier", "str", True, "old / new when the text describes a raise"),
    Column("flags", "list", False, "quality flags: see FLAGS"),
    Column("source", "str", False, "dataset id or document id"),
    Column("source_ref", "str", False, "URL and quote, or character span in the document"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)

#: The indicator vocabulary. Keys are the names used in every table; values say what they measure.
INDICATORS: dict[str, str] = {
    # 最低生活保障 (dibao), the minimum living standard guarantee
    "dibao_standard": "dibao (低保) minimum living standard: the income line per person",
    "dibao_avg_benefit": "average dibao benefit actually paid per recipient (月人均补助水平)",
    "dibao_recipients": "persons receiving dibao",
    "dibao_households": "households receiving dibao",
    "dibao_expenditure": "dibao spending (all levels of government)",
    # 特困人员救助供养 (tekun), support for persons in extreme poverty (formerly 五保)
    "tekun_standard": "tekun (特困) basic living support standard per person",
    "tekun_recipients": "persons supported as tekun (特困/五保)",
    "tekun_expenditure": "tekun support spending",
    # 孤儿 orphans
    "orphan_standard": "basic living allowance for orphans (孤儿基本生活费) per child",
    "orphan_recipients": "orphans receiving the basic living allowance",
    "orphan_expenditure": "spending on orphans' basic living allowance",
    # 老年人津贴 elderly allowances
    "elderly_allowance": "old-age allowance (高龄津贴/补贴) per person",
    "elderly_allowance_recipients": "persons receiving an old-age allowance",
    "elderly_allowance_expenditure": "spending on old-age allowances",
    # 残疾人两项补贴 disability subsidies
    "disability_subsidy": "disability living / care subsidy (残疾人两项补贴) per person",
    "disability_subsidy_recipients": "persons receiving a disability subsidy",
    "disability_subsidy_expenditure": "spending on disability subsidies",
    # other assistance
    "temporary_assistance_expenditure": "temporary assistance (临时救助) spending",
    "temporary_assistance_recipients": "temporary assistance cases (人次)",
    "medical_assistance_expenditure": "medical assistance (医疗救助) spending",
    "other_assistance_expenditure": "spending on other named assistance to people (特困/五保, "
                                    "orphans, old-age and disability allowances); the programme "
                                    "is in variant",
    # denominators and drivers
    "population": "resident population (常住人口)",
    "population_households": "resident households",
    "disposable_income": "per-capita disposable income (人均可支配收入)",
    "consumption_expenditure": "per-capita consumption expenditure (人均消费支出)",
    "gdp_per_capita": "GDP per capita",
    "budget_revenue": "general public budget revenue (一般公共预算收入)",
    "budget_expenditure": "general public budget expenditure (一般公共预算支出)",
    "cpi": "consumer price index, previous year = 100",
    "urbanisation_rate": "urban share of resident population (城镇化率)",
    "poverty_line": "national rural poverty line (农村贫困标准) per person per year",
    "unemployment_rate": "registered urban unemployment rate (城镇登记失业率)",
    "dependency_ratio": "dependency ratio of the resident population (常住人口抚养比)",
}

#: What kind of figure a standard is (``standard_kind`` column of the curated facts; empty for
#: other indicators). Chinese provinces publish several different numbers as "the" standard:
#: the preference rule ranks them in this order, so a floor never stands in for an average
#: without the ``floor_standard`` flag saying so.
STANDARD_KINDS: dict[str, str] = {
    "average": "provincial average (全省/全区平均标准) or one province-wide standard",
    "municipal": "a municipality's own standard (北京, 天津, 上海, 重庆: the province-level figure)",
    "county_mean": "MCA table: simple mean of the county standards of the province",
    "table": "a value copied from a secondary table (a paper's compilation of standards)",
    "floor": "provincial floor (不低于 / 指导 / 最低标准): localities may not go below it",
}

#: Units: values are always stored in these base units (万 and 亿 already multiplied out).
UNITS: dict[str, str] = {
    "yuan_per_person_month": "yuan per person per month",
    "yuan_per_person_year": "yuan per person per year",
    "persons": "persons (人, 人次 for case counts)",
    "households": "households (户)",
    "yuan": "yuan (total amount)",
    "percent": "percent (0-100)",
    "index": "index number (previous year = 100 for cpi)",
}

#: Quality flags a fact may carry.
FLAGS: dict[str, str] = {
    "unit_conflict": "the stated unit is contradicted by the magnitude (or by its pair)",
    "unit_missing": "no unit stated; inferred from a paired figure or from context",
    "implausible_value": "the value is implausible given related figures",
    "approximate": "stated as approximate (余, 近, 约, 左右, 多)",
    "source_conflict": "other sources give a different value; this row was preferred by rule",
    "region_unknown": "a page stitching several reports: this figure's part names no region",
    "floor_standard": "the standard is a provincial floor (不低于/最低), not an average: no "
                      "average exists for the key",
    "derived": "computed from other cited figures (e.g. urban population = population × "
               "urbanisation rate), not published as such",
    "unknown_indicator": "the indicator is outside the vocabulary (INDICATORS): loaded as given",
    "damaged_text": "the quoted text touches bytes the file's encoding did not explain (U+FFFD)",
    "learned": "read by the learned reader (mzanalysis.text.reader), not by a rule: a model's "
               "reading of the words around a per-person amount the rules left; about three in "
               "five such facts were right in cross-validation",
}


def units_allowed(indicator: str) -> tuple[str, ...] | None:
    """The base units that fit ``indicator`` (None: any unit, for a name outside the vocabulary).

    A standard in persons or a count in yuan is a wrong column or a typing error, never a
    figure: loaders and the curate build reject it naming the row.
    """
    per_person = ("yuan_per_person_month", "yuan_per_person_year")
    if indicator in ("disposable_income", "consumption_expenditure", "gdp_per_capita",
                     "poverty_line", "elderly_allowance", "disability_subsidy"):
        return per_person
    if indicator in ("urbanisation_rate", "unemployment_rate", "dependency_ratio"):
        return ("percent",)
    if indicator == "cpi":
        return ("index",)
    if indicator in ("population", "temporary_assistance_recipients"):
        return ("persons",)
    if indicator == "budget_revenue" or indicator == "budget_expenditure":
        return ("yuan", "yuan_per_person_year")  # totals, or per capita (variant per_capita)
    for tail, units in (("_standard", per_person), ("_avg_benefit", per_person),
                        ("_recipients", ("persons",)), ("_households", ("households",)),
                        ("_expenditure", ("yuan",))):
        if indicator.endswith(tail):
            return units
    return None


AREAS: tuple[str, ...] = ("urban", "rural", "all")
LEVELS: tuple[str, ...] = ("national", "province", "prefecture", "county")
QUALIFIERS: tuple[str, ...] = ("old", "new")


def empty_facts():
    """An empty fact table with the schema's columns and dtypes."""
    import pandas as pd

    frame = pd.DataFrame({c.name: pd.Series(dtype=_pandas_dtype(c.dtype)) for c in COLUMNS})
    return frame


def _pandas_dtype(kind: str) -> str:
    return {"str": "str", "int": "int64", "float": "float64", "list": "object"}[kind]


def _is_str_list(value) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _build_pandera_schema():
    import pandera.pandas as pa

    def in_vocab(name: str, allowed: Iterable[str]) -> "pa.Check":
        allowed = frozenset(allowed)
        return pa.Check.isin(sorted(allowed), error=f"{name} must be one of {sorted(allowed)}")

    flags_ok = pa.Check(
        lambda s: s.map(lambda v: _is_str_list(v) and set(v) <= FLAGS.keys()),
        element_wise=False,
        error=f"flags must be a list drawn from {sorted(FLAGS)}",
    )

    def text(*checks, nullable=False):
        # pandas 3 stores text as "str" (or object in older frames); both are fine, so the dtype is
        # left open and each value is checked to be a string instead.
        is_text = pa.Check(lambda s: s.map(lambda v: isinstance(v, str)), element_wise=False,
                           error="text value", ignore_na=nullable)
        return pa.Column(None, [is_text, *checks], nullable=nullable)

    columns = {
        "region_code": text(pa.Check.str_matches(r"^\d{6}$", error="six digits")),
        "region": text(pa.Check.str_length(min_value=1)),
        "level": text(in_vocab("level", LEVELS)),
        "year": pa.Column(int, pa.Check.in_range(1949, 2100), nullable=False, coerce=True),
        "period": text(pa.Check.str_matches(r"^\d{4}((Q[1-4])|(M(0[1-9]|1[0-2])))?$",
                                            error="'2023', '2023Q4' or '2023M06'")),
        # open vocabulary: a name outside INDICATORS is kept when flagged unknown_indicator
        # (checked in validate_facts); any name must still be snake_case
        "indicator": text(pa.Check.str_matches(r"^[a-z][a-z0-9_]*$",
                                               error="snake_case indicator name")),
        "area": text(in_vocab("area", AREAS)),
        "variant": text(nullable=True),
        "value": pa.Column(float, pa.Check(lambda s: s.abs() < 1e15, error="finite value"),
                           nullable=False, coerce=True),
        "value_high": pa.Column(float, nullable=True, coerce=True),
        "unit": text(in_vocab("unit", UNITS)),
        "qualifier": text(pa.Check.isin(list(QUALIFIERS)), nullable=True),
        "flags": pa.Column(object, flags_ok, nullable=False),
        "source": text(pa.Check.str_length(min_value=1)),
        "source_ref": text(),
    }
    return pa.DataFrameSchema(columns, strict=False, ordered=False)


_SCHEMA = None


def validate_facts(frame, *, what: str = "fact table"):
    """Check ``frame`` against the fact schema and return it with dtypes coerced.

    Raises :class:`SchemaError` whose message lists each failing row (by index) and column with
    the offending value, so a user can find the line in their file. Extra columns are allowed
    (loaders keep provenance such as ``span_start``); missing columns are an error.
    """
    global _SCHEMA
    import pandera.errors as pe

    missing = [c for c in COLUMN_NAMES if c not in frame.columns]
    if missing:
        raise SchemaError(f"{what}: missing column(s) {', '.join(missing)}")
    if _SCHEMA is None:
        _SCHEMA = _build_pandera_schema()
    _check_meaning(frame, what)
    try:
        return _SCHEMA.validate(frame, lazy=True)
    except pe.SchemaErrors as exc:
        raise SchemaError(f"{what} is not a valid fact table:\n" + _describe(exc)) from None


def _check_meaning(frame, what: str, limit: int = 8) -> None:
    """Rows whose indicator, unit and sign do not make sense together (see units_allowed).

    An indicator outside the vocabulary must carry the ``unknown_indicator`` flag (loaders add
    it); a unit that does not fit the indicator must carry ``unit_conflict``; a count, amount,
    standard or rate below zero must carry ``implausible_value``.
    """
    import pandas as pd

    if not len(frame):
        return
    flags = frame["flags"].map(lambda f: set(f) if isinstance(f, (list, tuple, set)) else set())
    known = frame["indicator"].isin(list(INDICATORS))
    problems = []
    for i in frame.index[~known & ~flags.map(lambda f: "unknown_indicator" in f)]:
        problems.append(f"  row {i}, column indicator: {frame.at[i, 'indicator']!r} is not in "
                        "the vocabulary and not flagged unknown_indicator")
    allowed = {name: units_allowed(name) for name in frame["indicator"].unique()}
    # a row already flagged unit_conflict has said its unit is doubtful: it is kept, visibly
    fits = [allowed.get(ind) is None or unit in allowed[ind] or "unit_conflict" in fl
            for ind, unit, fl in zip(frame["indicator"], frame["unit"], flags)]
    for i in frame.index[~pd.Series(fits, index=frame.index)]:
        problems.append(f"  row {i}, column unit: {frame.at[i, 'unit']!r} does not fit "
                        f"{frame.at[i, 'indicator']} (expected "
                        f"{' or '.join(allowed[frame.at[i, 'indicator']])})")
    value = pd.to_numeric(frame["value"], errors="coerce")
    negative = known & (value < 0) & ~flags.map(lambda f: "implausible_value" in f)
    for i in frame.index[negative]:
        problems.append(f"  row {i}, column value: {frame.at[i, 'value']!r} — "
                        f"{frame.at[i, 'indicator']} cannot be negative")
    if problems:
        more = f"\n  … and {len(problems) - limit} more" if len(problems) > limit else ""
        raise SchemaError(f"{what} is not a valid fact table:\n" + "\n".join(problems[:limit])
                          + more)


def _describe(exc, limit: int = 20) -> str:
    """Turn pandera's failure-case table into lines 'row R, column C: value V (check)'."""
    cases = exc.failure_cases
    lines = []
    for case in cases.head(limit).itertuples(index=False):
        row = "-" if case.index is None or case.index != case.index else case.index
        column = case.column if case.column is not None else "(table)"
        lines.append(f"  row {row}, column {column}: {case.failure_case!r} fails {case.check}")
    if len(cases) > limit:
        lines.append(f"  … and {len(cases) - limit} more")
    return "\n".join(lines)
