"""The warm kernel pool: order-independent pages, faults stay with one brief, kernels recycle.

Most tests use a small notebook (below) that reads and then changes every kind of kernel state a
brief could leak to the next one, and that can kill its kernel, hang or raise for one region; so
they are fast and do not depend on what the real brief notebook shows. The last test runs the
real brief notebook in two orders and two pool sizes.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from mzanalysis.briefs import runner
from mzanalysis.regions import resolve

REGIONS = ["青海", "甘肃", "宁夏", "西藏"]

PROBE = '''
import os, sys, types, warnings
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

# a "library" module that stays loaded between briefs (as pandas does) and warns from inside
if "mz_pool_probe" not in sys.modules:
    mod = types.ModuleType("mz_pool_probe")
    exec("import warnings\\ncalls = []\\ndef f():\\n    calls.append(1)\\n"
         "    warnings.warn('probe warning', UserWarning)\\n", mod.__dict__)
    sys.modules["mz_pool_probe"] = mod
import mz_pool_probe

seen = []
warnings.showwarning = lambda message, *a, **k: seen.append(str(message))
mz_pool_probe.f()
state = {
    "execution_count": get_ipython().execution_count,
    "leaked_names": sorted(n for n in ("LEAK", "fig") if n in globals()),
    "cwd_files": sorted(os.listdir(".")),
    "linewidth": matplotlib.rcParams["lines.linewidth"],
    "style_facecolor": matplotlib.rcParams["axes.facecolor"],
    "max_rows": pd.get_option("display.max_rows"),
    "env": os.environ.get("MZ_POOL_LEAK"),
    "open_figures": plt.get_fignums(),
    "warnings_shown": seen,
    "sys_path_tail": sys.path[-1] == "/mz/pool/leak",
}
display(Markdown("state: `" + json.dumps(state, sort_keys=True) + "`"))
'''

MUTATE = '''
LEAK = region
open("scratch.txt", "w").write(region)
matplotlib.rcParams["lines.linewidth"] = 7.5
plt.style.use("ggplot")
pd.set_option("display.max_rows", 3)
os.environ["MZ_POOL_LEAK"] = region
sys.path.append("/mz/pool/leak")
warnings.simplefilter("ignore")
plt.figure()  # left open on purpose
fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([1, 2, 3], [int(region[:2]) % 7, 2, 3])
ax.set_title(region)
plt.show()
'''

FAULTS = '''
import time
if region == die_in:
    os._exit(3)  # the kernel dies mid-brief
if region == hang_in:
    time.sleep(3600)
if region == raise_in:
    raise ValueError(f"injected failure for {region}")
display(Markdown(f"done {region}, kernel pid hidden"))
'''


def small_notebook(folder: Path) -> Path:
    """A brief-shaped notebook: parameters, a probe of kernel state, mutations, fault hooks."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell('region = "000000"\ndie_in = ""\nhang_in = ""\nraise_in = ""',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import json\n" + PROBE),
        nbformat.v4.new_code_cell(MUTATE),
        nbformat.v4.new_code_cell(FAULTS),
    ]
    path = folder / "nb" / "probe_brief.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def notebook(tmp_path_factory) -> Path:
    return small_notebook(tmp_path_factory.mktemp("pool"))


def build(out: Path, notebook: Path, names, **kw):
    return runner.build([resolve(n) for n in names], out=out, notebook=notebook,
                        show_progress=False, **kw)


def pages(out: Path, notebook: Path) -> dict:
    folder = out / notebook.stem
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.html"))}


def state_of(page: bytes) -> dict:
    import html
    import re

    text = html.unescape(page.decode("utf-8"))
    return json.loads(re.search(r"state: <code>(\{.*?\})</code>", text).group(1))


def test_pages_are_byte_identical_whatever_the_order_or_pool_size(tmp_path, notebook):
    a = build(tmp_path / "a", notebook, REGIONS, jobs=1)
    b = build(tmp_path / "b", notebook, REGIONS[::-1], jobs=1)
    c = build(tmp_path / "c", notebook, REGIONS[1:] + REGIONS[:1], jobs=2)
    for res in (a, b, c):
        assert [r["status"] for r in res.results] == ["ok"] * 4, res.results
    # one warm kernel ran all four briefs of the serial runs
    assert len({r["worker"]["kernel_pid"] for r in a.results}) == 1
    assert sorted(r["worker"]["kernel_briefs"] for r in a.results) == [1, 2, 3, 4]
    pa, pb, pc = (pages(tmp_path / x, notebook) for x in "abc")
    assert len(pa) == 4 and pa == pb == pc
    # and each page saw a fresh kernel: nothing the previous brief changed is visible
    fresh = state_of(pa["630000.html"])
    assert fresh["leaked_names"] == [] and fresh["cwd_files"] == []
    assert fresh["open_figures"] == [] and fresh["env"] is None and not fresh["sys_path_tail"]
    assert fresh["warnings_shown"] == ["probe warning"] and fresh["max_rows"] == 60
    assert fresh["execution_count"] == 3 and fresh["linewidth"] == 1.5  # cells 1, 2 ran first
    for page in pa.values():
        assert state_of(page) == fresh
    # the same brief in a kernel of its own gives the same bytes
    d = build(tmp_path / "d", notebook, ["宁夏"], jobs=1)
    assert pages(tmp_path / "d", notebook)["640000.html"] == pa["640000.html"]
    assert d.results[0]["worker"]["kernel_briefs"] == 1


