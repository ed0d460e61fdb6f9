"""Downloads beside a brief: what a reader gets (CSV files, links) and what a bad payload says.

The notebook here is hand-made (nbformat), not the region brief: it displays a payload whose
number of files is a parameter, so a rebuild can offer fewer files than the build before.
"""
from __future__ import annotations

import io
import json
import re

import nbformat
import pandas as pd
import pytest

from mzanalysis.briefs import downloads, runner
from mzanalysis.briefs.downloads import DOWNLOADS_MIME, DownloadsError
from mzanalysis.regions import resolve

COLUMNS = ["region_code", "region", "indicator", "area", "year", "value", "unit", "source_url"]
ROWS = [["620000", "甘肃省", "dibao_standard", "urban", 2019, 600.0, "yuan_per_person_month",
         "http://mzt.gansu.gov.cn/a.html"],
        ["620000", "甘肃省", "dibao_standard", "urban", 2020, 645.5, "yuan_per_person_month",
         None]]


def good(**over) -> dict:
    f = {"name": "dibao_standard.csv", "title": "低保标准 dibao standards",
         "columns": list(COLUMNS), "rows": [list(r) for r in ROWS]}
    f.update(over)
    return {"files": [f]}


# --- the payload contract, without a kernel ---------------------------------------------------

def test_csv_is_utf8_with_bom_missing_values_empty():
    [d] = downloads.validate(good())
    assert d.data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 (not GBK) with the BOM
    text = d.data.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert "\r\n" in text
    back = pd.read_csv(io.BytesIO(d.data), dtype={"region_code": str})
    assert list(back.columns) == COLUMNS  # the BOM is not glued to the first column name
    assert back["region"].tolist() == ["甘肃省", "甘肃省"]
    assert back["value"].tolist() == [600.0, 645.5]
    assert back["source_url"].isna().tolist() == [False, True]  # missing is empty, never 0
    assert (d.n_rows, d.n_columns) == (2, len(COLUMNS))


def test_nan_is_an_empty_field_and_floats_are_exact():
    rows = [list(ROWS[0])]
    rows[0][5] = float("nan")
    [d] = downloads.validate(good(rows=rows))
    assert ",2019,,yuan_per_person_month," in d.data.decode("utf-8-sig")
    rows[0][5] = 0.1 + 0.2
    [d] = downloads.validate(good(rows=rows))
    assert ",0.30000000000000004," in d.data.decode("utf-8-sig")  # round-trips exactly


@pytest.mark.parametrize("payload, message", [
    (good(columns=COLUMNS[:-1], rows=[r[:-1] for r in ROWS]),
     r"file 'dibao_standard\.csv': column 'source_url' missing"),
    (good(name="Dibao Standard.csv"), r"file 0: bad name 'Dibao Standard\.csv'"),
    (good(name="../index.csv"), r"bad name '\.\./index\.csv'"),
    (good(name="standard.xlsx"), r"bad name 'standard\.xlsx'"),
    (good(rows=[ROWS[0][:-1]]), r"'dibao_standard\.csv': row 0 has 7 values for 8 columns"),
    (good(rows=[[*ROWS[0][:5], True, *ROWS[0][6:]]]),
     r"row 0, column 'value': True is not a string, number or null"),
    (good(rows=[[*ROWS[0][:5], float("inf"), *ROWS[0][6:]]]),
     r"row 0, column 'value': infinite value"),
    (good(columns=[*COLUMNS[:-1], "year", "source_url"], rows=[]), r"column\(s\) year named twice"),
    (good(title=""), r"title must be a non-empty string"),
    ({"files": [good()["files"][0], good()["files"][0]]}, r"'dibao_standard\.csv': offered twice"),
    ({"files": [{"name": "a.csv", "title": "t", "columns": ["source_url"]}]},
     r"'a\.csv': missing key\(s\) rows"),
    ({"file": []}, r"expected an object \{\"files\": \[\.\.\.\]\}"),
])
def test_bad_payload_names_what_is_wrong(payload, message):
    with pytest.raises(DownloadsError, match=message):
        downloads.validate(payload)


