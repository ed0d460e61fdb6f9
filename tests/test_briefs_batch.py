"""Batches: a failing region is isolated, Dask runs the same work, a browser shows the page."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from mzanalysis.briefs import DEFAULT_NOTEBOOK, runner
from mzanalysis.regions import resolve

from .conftest import run_cli

SMALL = ["--start-year", "2010", "--end-year", "2012"]


def failing_notebook(tmp_path: Path, code: str = "620000") -> Path:
    """The real brief notebook with one extra cell that fails for one region (test-only hook)."""
    nb = nbformat.read(DEFAULT_NOTEBOOK, as_version=4)
    setup = next(i for i, c in enumerate(nb.cells) if "R = resolve(region)" in c.source)
    nb.cells.insert(setup + 1, nbformat.v4.new_code_cell(
        f'if R.code == "{code}":\n    raise RuntimeError("injected failure for the isolation test")'))
    path = tmp_path / "nb" / "region_brief.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    return path


def test_failing_region_is_isolated(tmp_path):
    nb = failing_notebook(tmp_path)
    out = tmp_path / "reports"
    res = run_cli("briefs", "--regions", "青海,甘肃,宁夏", "--jobs", "2", "--notebook", str(nb),
                  "--out", str(out), *SMALL)
    assert res.returncode == 1, res.stderr
    assert "FAILED 甘肃省 620000" in res.stderr and "injected failure" in res.stderr
    folder = out / "region_brief"
    # the other regions finished
    for code in ("630000", "640000"):
        assert "民政社会救助简报" in (folder / f"{code}.html").read_text("utf-8")
        assert (folder / f"{code}.json").is_file()
    # the failing one has an error page naming the cell, and no sidecar
    err_page = (folder / "620000.html").read_text("utf-8")
    assert "生成失败 / Build failed" in err_page and "injected failure for the isolation test" in err_page
    assert "raise RuntimeError" in err_page and not (folder / "620000.json").exists()
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    by = {e["region"]: e for e in manifest["briefs"]}
    assert by["620000"]["status"] == "failed"
    assert by["620000"]["error"]["ename"] == "RuntimeError"
    assert 'raise RuntimeError("injected failure' in by["620000"]["error"]["cell_excerpt"]
    assert by["630000"]["status"] == by["640000"]["status"] == "ok"
    assert manifest["counts"] == {"ok": 2, "skipped": 0, "failed": 1}
    index = (out / "index.html").read_text("utf-8")
    assert "失败 failed" in index and 'href="region_brief/620000.html"' in index
    # no temporary files left behind by the atomic writes
    assert not list(out.rglob("*.tmp"))
    # a rerun retries only the failed region; the good ones are up to date
    tasks = runner.plan([resolve(c) for c in ("青海", "甘肃", "宁夏")], out=out, notebook=nb,
                        params={"start_year": 2010, "end_year": 2012})
    assert [t["current"] for t in tasks] == [True, False, True]


def test_dask_local_cluster_runs_briefs(tmp_path):
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "reports"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = runner.build([resolve("宁夏"), resolve("西藏")], out=out,
                              params={"start_year": 2010, "end_year": 2012},
                              scheduler=cluster.scheduler_address, show_progress=False)
    assert result.exit_code == 0
    assert [r["status"] for r in result.results] == ["ok", "ok"]
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["executor"].startswith("dask tcp://")
    html = (out / "region_brief" / "540000.html").read_text("utf-8")
    assert "西藏自治区 民政社会救助简报" in html
    # the same brief built by the local pool is byte-identical
    local = runner.build([resolve("西藏")], out=tmp_path / "local",
                         params={"start_year": 2010, "end_year": 2012}, jobs=1,
                         show_progress=False)
    assert local.exit_code == 0
    assert (tmp_path / "local" / "region_brief" / "540000.html").read_bytes() == \
        (out / "region_brief" / "540000.html").read_bytes()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAYLOAD = "<script>document.documentElement.setAttribute('data-pwned','yes')</script>"


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120)


@pytest.fixture
def hostile_brief(tmp_path):
    """A brief whose data carries a <script> in a report citation (as a hostile page might)."""
    from mzanalysis.datapackage import data_dir

    src = data_dir()
    data = tmp_path / "data"
    shutil.copytree(src, data)
    import pandas as pd

    facts = pd.read_csv(data / "facts.csv", dtype=str, keep_default_na=False)
    # a preferred row the brief shows (the sources table lists preferred rows of its years)
    rows = facts.index[(facts["region_code"] == "630000") & (facts["preferred"] == "True")
                       & facts["year"].astype(int).between(2011, 2020)
                       & facts["source_class"].isin(["official_table", "official_repost"])]
    assert len(rows), "embedded data has no Qinghai rows to carry the payload"
    facts.loc[rows[0], "source_ref"] = PAYLOAD + " | quote"
    facts.to_csv(data / "facts.csv", index=False)
    # re-record the checksums, as `python -m mzanalysis.curate` would after an edit
    desc = json.loads((data / "datapackage.json").read_text("utf-8"))
    import hashlib

    for res in desc["resources"]:
        body = (data / res["path"]).read_bytes()
        res["hash"] = "sha256:" + hashlib.sha256(body).hexdigest()
        res["bytes"] = len(body)
    (data / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False), "utf-8")
    out = tmp_path / "reports"
    old = os.environ.get("MZ_DATA_DIR")
    os.environ["MZ_DATA_DIR"] = str(data)  # the kernel inherits it: loaders read this copy
    try:
        result = runner.build([resolve("青海")], out=out, params={"start_year": 2008,
                                                                  "end_year": 2016},
                              jobs=1, show_progress=False)
    finally:
        if old is None:
            os.environ.pop("MZ_DATA_DIR", None)
        else:
            os.environ["MZ_DATA_DIR"] = old
    assert result.exit_code == 0, result.results
    return out / "region_brief" / "630000.html"


@pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"),
                    reason="chromium not installed (CI installs it: apt-get install chromium)")
def test_brief_renders_in_headless_chromium_and_injected_script_does_not_run(hostile_brief,
                                                                             tmp_path):
    assert CHROMIUM, "CI must have chromium (see .ci/run)"
    html = hostile_brief.read_text("utf-8")
    assert "&lt;script&gt;document.documentElement" in html  # escaped, shown as text
    dom = chromium("--virtual-time-budget=2000", "--dump-dom", hostile_brief.as_uri(),
                   profile=tmp_path / "profile1")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "青海省 民政社会救助简报" in dom.stdout  # the page rendered
    assert 'data-pwned="yes"' not in dom.stdout  # the injected script never ran
    assert "<script>document.documentElement" in dom.stdout or \
        "&lt;script&gt;document.documentElement" in dom.stdout  # visible as text
    shot = tmp_path / "brief.png"
    res = chromium("--window-size=1200,1600", "--hide-scrollbars", f"--screenshot={shot}",
                   hostile_brief.as_uri(), profile=tmp_path / "profile2")
    assert res.returncode == 0 and shot.is_file(), res.stderr[-2000:]
    import matplotlib.image as mpimg

    pixels = mpimg.imread(shot)
    assert pixels.shape[0] >= 1600 and pixels.shape[1] >= 1200
    assert pixels[..., :3].std() > 0.05  # not a blank page: text and plots were painted