def test_a_kernel_that_dies_fails_only_its_brief(tmp_path, notebook):
    res = build(tmp_path / "out", notebook, ["青海", "甘肃", "宁夏"], jobs=1,
                params={"die_in": "620000"})
    status = {r["region"]: r for r in res.results}
    assert [status[c]["status"] for c in ("630000", "620000", "640000")] == ["ok", "failed", "ok"]
    err = status["620000"]["error"]
    assert err["ename"] == "DeadKernelError" and "kernel died" in err["evalue"]
    assert err["cell_index"] == 4 and "os._exit(3)" in err["cell_excerpt"]
    page = (tmp_path / "out" / notebook.stem / "620000.html").read_text("utf-8")
    assert "生成失败 / Build failed" in page and "os._exit(3)" in page
    assert not (tmp_path / "out" / notebook.stem / "620000.json").exists()
    # the next brief ran in the same worker, in a fresh kernel
    w0, w2 = status["630000"]["worker"], status["640000"]["worker"]
    assert w0["pid"] == w2["pid"] and w0["kernel_pid"] != w2["kernel_pid"]
    assert w2["kernel_briefs"] == 1 and w2["kernels"] == 2
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["counts"] == {"ok": 2, "skipped": 0, "failed": 1}


def test_a_hanging_cell_times_out_and_its_kernel_is_replaced(tmp_path, notebook):
    res = build(tmp_path / "out", notebook, ["青海", "甘肃", "宁夏"], jobs=1, timeout=3,
                params={"hang_in": "620000"})
    status = {r["region"]: r for r in res.results}
    assert [status[c]["status"] for c in ("630000", "620000", "640000")] == ["ok", "failed", "ok"]
    err = status["620000"]["error"]
    assert err["ename"] == "CellTimeoutError" and "timeout of 3 s" in err["evalue"]
    assert "time.sleep(3600)" in err["cell_excerpt"]
    assert status["630000"]["worker"]["kernel_pid"] != status["640000"]["worker"]["kernel_pid"]


def test_a_raising_cell_keeps_the_kernel(tmp_path, notebook):
    res = build(tmp_path / "out", notebook, ["青海", "甘肃", "宁夏"], jobs=1,
                params={"raise_in": "620000"})
    status = {r["region"]: r for r in res.results}
    err = status["620000"]["error"]
    assert status["620000"]["status"] == "failed" and err["ename"] == "ValueError"
    assert "injected failure for 620000" in err["evalue"] and err["cell_index"] == 4
    # an ordinary notebook error is cleaned up by the next reset: no new kernel needed
    assert len({r["worker"]["kernel_pid"] for r in res.results}) == 1
    assert status["640000"]["status"] == "ok"


def test_kernels_are_recycled_after_n_briefs(tmp_path, notebook):
    names = ["青海", "甘肃", "宁夏", "西藏", "新疆"]
    res = build(tmp_path / "out", notebook, names, jobs=1, recycle_after=2)
    assert [r["status"] for r in res.results] == ["ok"] * 5
    pids = [r["worker"]["kernel_pid"] for r in res.results]
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]
    assert [r["worker"]["kernel_briefs"] for r in res.results] == [1, 2, 1, 2, 1]
    assert all(r["worker"]["kernel_rss"] and r["worker"]["kernel_rss"] > 10e6
               for r in res.results)


def test_bad_pool_settings_are_clear_errors(tmp_path, notebook):
    from mzanalysis.errors import MzError

    with pytest.raises(MzError, match="--recycle-after must be at least 1"):
        build(tmp_path / "out", notebook, ["青海"], jobs=1, recycle_after=0)
    with pytest.raises(MzError, match="--timeout must be a positive"):
        build(tmp_path / "out2", notebook, ["青海"], jobs=1, timeout=-1)


