"""The project's cited supplements (data/raw/national_supplement.csv and
provincial_supplement.csv) in the curated data.

The national one fills national years the collectors' series lacks (2013 rural, 2021 and 2022
recipients, 2022 population …); the provincial one fills province-years of dibao standards for the
thinnest provinces (issue 9). Every row keeps its page and a verbatim quote holding the figure.
"""
from __future__ import annotations

import csv
import re

import pytest

from mzanalysis.curate import KINDS, PROVINCIAL_SUPPLEMENT_PATH, SUPPLEMENT_PATH, build
from mzanalysis.errors import DataError
from mzanalysis.loaders import load_curated
from mzanalysis.loaders.curated import sources
from mzanalysis.provenance import classify

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


# -- the provincial supplement (data/raw/provincial_supplement.csv) -----------------------------

PROVINCIAL_COLUMNS = ["province", "year", "period", "indicator", "area", "kind", "value", "unit",
                      "source_url", "source_quote", "notes"]


# Chinese reporting practice: a provincial floor says 不低于 / 不得低于 / 最低标准 / 指导标准 / 低限;
# 最低生活保障 alone is just the programme's name.
_FLOOR_WORDING = re.compile(r"不(?:得)?低于|不(?:得)?低於|最低标准|最低標準|指导标准|指導標準|低限")


def _provincial_rows():
    with open(PROVINCIAL_SUPPLEMENT_PATH, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _holds(quote: str, value: str) -> bool:
    """The figure as written appears in the quote (a thousands comma between digits ignored)."""
    quote = re.sub(r"(?<=\d),(?=\d{3}\b)", "", quote)
    number = value.removesuffix(".0") if value.endswith(".0") else value
    return number in quote


def test_provincial_supplement_has_the_collector_columns_and_each_quote_holds_its_number():
    # the same columns as the collectors' provincial_standards_pages.csv, so curate reads both
    # with one rule; each row: a page, a verbatim quote holding the figure, notes saying what
    # the page is (the source class is read from them)
    with open(PROVINCIAL_SUPPLEMENT_PATH, encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == PROVINCIAL_COLUMNS
    rows = _provincial_rows()
    assert rows
    for row in rows:
        assert _holds(row["source_quote"], row["value"]), row
        assert row["source_url"].startswith(("http://", "https://")) and row["notes"], row
        assert len(row["source_quote"]) <= 160, row
        assert row["kind"] in KINDS and row["kind"] != "table_value", row
        # a floor (不低于 / 最低标准 / 指导标准 / 低限) is never filed as an average, nor the reverse
        assert bool(_FLOOR_WORDING.search(row["source_quote"])) == (
            row["kind"] == "provincial_floor"), row


def test_provincial_supplement_repeats_no_collector_row(shared):
    # the supplement adds province-years; a figure already in the collectors' files is not
    # entered twice (it would count as a second, agreeing source)
    key = ("province", "year", "indicator", "area", "value")
    seen = set()
    for name in ("provincial_standards_pages.csv", "provincial_bulletins.csv"):
        with open(shared / "data" / name, encoding="utf-8", newline="") as fh:
            seen |= {tuple(r[k] for k in key) for r in csv.DictReader(fh)}
    assert not [r for r in _provincial_rows() if tuple(r[k] for k in key) in seen]


def test_provincial_supplement_rows_are_sources_and_facts_with_honest_classes():
    src = sources()
    sup = src[src.dataset == "provincial_supplement"]
    rows = _provincial_rows()
    assert len(sup) == len(rows) and sup.used.all()
    facts = load_curated(preferred=False)
    mine = facts[facts.source == "curated:provincial_supplement"]
    assert set(sup.source_id) == set(mine.source_id)
    # the class follows the stated rules: a gov.cn page is an official table, a news report
    # reposted elsewhere is news, a garbled mirror is a blog; none is called an official repost
    classes = dict(zip(sup.line.astype(int), sup.source_class))
    for line, row in enumerate(rows, start=2):
        expected = classify(row["source_url"], row["notes"])[0]
        assert classes[line] == expected, row
    assert "official_repost" not in set(sup.source_class)
    floors = mine[mine.standard_kind == "floor"]
    assert len(floors) and floors["flags"].map(lambda f: "floor_standard" in f).all()


@pytest.mark.parametrize("region,year,area,value,unit,source_class", [
    ("河北省", 2018, "rural", 4297, "yuan_per_person_year", "news"),     # 河北新闻网, 2018-09
    ("安徽省", 2020, "rural", 7670, "yuan_per_person_year", "news"),     # Xinhua, 2020-11
    ("海南省", 2010, "urban", 248, "yuan_per_person_month", "news"),     # 海口网, end of 2010
    ("新疆维吾尔自治区", 2007, "rural", 700, "yuan_per_person_year", "official_table"),
    ("山西省", 2022, "urban", 628, "yuan_per_person_month", "news"),    # China Daily, 2022-08
    ("山西省", 2022, "rural", 496, "yuan_per_person_month", "news"),
    ("山西省", 2025, "urban", 669, "yuan_per_person_month", "blog"),    # 中新网 on a Q&A site
    ("江西省", 2025, "rural", 765, "yuan_per_person_month", "blog"),    # exam-prep page
    ("宁夏回族自治区", 2020, "urban", 600, "yuan_per_person_month", "blog"),   # 银川 notice,
    ("宁夏回族自治区", 2020, "rural", 4560, "yuan_per_person_year", "blog"),   # mirrored
])
def test_provincial_supplement_fills_province_years(region, year, area, value, unit,
                                                     source_class):
    facts = load_curated()
    row = facts[(facts.region == region) & (facts.indicator == "dibao_standard")
                & (facts.area == area) & (facts.year == year)]
    assert len(row) == 1
    assert row.iloc[0].value == pytest.approx(value) and row.iloc[0].unit == unit
    assert row.iloc[0].source_class == source_class
    assert row.iloc[0].source == "curated:provincial_supplement"


def test_bad_provincial_supplement_row_is_an_error_naming_file_and_line(shared, tmp_path):
    text = PROVINCIAL_SUPPLEMENT_PATH.read_text(encoding="utf-8").splitlines()
    assert ",provincial_average," in text[1]
    bad = tmp_path / "provincial_supplement.csv"
    bad.write_text("\n".join([text[0], text[1].replace(",provincial_average,", ",average,", 1)])
                   + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"provincial_supplement\.csv, line 2, column kind"):
        build(shared / "data", provincial_supplement=bad)
    bad.write_text("\n".join([text[0], text[1].replace(",2018-09,", ",2017-09,", 1)]) + "\n",
                   encoding="utf-8")
    with pytest.raises(DataError, match=r"provincial_supplement\.csv, line 2, column period"):
        build(shared / "data", provincial_supplement=bad)
