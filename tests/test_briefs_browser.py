"""A real brief and the index in headless Chromium at 1280 px and 390 px: nothing sticks out.

The pages forbid scripts (CSP), so the measurement runs in a test-only copy without the CSP
meta tag and with a measuring script injected; the published page is never changed. Chromium's
window cannot be narrower than 500 px, so each copy is shown in an iframe of exactly the width
under test (the page's own media queries see that width), and the script posts what it measured
to the outer page, whose DOM ``--dump-dom`` prints.

Set ``MZ_SCREENSHOTS=<folder>`` to keep the screenshots (``<page>-<width>.png``).
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mzanalysis.briefs import runner
from mzanalysis.briefs.index import write_index
from mzanalysis.regions import resolve

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"),
                                reason="chromium not installed (CI installs it: apt-get "
                                       "install chromium)")
WIDTHS = (1280, 390)

#: Runs inside the page copy: every painted element whose right edge passes the viewport and
#: that no scrolling box contains, every table cut by a box that hides overflow, and sizes.
MEASURE = r"""<script>
window.addEventListener("load", function () {
  var vw = document.documentElement.clientWidth;
  function box(el) {
    for (var p = el.parentElement; p && p !== document.body && p !== document.documentElement;
         p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return p;
    }
    return null;
  }
  function name(el) {
    var c = typeof el.className === "string" ? el.className.trim() : "";
    return el.tagName.toLowerCase() + (c ? "." + c.split(/\s+/).join(".") : "");
  }
  var sticking = [], cut = [], tables = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (!r.width || !r.height) return;
    if (!box(el) && r.right > vw + 1) sticking.push(name(el) + " right=" + Math.round(r.right));
  });
  document.querySelectorAll("table").forEach(function (t) {
    var b = box(t), ox = b ? getComputedStyle(b).overflowX : "visible";
    if ((ox === "hidden" || ox === "clip") && t.scrollWidth > b.clientWidth + 1) cut.push(name(t));
    tables.push({width: Math.round(t.getBoundingClientRect().width),
                 box: b ? b.clientWidth : null, scrolls: ox === "auto" || ox === "scroll"});
  });
  var imgs = [];
  document.querySelectorAll("img").forEach(function (i) {
    imgs.push(Math.round(i.getBoundingClientRect().right)); });
  parent.postMessage(JSON.stringify({viewport: vw, scrollWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight, sticking: sticking, cut: cut, tables: tables,
    imgs: imgs}), "*");
});
</script>"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    assert CHROMIUM, "CI must have chromium (see .ci/run)"
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120)


def _frame(page: Path, width: int, height: int, dest: Path) -> Path:
    """An outer page showing ``page`` in an iframe ``width`` px wide; it records the message."""
    dest.write_text(f"""<!DOCTYPE html><html><head><script>
window.addEventListener("message", function (e) {{
  document.getElementById("result").textContent = e.data; }});
</script></head><body style="margin:0">
<iframe src="{page.name}" style="border:0;display:block;width:{width}px;height:{height}px"></iframe>
<pre id="result"></pre></body></html>""", "utf-8")
    return dest


def measure(page: Path, width: int, work: Path) -> dict:
    """What Chromium lays out for ``page`` at ``width`` px (see :data:`MEASURE`)."""
    text = page.read_text("utf-8")
    assert "script-src 'none'" in text and "<script" not in text.lower()  # published page
    probe = page.with_name(f"_probe_{page.name}")
    text = re.sub(r"<meta[^>]*Content-Security-Policy[^>]*>", "", text)
    probe.write_text(text.replace("</body>", MEASURE + "</body>", 1), "utf-8")
    outer = _frame(probe, width, 900, page.with_name(f"_measure{width}_{page.name}"))
    res = chromium(f"--window-size={max(width, 500) + 20},1000", "--virtual-time-budget=8000",
                   "--dump-dom", outer.as_uri(), profile=work / "profile")
    m = re.search(r'<pre id="result">(.*?)</pre>', res.stdout, re.S)
    assert res.returncode == 0 and m and m.group(1), res.stderr[-2000:]
    return json.loads(html.unescape(m.group(1)))


