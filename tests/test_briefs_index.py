"""The index page: a common reference year per series, compared side by side (synthetic sidecars)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mzanalysis.briefs import refyear
from mzanalysis.briefs.index import write_index


def fake(out: Path, code: str, name: str, level: str, by_year=None, status: str = "ok",
         stem: str | None = None, english: str = "", **headline) -> None:
    """One recorded brief: build record and (when ok) headline sidecar, as the runner writes."""
    stem = stem or code
    folder = out / "region_brief"
    (folder / ".build").mkdir(parents=True, exist_ok=True)
    rec = {"key": "K", "status": status, "region": code, "stem": stem, "name": name,
           "english": english, "level": level, "parameters": {}, "modules": [], "outputs": {}}
    (folder / ".build" / f"{stem}.json").write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    if status == "ok":
        head = dict(headline)
        if by_year is not None:
            head["by_year"] = by_year
        (folder / f"{stem}.json").write_text(json.dumps({"headline": head}, ensure_ascii=False),
                                              "utf-8")


def tables(out: Path) -> dict[str, list[dict]]:
    """Each group's table as a list of {header text: cell text} (what a reader sees)."""
    soup = BeautifulSoup(write_index(out).read_text("utf-8"), "html.parser")
    found = {}
    for h2 in soup.find_all("h2"):
        table = h2.find_next("table")
        top, labels = table.thead.find_all("tr")  # group row (with row-spanned cells), labels
        heads = [" ".join(th.get_text(" ", strip=True).split())
                 for th in [*top.find_all("th", rowspan="2"), *labels.find_all("th")]]
        found[h2.get_text(strip=True)] = [
            dict(zip(heads, (td.get_text(" ", strip=True) for td in tr.find_all("td"))))
            for tr in table.tbody.find_all("tr")]
    return found


def years(**series):
    return {k: {str(y): v for y, v in vals.items()} for k, vals in series.items()}


# --- the rule ----------------------------------------------------------------------------------

def test_latest_year_that_80_percent_of_regions_share():
    full = {y: 1.0 for y in range(2015, 2023)}
    late = {**full, 2023: 1.0}
    # 25 of 31 regions have 2023 (80.6 %): 2023; 24 of 31 (77.4 %): 2022
    assert refyear.reference_year([late] * 25 + [full] * 6) == (2023, 25, 31)
    assert refyear.reference_year([late] * 24 + [full] * 7) == (2022, 31, 31)
    # exactly 80 % qualifies (4 of 5)
    assert refyear.reference_year([late] * 4 + [full]) == (2023, 4, 5)


def test_regions_without_the_series_do_not_count_and_fallbacks():
    assert refyear.reference_year([{2020: 1.0}, {2020: 2.0}, {}, {}]) == (2020, 2, 2)
    assert refyear.reference_year([{}, {}]) is None
    assert refyear.reference_year([]) is None
    # no year reaches 80 %: the year with the most regions, the later one on a tie
    scattered = [{2018: 1, 2019: 1}, {2019: 1, 2020: 1}, {2020: 1, 2021: 1}, {2021: 1}]
    assert refyear.reference_year(scattered) == (2021, 2, 4)
    assert refyear.reference_year([{2018: 1}, {2019: 1}, {2019: 1}, {2020: 1}]) == (2019, 2, 4)
    assert refyear.reference_year([{2017: 5.0}]) == (2017, 1, 1)  # one region: its latest


def test_bad_by_year_is_named_and_left_out(capsys):
    got = refyear.parse_by_year({"dibao_standard_urban": {"2019": 600, "2020": None},
                                 "coverage_urban": {"20x9": 1.0},
                                 "coverage_rural": {"2019": "3.1"},
                                 "dibao_standard_rural": [1, 2]}, where="region_brief/620000.json")
    assert got == {"dibao_standard_urban": {2019: 600.0}}
    err = capsys.readouterr().err
    assert "region_brief/620000.json: by_year['coverage_urban']" in err
    assert "by_year['coverage_rural']: value '3.1' for '2019'" in err
    assert "by_year['dibao_standard_rural'] is not an object" in err


# --- the page ----------------------------------------------------------------------------------

