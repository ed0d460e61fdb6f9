"""The fact schema: a valid table passes; each kind of fault is named by row and column."""
import pandas as pd
import pytest

from mzanalysis.errors import SchemaError
from mzanalysis.schema import COLUMN_NAMES, INDICATORS, UNITS, empty_facts, validate_facts


def fact(**over):
    row = dict(region_code="630000", region="青海省", level="province", year=2016, period="2016",
               indicator="dibao_standard", area="urban", variant=None, value=522.0,
               value_high=None, unit="yuan_per_person_month", qualifier=None, flags=[],
               source="test", source_ref="span 10-20")
    row.update(over)
    return row


def test_valid_table_passes_and_keeps_extra_columns():
    frame = pd.DataFrame([fact(), fact(area="rural", value=3200.0, unit="yuan_per_person_year",
                                       flags=["approximate"], span_start=3)])
    out = validate_facts(frame)
    assert len(out) == 2 and "span_start" in out.columns


def test_empty_table_has_every_column():
    assert tuple(empty_facts().columns) == COLUMN_NAMES
    validate_facts(empty_facts())


@pytest.mark.parametrize("bad, column", [
    (dict(indicator="dibao_line"), "indicator"),
    (dict(unit="yuan per month"), "unit"),
    (dict(area="town"), "area"),
    (dict(region_code="63"), "region_code"),
    (dict(flags=["weird"]), "flags"),
    (dict(period="2016-Q4"), "period"),
    (dict(qualifier="older"), "qualifier"),
])
def test_faults_name_row_and_column(bad, column):
    frame = pd.DataFrame([fact(), fact(**bad)])
    with pytest.raises(SchemaError) as err:
        validate_facts(frame, what="my.csv")
    message = str(err.value)
    assert "my.csv" in message and f"row 1, column {column}" in message


def test_missing_column_is_named():
    with pytest.raises(SchemaError, match="missing column.*unit"):
        validate_facts(pd.DataFrame([fact()]).drop(columns="unit"))


def test_vocabularies_are_documented():
    assert all(desc.strip() for desc in INDICATORS.values())
    assert all(desc.strip() for desc in UNITS.values())
    assert {"dibao_standard", "tekun_standard", "orphan_standard", "poverty_line"} <= INDICATORS.keys()