def test_section_links_files_relatively_and_escapes_text():
    [d] = downloads.validate(good(title="<script>alert(1)</script> 标准"))
    html = downloads.section_html([d], "620000")
    assert '<a href="620000.dibao_standard.csv" download>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 标准" in html and "<script" not in html
    assert f'<h2 id="{downloads.SECTION_ID}">数据下载 / Downloads</h2>' in html
    assert "2 行 rows" in html


def test_write_removes_stale_files_of_this_brief_only(tmp_path):
    page = tmp_path / "620000.html"
    two = downloads.validate({"files": [good()["files"][0],
                                        {**good()["files"][0], "name": "coverage.csv"}]})
    rec = downloads.write(page, two)
    assert sorted(rec["downloads"]) == ["620000.coverage.csv", "620000.dibao_standard.csv"]
    other = tmp_path / "620000-1a2b3c4d.coverage.csv"  # a parameter variant's download
    other.write_bytes(b"x")
    assert downloads.current(page, rec)
    rec1 = downloads.write(page, two[:1])
    assert not (tmp_path / "620000.coverage.csv").exists()
    assert (tmp_path / "620000.dibao_standard.csv").read_bytes() == two[0].data
    assert other.exists()
    (tmp_path / "620000.dibao_standard.csv").write_bytes(b"edited")
    assert not downloads.current(page, rec1)
    assert not downloads.current(page, {"downloads": {"../x.csv": "0"}})
    downloads.remove_stale(page)
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name]


def test_two_payloads_are_refused():
    nb = nbformat.v4.new_notebook()
    out = nbformat.v4.new_output("display_data", data={DOWNLOADS_MIME: good()})
    nb.cells = [nbformat.v4.new_code_cell("", outputs=[out]),
                nbformat.v4.new_code_cell("", outputs=[out])]
    with pytest.raises(DownloadsError, match=r"displayed 2 payloads \(cells 0, 1\)"):
        downloads.payload(nb)


# --- a real build: kernel, page, files, incremental rebuilds -----------------------------------

NOTEBOOK_CODE = f'''
from IPython.display import display
rows = {ROWS!r}
files = [{{"name": "dibao_standard.csv", "title": "低保标准 <dibao> standards",
          "columns": {COLUMNS!r}, "rows": rows}},
         {{"name": "coverage.csv", "title": "覆盖率 coverage",
          "columns": ["year", "value", "source_url"], "rows": [[2019, 1.5, "http://x.cn/c"]]}}]
if broken:
    files[0]["columns"] = files[0]["columns"][:-1]
    files[0]["rows"] = [r[:-1] for r in rows]
display({{"{DOWNLOADS_MIME}": {{"files": files[:n_files]}}}}, raw=True)
'''


def tiny_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    params = nbformat.v4.new_code_cell('region = "000000"\nn_files = 2\nbroken = False',
                                       metadata={"tags": ["parameters"]})
    nb.cells = [nbformat.v4.new_markdown_cell("# 测试简报 / Test brief"), params,
                nbformat.v4.new_code_cell(NOTEBOOK_CODE, metadata={"tags": ["remove-cell"]})]
    path = tmp_path / "nb" / "tiny.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    return path


