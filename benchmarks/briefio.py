"""Benchmark the page side of the briefs: table tidying, downloads, the index at county scale.

Prints figures; asserts nothing. Run from the repository root::

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/briefio.py [--page reports/region_brief/620000.html]

(a) ``render.tidy_tables`` on a brief page (default: a synthetic page of 6 tables × 40 rows;
    ``--page`` times a real one), milliseconds per page (best of 5);
(b) ``downloads.validate`` + ``downloads.write`` of a payload of 6 files × 400 rows, ms;
(c) ``index.write_index`` over 3,210 synthetic records (China, 31 provinces, 332 prefectures,
    2,846 counties) whose sidecars carry ``by_year``, seconds.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


def best(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def synthetic_page() -> str:
    row = ("<tr><td>consumption_expenditure</td><td>城市 urban</td><td>2010</td><td>9,895.00</td>"
           "<td>https://github.com/Haohanblue/cnmoderndata/blob/27909fdd/public/data/C1.xlsx</td>"
           "</tr>")
    table = ("<table class='dataframe'><thead><tr><th>指标 indicator</th><th>城乡 area</th>"
             "<th>年份 year</th><th>数值 value</th><th>来源 source</th></tr></thead><tbody>"
             + row * 40 + "</tbody></table>")
    return "<html><body><main>" + "<p>text</p>" * 50 + table * 6 + "</main></body></html>"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--page", type=Path, help="a built brief page to time tidy_tables on")
    args = ap.parse_args()
    from mzanalysis.briefs import downloads, layout
    from mzanalysis.briefs.index import write_index
    from mzanalysis.regions import regions

    page = args.page.read_text("utf-8") if args.page else synthetic_page()
    t = best(lambda: layout.tidy_tables(page))
    print(f"(a) tidy_tables: {t * 1000:.1f} ms per page ({len(page) / 1e3:.0f} kB)")

    cols = ["region_code", "region", "indicator", "area", "year", "value", "unit", "source_url"]
    rows = [["620000", "甘肃省", "dibao_standard", "urban", 2000 + i % 25, 600.0 + i,
             "yuan_per_person_month", f"http://example.gov.cn/{i}.html"] for i in range(400)]
    payload = {"files": [{"name": f"series_{k}.csv", "title": f"序列 {k}", "columns": cols,
                          "rows": rows} for k in range(6)]}
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "620000.html"
        t = best(lambda: downloads.write(html_path, downloads.validate(payload)))
        print(f"(b) downloads validate + write, 6 files x 400 rows: {t * 1000:.1f} ms")

    every = regions()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "region_brief"
        (folder / ".build").mkdir(parents=True)
        for i, r in enumerate(every):
            rec = {"key": "K", "status": "ok", "region": r.code, "stem": r.code, "name": r.name,
                   "english": r.english, "level": r.level, "parameters": {}, "modules": [],
                   "outputs": {}}
            (folder / ".build" / f"{r.code}.json").write_text(json.dumps(rec, ensure_ascii=False))
            by_year = {"dibao_standard_urban": {str(y): 500.0 + y - 2015 + i % 7
                                                for y in range(2015, 2023 + i % 2)}}
            head = {"dibao_standard_urban": 600.0, "dibao_standard_urban_year": 2023,
                    "by_year": by_year}
            (folder / f"{r.code}.json").write_text(json.dumps({"headline": head}))
        t = best(lambda: write_index(Path(tmp)), n=3)
        size = (Path(tmp) / "index.html").stat().st_size
        print(f"(c) write_index, {len(every)} records with by_year: {t:.2f} s "
              f"({size / 1e6:.1f} MB page)")


if __name__ == "__main__":
    sys.exit(main())