def screenshot(page: Path, width: int, height: int, work: Path) -> Path:
    """Full-height screenshot of the published page (CSP intact) at ``width`` px."""
    outer = _frame(page, width, height, page.with_name(f"_shot{width}_{page.name}"))
    shot = work / f"{page.stem}-{width}.png"
    res = chromium(f"--window-size={max(width, 500)},{height}", f"--screenshot={shot}",
                   "--virtual-time-budget=3000", outer.as_uri(), profile=work / "profile")
    assert res.returncode == 0 and shot.is_file(), res.stderr[-2000:]
    keep = os.environ.get("MZ_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    return shot


def _by_year(base: float, last: int) -> dict:
    return {"dibao_standard_urban": {str(y): base + 10 * (y - 2015) for y in range(2015, last + 1)},
            "dibao_standard_rural": {str(y): base / 2 + 8 * (y - 2015) for y in range(2015, last)},
            "coverage_urban": {str(y): 2.5 - 0.1 * (y - 2015) for y in range(2015, last)},
            "coverage_rural": {str(y): 8.0 - 0.3 * (y - 2015) for y in range(2015, last - 1)}}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The 甘肃 brief built from the embedded data, and an index with reference-year columns
    (the real row plus synthetic province rows whose sidecars carry ``by_year``)."""
    out = tmp_path_factory.mktemp("browser") / "reports"
    res = runner.build([resolve("甘肃")], out=out, jobs=1, show_progress=False)
    assert res.exit_code == 0, res.results
    folder = out / "region_brief"
    for i, code in enumerate(("110000", "130000", "150000", "230000", "440000", "540000",
                              "630000", "650000")):
        r = resolve(code)
        rec = {"key": "K", "status": "ok", "region": code, "stem": code, "name": r.name,
               "english": r.english, "level": r.level, "parameters": {}, "modules": [],
               "outputs": {}}
        (folder / ".build" / f"{code}.json").write_text(json.dumps(rec, ensure_ascii=False))
        head = {"dibao_standard_urban": 600.0 + 40 * i, "dibao_standard_urban_year": 2023,
                "dibao_standard_rural": 450.0 + 30 * i, "dibao_standard_rural_year": 2022,
                "dibao_recipients": 30.5 + i, "dibao_recipients_year": 2022,
                "coverage_pct": 3.21, "coverage_year": 2022, "discrepancies": i,
                "by_year": _by_year(550.0 + 40 * i, 2023 if i < 7 else 2021)}
        (folder / f"{code}.json").write_text(json.dumps({"headline": head}, ensure_ascii=False))
    index = write_index(out)
    assert "common reference year" in index.read_text("utf-8")  # reference columns shown
    return {"brief": folder / "620000.html", "index": index}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["brief", "index"])
def test_page_has_no_horizontal_overflow(pages, name, width, tmp_path):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(pages[name].read_text("utf-8"), "html.parser")
    assert all(th.get_text(strip=True) for th in soup.find_all("th"))  # no blank header cell
    got = measure(pages[name], width, tmp_path)
    assert got["viewport"] == width  # the iframe gave the page exactly this width
    assert got["scrollWidth"] <= width, got["sticking"][:10]
    assert got["sticking"] == []  # nothing passes the right edge outside a scroll box
    assert got["cut"] == []  # no table cut off by a box that hides overflow
    assert got["tables"] and all(t["scrolls"] for t in got["tables"])  # wide ones scroll
    assert all(right <= width for right in got["imgs"])  # figures scale down
    if width == 1280:
        # at desktop width every table fits its column, the index's reference-year columns too
        assert all(t["width"] <= t["box"] for t in got["tables"]), got["tables"]
    shot = screenshot(pages[name], width, min(max(got["height"], 600), 12000), tmp_path)
    import matplotlib.image as mpimg

    pixels = mpimg.imread(shot)
    assert pixels.shape[1] >= width and pixels[..., :3].std() > 0.05  # painted, not blank


def test_the_check_sees_a_page_that_overflows(tmp_path):
    """The measurement can fail: a table with unbreakable text outside any scroll box."""
    page = tmp_path / "wide.html"
    page.write_text(
        """<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" """
        """content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'">"""
        """<style>td { white-space: nowrap }</style></head><body><table><tr>"""
        + "".join(f"<td>城市低保标准 urban standard {i}</td>" for i in range(12))
        + "</tr></table></body></html>", "utf-8")
    got = measure(page, 390, tmp_path)
    assert got["scrollWidth"] > 390 and any(s.startswith("table") for s in got["sticking"])
