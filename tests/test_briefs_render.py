"""Render real briefs and check what a reader gets: the page, the sidecar, the index, reruns."""
from __future__ import annotations

import json
import re

import pytest

from mzanalysis import __version__
from mzanalysis.briefs import runner
from mzanalysis.regions import resolve

PARAMS = {"start_year": 2008, "end_year": 2020}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    regions = [resolve("青海"), resolve("全国")]
    result = runner.build(regions, out=out, params=PARAMS, jobs=2, show_progress=False)
    return out, result


def page(out, code):
    return (out / "region_brief" / f"{code}.html").read_text("utf-8")


def test_batch_succeeds_and_writes_each_brief(built):
    out, result = built
    assert result.exit_code == 0
    assert [r["status"] for r in result.results] == ["ok", "ok"]
    for code in ("630000", "000000"):
        assert (out / "region_brief" / f"{code}.html").is_file()
        assert (out / "region_brief" / f"{code}.json").is_file()


def test_page_is_static_chinese_html_without_code(built):
    out, _ = built
    html = page(out, "630000")
    assert re.match(r'<!DOCTYPE html>\s*<html lang="zh">', html)
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched from network
    assert "script-src 'none'" in html
    # no input cells and no parameter cells
    assert "import matplotlib" not in html and "ind.select(" not in html
    assert "start_year = " not in html and "injected-parameters" not in html
    assert "jp-InputArea-editor" not in html
    # content: title, sections, table of contents, embedded plots, provenance footer
    assert "<h1" in html and "青海省 民政社会救助简报" in html
    toc = re.search(r'<nav[^>]*class="mz-toc"[^>]*>(.*?)</nav>', html, re.S).group(1)
    links = dict((text, href) for href, text in re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc))
    for section in ("低保标准 / Dibao standards", "覆盖面与支出 / Coverage and spending",
                    "数据覆盖与来源 / Data coverage and sources"):
        assert f'id="{links[section]}"' in html  # each entry points at its heading
    assert html.count('src="data:image/png;base64,') >= 2
    assert f"<code>{__version__}</code>" in html
    assert "parameter start_year</dt><dd><code>2008</code>" in html
    assert "Noto Sans SC" in html  # CJK-capable font stack


def test_missing_series_are_said_not_plotted(built):
    out, _ = built
    html = page(out, "630000")
    side = json.loads((out / "region_brief" / "630000.json").read_text("utf-8"))
    # the embedded data has no dibao recipients for Qinghai: said plainly, no number invented
    assert side["headline"]["dibao_recipients"] is None
    assert any("低保人数" in m for m in side["headline"]["missing_series"])
    assert "缺失 / missing" in html and "无数据" in html


def test_sidecar_holds_headline_numbers_from_the_data(built):
    from mzanalysis import indicators as ind
    from mzanalysis.loaders import load_curated

    out, _ = built
    side = json.loads((out / "region_brief" / "630000.json").read_text("utf-8"))
    assert side["region_code"] == "630000" and side["parameters"]["start_year"] == 2008
    facts = load_curated()
    rows = ind.select(facts[facts["region_code"] == "630000"], "dibao_standard", area="urban",
                      periods="prefer_annual", on_duplicate="first")
    rows = rows[rows["year"].between(2008, 2020)].sort_values("year")
    expected = float(ind.annualise_standard(rows)["value"].iloc[-1]) / 12
    assert side["headline"]["dibao_standard_urban"] == pytest.approx(expected, abs=0.01)
    assert side["headline"]["dibao_standard_urban_year"] == int(rows["year"].max())
    rank, n = side["headline"]["rank_urban"]
    assert 1 <= rank <= n <= 31
    china = json.loads((out / "region_brief" / "000000.json").read_text("utf-8"))["headline"]
    assert china["dibao_recipients"] and china["dibao_recipients"] > 100  # 万人
    # the embedded data has no national population: coverage is missing, not zero
    assert china["coverage_pct"] is None
    assert "常住人口 / population" in china["missing_series"]


def test_index_and_manifest(built):
    out, result = built
    index = (out / "index.html").read_text("utf-8")
    assert '<html lang="zh">' in index and "<script" not in index
    assert 'href="region_brief/630000.html"' in index and 'href="region_brief/000000.html"' in index
    assert "青海省" in index and "官方数据 official series" in index
    side = json.loads((out / "region_brief" / "630000.json").read_text("utf-8"))["headline"]
    urban = f'{side["dibao_standard_urban"]:,.0f} <span class="mz-note">' \
            f'({side["dibao_standard_urban_year"]})</span>'
    assert urban in index  # headline figure from the sidecar, with its year
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    entry = {e["region"]: e for e in manifest["briefs"]}["630000"]
    assert entry["status"] == "ok" and entry["duration_s"] > 0
    assert set(entry["hashes"]) == {"build", "notebook", "parameters", "inputs", "renderer",
                                    "modules"}
    assert entry["hashes"]["modules"]
    assert manifest["mzanalysis"] == __version__ and manifest["versions"]["papermill"]


def test_unchanged_rerun_skips_and_force_rebuilds_byte_identical(built):
    out, _ = built
    regions = [resolve("青海"), resolve("全国")]
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns)
              for p in (out / "region_brief").glob("*.*") if p.is_file()}
    index_before = (out / "index.html").read_bytes()
    again = runner.build(regions, out=out, params=PARAMS, jobs=2, show_progress=False)
    assert [r["status"] for r in again.results] == ["skipped", "skipped"]
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns)
             for p in (out / "region_brief").glob("*.*") if p.is_file()}
    assert after == before  # nothing rewritten
    assert (out / "index.html").read_bytes() == index_before
    # a changed parameter is a different build key: rebuilt
    changed = runner.plan([resolve("青海")], out=out, params={**PARAMS, "end_year": 2019})
    assert not changed[0]["current"]
    # forced rebuild of the same inputs gives the same bytes
    forced = runner.build([resolve("青海")], out=out, params=PARAMS, jobs=1, force=True,
                          show_progress=False)
    assert forced.results[0]["status"] == "ok"
    assert (out / "region_brief" / "630000.html").read_bytes() == before["630000.html"][0]
    assert (out / "region_brief" / "630000.json").read_bytes() == before["630000.json"][0]