def build(nb, out, **params):
    return runner.build([resolve("甘肃")], out=out, notebook=nb, params=params, jobs=1,
                        show_progress=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dl")
    nb = tiny_notebook(tmp)
    out = tmp / "reports"
    res = build(nb, out, n_files=2)
    assert res.exit_code == 0, res.results
    return nb, out, out / "tiny"


def test_build_writes_csv_files_and_links_them(built):
    _, _, folder = built
    page = (folder / "620000.html").read_text("utf-8")
    assert sorted(p.name for p in folder.glob("*.csv")) == ["620000.coverage.csv",
                                                            "620000.dibao_standard.csv"]
    section = page[page.index('<section class="mz-downloads">'):]
    section = section[:section.index("</section>")]
    links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>([^<]*)</a>', section)
    assert links == [("620000.dibao_standard.csv", "低保标准 &lt;dibao&gt; standards"),
                     ("620000.coverage.csv", "覆盖率 coverage")]
    toc = re.search(r'<nav[^>]*class="mz-toc"[^>]*>(.*?)</nav>', page, re.S).group(1)
    assert f'href="#{downloads.SECTION_ID}">数据下载 / Downloads' in toc
    assert DOWNLOADS_MIME not in page and "<script" not in page.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # still self-contained
    back = pd.read_csv(folder / "620000.dibao_standard.csv", dtype={"region_code": str})
    assert back["source_url"].tolist()[0] == "http://mzt.gansu.gov.cn/a.html"
    rec = json.loads((folder / ".build" / "620000.json").read_text("utf-8"))
    assert set(rec["outputs"]["downloads"]) == {"620000.coverage.csv",
                                                "620000.dibao_standard.csv"}


def test_rebuild_is_byte_identical_and_a_damaged_download_is_rebuilt(built):
    nb, out, folder = built
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert [t["current"] for t in runner.plan([resolve("甘肃")], out=out, notebook=nb,
                                              params={"n_files": 2})] == [True]
    (folder / "620000.coverage.csv").write_bytes(b"year,value\r\n")
    assert [t["current"] for t in runner.plan([resolve("甘肃")], out=out, notebook=nb,
                                              params={"n_files": 2})] == [False]
    (folder / "620000.coverage.csv").unlink()
    res = build(nb, out, n_files=2)
    assert [r["status"] for r in res.results] == ["ok"]
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_a_brief_offering_fewer_files_drops_the_stale_one(built, tmp_path):
    nb, _, _ = built
    out = tmp_path / "reports"
    assert build(nb, out, n_files=2).exit_code == 0
    assert build(nb, out, n_files=1).exit_code == 0
    folder = out / "tiny"
    assert sorted(p.name for p in folder.glob("*.csv")) == ["620000.dibao_standard.csv"]
    assert "620000.coverage.csv" not in (folder / "620000.html").read_text("utf-8")
    assert build(nb, out, n_files=0).exit_code == 0
    assert not list(folder.glob("*.csv"))
    assert f'id="{downloads.SECTION_ID}"' not in (folder / "620000.html").read_text("utf-8")


def test_a_bad_payload_fails_the_brief_with_a_clear_error_page(built, tmp_path):
    nb, _, _ = built
    out = tmp_path / "reports"
    assert build(nb, out, n_files=2).exit_code == 0
    res = build(nb, out, n_files=2, broken=True)
    assert res.exit_code == 1
    err = res.results[0]["error"]
    assert err["ename"] == "DownloadsError"
    assert "file 'dibao_standard.csv': column 'source_url' missing" in err["evalue"]
    page = (out / "tiny" / "620000.html").read_text("utf-8")
    assert "生成失败 / Build failed" in page and "column &#x27;source_url&#x27; missing" in page
    assert not list((out / "tiny").glob("*.csv"))  # the failed page links none: none left


def test_a_region_left_without_data_loses_its_downloads(tmp_path):
    folder = tmp_path / "region_brief"
    (folder / ".build").mkdir(parents=True)
    for name in ("632524.html", "632524.json", "632524.dibao_standard.csv", "632525.x.csv"):
        (folder / name).write_text("old", "utf-8")
    task = {"key": "K", "region": "632524", "name": "兴海县", "english": "Xinghai",
            "level": "county", "stem": "632524", "parameters": {},
            "paths": {"html": str(folder / "632524.html"), "sidecar": str(folder / "632524.json"),
                      "record": str(folder / ".build" / "632524.json")}}
    runner._record_empty(task)
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == ["632525.x.csv"]
