"""Tables in a brief page: scroll box, figures right-aligned, long words given break points."""
from __future__ import annotations

from bs4 import BeautifulSoup

from mzanalysis.briefs.layout import tidy_tables
from mzanalysis.briefs.render import TEMPLATES

TABLE = """<table class="dataframe"><thead><tr style="text-align: right;">
<th>指标 indicator</th><th>年份 year</th><th>官方 official (元/人·月)</th><th>差异 diff (%)</th>
<th>来源 source</th></tr></thead><tbody>
<tr><td>consumption_expenditure</td><td>2010</td><td>9,895.00</td><td>2.79 ⚠</td>
<td>https://github.com/Haohanblue/cnmoderndata/blob/27909fdd/public/data/source/C1.xlsx</td></tr>
<tr><td>gdp_per_capita</td><td>2018</td><td>32,178.00（非官方 compilation）</td><td>—</td>
<td>002_aef38d11ae1c2bc2.txt</td></tr></tbody></table>"""


def cells(html: str):
    soup = BeautifulSoup(html, "html.parser")
    return soup, [[c for c in tr.find_all(["th", "td"])] for tr in soup.find_all("tr")]


def test_every_table_gets_a_scroll_box_once():
    page = f"<main><p>x</p>{TABLE}<div>{TABLE}</div></main>"
    once = tidy_tables(page)
    soup = BeautifulSoup(once, "html.parser")
    assert [t.parent.get("class") for t in soup.find_all("table")] == [["mz-scroll"]] * 2
    assert tidy_tables(once) == once  # idempotent: no second box, class or break point


def test_figure_columns_are_right_aligned_header_included():
    _, rows = cells(tidy_tables(TABLE))
    num = [[("mz-num" in (c.get("class") or [])) for c in r] for r in rows]
    # indicator and source are text; year, official (a figure with a note) and diff are figures
    assert num == [[False, True, True, True, False]] * 3
    css = (TEMPLATES / "brief.css").read_text("utf-8")
    assert ".mz-num { text-align: right; }" in css and "text-align: left" in css


def test_urls_and_identifiers_get_break_points_text_unchanged():
    soup, rows = cells(tidy_tables(TABLE))
    url, ident, fname = rows[1][4], rows[1][0], rows[2][4]
    assert "mz-long" in url["class"]
    assert str(ident) == "<td>consumption_<wbr/>expenditure</td>"
    assert url.get_text() == ("https://github.com/Haohanblue/cnmoderndata/blob/27909fdd/public/"
                              "data/source/C1.xlsx")  # what a reader copies is the URL
    assert len(url.find_all("wbr")) >= 8
    assert fname.find("wbr") is None  # file names are left as written
    assert rows[2][2].get_text() == "32,178.00（非官方 compilation）"


def test_merged_cells_are_judged_one_by_one():
    table = ("<table><thead><tr><th colspan='2'>年份 year</th></tr></thead><tbody>"
             "<tr><th rowspan='2'>城市 urban</th><td>1,200</td></tr><tr><td>n/a</td></tr>"
             "</tbody></table>")
    _, rows = cells(tidy_tables(table))
    assert "mz-num" in rows[1][1]["class"] and not rows[2][0].get("class")
    assert not rows[0][0].get("class")


def test_a_header_unit_stays_on_one_line():
    _, rows = cells(tidy_tables(TABLE))
    unit = rows[0][2].find("span", class_="mz-unit")
    assert unit.get_text() == "(元/人·月)" and rows[0][2].get_text() == "官方 official (元/人·月)"
    css = (TEMPLATES / "brief.css").read_text("utf-8")
    assert ".mz-unit { white-space: nowrap; }" in css
