"""Briefs fed by a user's reports: what the reader sees, data status, caching, empty levels."""
from __future__ import annotations

import html
import json

import pandas as pd
import pytest

from mzanalysis.briefs import runner, sections
from mzanalysis.briefs.reports import report_facts
from mzanalysis.regions import resolve

GOOD = ("德令哈市民政局2022年工作总结\n城市低保标准由650元提高到每人每月680元,"
        "全市共有城市低保对象1200人。\n")


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MZ_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _text(page: str) -> str:
    return html.unescape(page)


@pytest.fixture(scope="module")
def seed_briefs(tmp_path_factory):
    from .conftest import SHARED

    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds not found")
    out = tmp_path_factory.mktemp("briefs")
    params = {"reports_dir": str(SHARED / "seeds")}
    result = runner.build([resolve("鄂尔多斯市"), resolve("同德县")], out=out, params=params,
                          jobs=2, show_progress=False)
    return out, result


def test_ordos_brief_shows_the_raised_levels_in_force(seed_briefs):
    out, result = seed_briefs
    assert result.exit_code == 0, [r["error"] for r in result.failed]
    page = _text((out / "region_brief" / "150600.html").read_text("utf-8"))
    assert "levels in force stated in reports" in page
    assert "城市 urban 2023年 <strong>950</strong> 元/月" in page
    assert "农村 rural 2023年 <strong>720</strong> 元/月" in page
    assert "仅报告数字 report figures only" in page
    assert "not ranked against official peers" in page
    side = json.loads((out / "region_brief" / "150600.json").read_text("utf-8"))["headline"]
    assert side["data_status"] == "reports" and side["n_report_figures"] > 0
    # the official headline stays official: a stated figure is not an official standard
    assert side["dibao_standard_urban"] is None


def test_tongde_brief_quotes_its_report_and_coverage(seed_briefs):
    out, _ = seed_briefs
    page = _text((out / "region_brief" / "632522.html").read_text("utf-8"))
    assert "城镇低保1088人" in page and "现有农牧民18657户63208人" in page
    assert "coverage from stated figures" in page and "1.72%" in page
    assert "002_aef38d11ae1c2bc2.txt" in page
    # the seeds folder holds a gold file that is not a report: listed, the others used
    assert "files not read" in page and "gold.jsonl" in page
    # below the province: the province's standards as context
    assert "青海省" in page and "province average" in page
    index = _text((out / "index.html").read_text("utf-8"))
    assert "仅报告数字 report figures only" in index and "✓ ok" not in index


def test_sections_compare_stated_with_official():
    base = {"region_code": "630000", "region": "青海省", "level": "province",
            "indicator": "dibao_standard", "area": "urban", "variant": None,
            "unit": "yuan_per_person_month", "flags": [], "source": "r.txt",
            "source_ref": "chars 0-5", "value_high": None}
    stated = pd.DataFrame([{**base, "year": 2016, "period": "2016", "value": 400.0,
                            "qualifier": "new", "text": "提高到400元"},
                           {**base, "year": 2016, "period": "2016", "value": 380.0,
                            "qualifier": "old", "text": "由380元"}])
    official = pd.DataFrame([{**base, "year": 2016, "period": "2016", "value": 420.0,
                              "qualifier": None, "source": "mca"},
                             {**base, "year": 2015, "period": "2015", "value": 380.0,
                              "qualifier": None, "source": "mca"}])
    got = sections.compare_with_official(stated, official)
    by = got.set_index("qualifier")
    assert by.loc["new", "period"] == "2016" and by.loc["new", "official"] == 420.0
    assert bool(by.loc["new", "warn"]) and by.loc["new", "gap_pct"] == pytest.approx(-4.76, 0.01)
    assert by.loc["old", "period"] == "2015" and not bool(by.loc["old", "warn"])
    assert sections.data_status("630000", {"630000"}, set()) == "official"
    assert sections.data_status("632522", {"630000"}, {"632522"}) == "reports"
    assert sections.data_status("632523", {"630000"}, {"632522"}) == "none"


def test_report_folder_is_cached_and_part_of_the_build_key(tmp_path, cache):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="gb18030")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    facts = report_facts(folder)
    assert set(facts.placed["value"]) == {650.0, 680.0, 1200.0}
    assert len(facts.errors) == 1 and "image.txt: binary file" in facts.errors[0]
    assert len(list((cache / "reports").glob("*.json"))) == 1
    out = tmp_path / "out"
    params = {"reports_dir": str(folder)}
    first = runner.plan([resolve("德令哈市")], out=out, params=params)[0]
    assert first["data_status"] == "reports"
    same = runner.plan([resolve("德令哈市")], out=out, params=params)[0]
    assert same["key"] == first["key"]
    (folder / "a.txt").write_text(GOOD.replace("680", "690"), encoding="gb18030")
    changed = runner.plan([resolve("德令哈市")], out=out, params=params)[0]
    assert changed["key"] != first["key"]
    assert 690.0 in set(report_facts(folder).placed["value"])


def test_batch_without_data_writes_index_rows_not_pages(tmp_path):
    regions = [resolve("兴海县"), resolve("贵南县")]
    result = runner.build(regions, out=tmp_path, jobs=1, show_progress=False, skip_empty=True)
    assert [r["status"] for r in result.results] == ["no_data", "no_data"]
    assert not (tmp_path / "region_brief" / "632524.html").exists()
    index = _text((tmp_path / "index.html").read_text("utf-8"))
    assert "兴海县" in index and "无数据 no data" in index
    assert 'href="region_brief/632524.html"' not in index