def test_the_same_pool_runs_on_a_dask_local_cluster(tmp_path, notebook):
    distributed = pytest.importorskip("distributed")
    local = build(tmp_path / "local", notebook, REGIONS, jobs=1, params={"die_in": "540000"})
    assert [r["status"] for r in local.results] == ["ok", "ok", "ok", "failed"]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        res = build(tmp_path / "dask", notebook, REGIONS[::-1], params={"die_in": "540000"},
                    scheduler=cluster.scheduler_address)
    status = {r["region"]: r for r in res.results}
    assert status["540000"]["status"] == "failed"
    assert status["540000"]["error"]["ename"] == "DeadKernelError"
    ok = [status[c] for c in ("630000", "620000", "640000")]
    assert [r["status"] for r in ok] == ["ok"] * 3
    # one Dask worker kept its kernel between tasks (replaced once, after the death)
    assert len({r["worker"]["pid"] for r in ok}) == 1
    assert {r["worker"]["kernels"] for r in ok} <= {1, 2} and \
        len({r["worker"]["kernel_pid"] for r in ok}) <= 2
    assert sum(r["worker"]["kernel_briefs"] > 1 for r in ok) >= 1
    lp, dp = pages(tmp_path / "local", notebook), pages(tmp_path / "dask", notebook)
    for name in ("630000.html", "620000.html", "640000.html"):
        assert dp[name] == lp[name]
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text("utf-8"))
    assert manifest["executor"].startswith("dask tcp://")


def test_the_real_brief_is_byte_identical_in_any_order(tmp_path):
    """China, a province, a prefecture and a county: two orders, one and two workers."""
    from mzanalysis.regions import regions

    pref = next(r for r in regions(level="prefecture") if r.code.startswith("63"))
    county = next(r for r in regions(level="county") if r.code.startswith("63"))
    names = ["全国", "青海", pref.code, county.code]
    params = {"start_year": 2010, "end_year": 2020}
    a = runner.build([resolve(n) for n in names], out=tmp_path / "a", params=params, jobs=1,
                     show_progress=False)
    b = runner.build([resolve(n) for n in names[::-1]], out=tmp_path / "b", params=params,
                     jobs=2, show_progress=False)
    assert a.exit_code == b.exit_code == 0, (a.results, b.results)
    pa = {p.name: p.read_bytes() for p in (tmp_path / "a" / "region_brief").glob("*.html")}
    pb = {p.name: p.read_bytes() for p in (tmp_path / "b" / "region_brief").glob("*.html")}
    assert len(pa) == 4 and pa == pb
    assert "青海省 民政社会救助简报" in pa["630000.html"].decode("utf-8")


def test_kill_9_of_the_runner_leaves_no_half_written_file_and_a_rerun_resumes(tmp_path,
                                                                              notebook):
    import os
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    from mzanalysis.briefs import lifetime

    from .test_briefs_hardening import _alive

    names = ["青海", "甘肃", "宁夏", "西藏", "新疆", "陕西", "四川", "云南"]
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "mzanalysis", "briefs", "--regions", ",".join(names),
           "--jobs", "2", "--notebook", str(notebook), "--out", str(out)]
    before = {p.name for p in Path(tempfile.gettempdir()).glob(f"{lifetime.WORKDIR_PREFIX}*")}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "CI": "1"})
    records = out / notebook.stem / ".build"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(records.glob("*.json"))) < 2:
        time.sleep(0.05)
    # each worker's warm kernel has its socket folder mzbrief-<worker pid>-… in the temp folder
    workdirs = [p for p in Path(tempfile.gettempdir()).glob(f"{lifetime.WORKDIR_PREFIX}*")
                if p.name not in before]
    proc.send_signal(signal.SIGKILL)  # kill -9 of the command, mid-batch
    proc.wait()
    built = len(list(records.glob("*.json")))
    assert 2 <= built, "no brief finished before the kill"
    time.sleep(3)  # the pool's helpers die with the command (see lifetime)
    workers = [int(p.name.split("-")[1]) for p in workdirs]
    assert workers, "no worker folder seen"
    alive = [pid for pid in workers if _alive(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "pool workers outlived the command"
    assert not any(p.exists() for p in workdirs)  # they removed their kernels' socket folders
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*.tmp"))
    for page in (out / notebook.stem).glob("*.html"):
        assert page.read_text("utf-8").rstrip().endswith("</html>"), page  # never half a page
    after = len(list(records.glob("*.json")))
    # the workers stopped with the command: at most the two briefs in flight were finished
    assert after <= built + 2 < len(names)
    # what a kill of the whole tree leaves (no process had the chance to clean up): the next
    # run, holding the folder's lock, removes it
    debris = out / notebook.stem / ".630000.html.k9x_2q7a.tmp"
    debris.write_text("<html><body>half a page", "utf-8")
    rerun = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CI": "1"},
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert not debris.exists()
    # the rerun built only what was missing
    assert "up to date" in rerun.stderr
    skipped = int(rerun.stderr.split(" built, ")[1].split(" up to date")[0])
    assert skipped == after
    assert len(list((out / notebook.stem).glob("*.json"))) == len(names)