@pytest.fixture
def provinces(tmp_path):
    fake(tmp_path, "000000", "中国", "national",
         years(dibao_standard_urban={2021: 711.4, 2022: 752.3, 2023: 782.7},
               coverage_urban={2021: 1.2, 2022: 1.1}),
         dibao_standard_urban=782.7, dibao_standard_urban_year=2023)
    for i, (code, name) in enumerate([("110000", "北京市"), ("620000", "甘肃省"),
                                      ("630000", "青海省"), ("640000", "宁夏回族自治区")]):
        fake(tmp_path, code, name, "province",
             years(dibao_standard_urban={2021: 600.0 + i, 2022: 620.0 + i,
                                         **({2023: 650.0 + i} if i < 3 else {})},
                   coverage_urban={2020: 1.0 + i, 2021: 2.0 + i, **({2022: 0.0} if i == 0 else {})}),
             dibao_standard_urban=650.0 + i, dibao_standard_urban_year=2023)
    fake(tmp_path, "650000", "新疆维吾尔自治区", "province", status="failed")
    return tmp_path


def test_index_compares_regions_in_a_common_year(provinces):
    [(group, rows)] = tables(provinces).items()
    assert group == "全国与省级 / China and provinces"
    by = {r["代码 code"]: r for r in rows}
    # urban standard: 4 of 5 regions with the series have 2023 (80 %) -> 2023
    std = "城市低保标准 urban standard (元/人·月) 2023 年 4/5"
    assert by["620000"][std] == "651" and by["000000"][std] == "783"
    assert by["640000"][std] == "—"  # no 2023 figure: a dash, never 0
    assert by["650000"][std] == "—"  # a failed brief has no sidecar
    # coverage: only 2 of 5 have 2022 -> 2021, which all five share
    cov = "城市覆盖率 urban coverage (%) 2021 年 5/5"
    assert [by[c][cov] for c in ("000000", "110000", "620000", "630000", "640000")] == \
        ["1.20", "2.00", "3.00", "4.00", "5.00"]
    # no sidecar has rural series: no rural reference columns at all
    assert not any("农村低保标准 rural standard" in h and " 年 " in h for h in rows[0])
    # the latest-value and status columns stay
    assert by["620000"]["城市低保标准 urban standard (元/人·月)"] == "651 (2023)"
    assert by["650000"]["数据 data status"] == "✗ 失败 failed"


def test_every_header_cell_is_labelled_and_the_rule_is_stated(provinces):
    page = write_index(provinces).read_text("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert all(th.get_text(strip=True) for th in soup.find_all("th"))
    assert "至少 80%" in page and "at least 80 % of the regions with that series" in page
    assert "共同参考年份 / common reference year" in page
    assert soup.find("table").parent.get("class") == ["mz-scroll"]  # scrolls, never cut


def test_zero_is_a_value_not_missing(provinces):
    fake(provinces, "110000", "北京市", "province",
         years(coverage_urban={2021: 0.0}), coverage_pct=0.0)
    rows = tables(provinces)["全国与省级 / China and provinces"]
    by = {r["代码 code"]: r for r in rows}
    cov = next(h for h in rows[0] if h.startswith("城市覆盖率 urban coverage (%) 2021"))
    assert by["110000"][cov] == "0.00"


def test_without_by_year_the_index_has_no_reference_columns(tmp_path):
    fake(tmp_path, "620000", "甘肃省", "province", dibao_standard_urban=650.0,
         dibao_standard_urban_year=2023)
    page = write_index(tmp_path).read_text("utf-8")
    [(_, rows)] = tables(tmp_path).items()
    assert list(rows[0]) == ["代码 code", "地区 region", "数据 data status",
                             "城市低保标准 urban standard (元/人·月)",
                             "农村低保标准 rural standard (元/人·月)", "低保人数 recipients (万人)",
                             "覆盖率 coverage (%)", "口径差异 discrepancies"]
    assert " 年 " not in "".join(rows[0]) and "80 %" not in page
    assert "common reference year" not in page
    assert rows[0]["农村低保标准 rural standard (元/人·月)"] == "—"


def test_each_level_has_its_own_reference_year(provinces):
    for code, name in (("620100", "兰州市"), ("620200", "嘉峪关市")):
        fake(provinces, code, name, "prefecture",
             years(dibao_standard_urban={2019: 700.0, 2020: 720.0}))
    # a parameter variant of Lanzhou: shown, but it does not count twice for the year
    fake(provinces, "620100", "兰州市", "prefecture", years(dibao_standard_urban={2024: 9.0}),
         stem="620100-1a2b3c4d", english="Lanzhou")
    got = tables(provinces)
    assert list(got) == ["全国与省级 / China and provinces", "地级 / prefectures"]
    pref = got["地级 / prefectures"]
    col = "城市低保标准 urban standard (元/人·月) 2020 年 2/2"
    assert [r[col] for r in pref] == ["720", "—", "720"]
    assert pref[1]["地区 region"] == "兰州市 (620100-1a2b3c4d) Lanzhou"  # name, variant, English
