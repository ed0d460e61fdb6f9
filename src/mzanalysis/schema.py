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
    "damaged_text": "the quoted text touches bytes the file's encoding did not explain (U+FFFD)",
}

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
        "indicator": text(in_vocab("indicator", INDICATORS)),
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
    try:
        return _SCHEMA.validate(frame, lazy=True)
    except pe.SchemaErrors as exc:
        raise SchemaError(f"{what} is not a valid fact table:\n" + _describe(exc)) from None


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
