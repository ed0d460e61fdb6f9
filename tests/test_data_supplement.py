"""The project's cited national supplement (data/raw/national_supplement.csv) in the curated data.

It fills national years the collectors' series lacks (2013 rural, 2021 and 2022 recipients,
2022 population …). Every row keeps its page and a verbatim quote holding the figure.
"""
from __future__ import annotations

import csv
import re

import pytest

from mzanalysis.curate import SUPPLEMENT_PATH, build
from mzanalysis.errors import DataError
from mzanalysis.loaders import load_curated
from mzanalysis.loaders.curated import sources

COLUMNS = ["year", "indicator", "area", "value", "unit", "value_monthly_yuan", "source_url",
           "source_quote", "notes"]


def _rows():
    with open(SUPPLEMENT_PATH, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_supplement_has_the_collector_columns_and_each_quote_holds_its_number():
    with open(SUPPLEMENT_PATH, encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == COLUMNS
    rows = _rows()
    assert rows
    for row in rows:
        quote = re.sub(r"(?<=\d) (?=[\d.])|(?<=[\d.]) (?=\d)", "", row["source_quote"])
        number = row["value"].removesuffix(".0") if row["value"].endswith(".0") else row["value"]
        assert number in quote.replace(" ", ""), row
        assert row["source_url"].startswith(("http://", "https://")) and row["notes"], row
        assert len(row["source_quote"]) <= 160


def test_supplement_rows_are_sources_and_facts():
    src = sources()
    sup = src[src.dataset == "national_supplement"]
    assert len(sup) == len(_rows()) and sup.used.all()
    facts = load_curated(preferred=False)
    assert set(sup.source_id) <= set(facts.source_id)


@pytest.mark.parametrize("indicator,area,year,value,source_class", [
    ("dibao_recipients", "urban", 2021, 7_378_000, "official_repost"),   # MCA 2021 bulletin
    ("dibao_recipients", "rural", 2021, 34_745_000, "official_repost"),
    ("dibao_standard", "rural", 2021, 6362.2, "official_repost"),
    ("dibao_recipients", "urban", 2022, 6_830_000, "official_repost"),   # NBS 2022 communiqué
    ("dibao_recipients", "rural", 2022, 33_490_000, "official_repost"),
    ("dibao_recipients", "rural", 2013, 54_000_000, "official_repost"),  # UNICEF, MCA yearbook
    ("population", "all", 2022, 1_411_750_000, "official_repost"),
])
def test_supplement_fills_national_years(indicator, area, year, value, source_class):
    facts = load_curated()
    row = facts[(facts.region_code == "000000") & (facts.indicator == indicator)
                & (facts.area == area) & (facts.year == year) & facts.variant.isna()]
    assert len(row) == 1
    assert row.iloc[0].value == pytest.approx(value)
    assert row.iloc[0].source_class == source_class
    assert row.iloc[0].source == "curated:national_supplement"


def test_supplement_agreeing_with_the_collectors_series_is_no_conflict():
    # UNICEF's rounded "21 million" (2013 urban) agrees with the MCA table's 2061.3万, which is
    # preferred by file order; the NBS 738万 (2021) agrees with the MCA bulletin's 737.8万.
    every = load_curated(preferred=False)
    for year, value in ((2013, 20_613_000), (2021, 7_378_000)):
        rows = every[(every.region_code == "000000") & (every.indicator == "dibao_recipients")
                     & (every.area == "urban") & (every.year == year)]
        assert len(rows) >= 2 and not rows.conflict.any()
        assert rows[rows.preferred].value.item() == value


def test_bad_supplement_row_is_an_error_naming_file_and_line(shared, tmp_path):
    bad = tmp_path / "national_supplement.csv"
    text = SUPPLEMENT_PATH.read_text(encoding="utf-8").splitlines()
    assert ",万人," in text[1]
    text[1] = text[1].replace(",万人,", ",万条,", 1)   # an unknown unit on line 2
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"national_supplement\.csv, line 2, column unit"):
        build(shared / "data", supplement=bad)
    with pytest.raises(DataError, match="file not found"):
        build(shared / "data", supplement=tmp_path / "none.csv")
