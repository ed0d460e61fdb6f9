"""Benchmark the briefs runner against the naive papermill + nbconvert CLI loop.

Prints figures; asserts nothing. Run from the repository root (``make bench``)::

    .venv/bin/python benchmarks/briefs.py [--regions N] [--scale 300] [--skip-naive]

(a) naive loop: for each of China + 31 provinces, ``papermill`` CLI then
    ``jupyter nbconvert --to html --no-input`` CLI, serially;
(b) ``mzanalysis briefs --jobs 2`` cold (empty output folder);
(c) ``mzanalysis briefs --jobs 2`` again with nothing changed;
(d) ``python -c "import mzanalysis"`` (best of 5);
(e) scale: N synthetic briefs (the 32 regions × different year windows, i.e. parameter variants)
    on a Dask LocalCluster (2 workers × 1 thread), printing briefs per second.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "region_brief.ipynb"


def timed(cmd: list[str], **kw) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t0


def naive(codes: list[str], work: Path) -> float:
    t0 = time.perf_counter()
    for code in codes:
        executed = work / f"{code}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(NOTEBOOK), str(executed), "-r", "region",
                        code, "--no-progress-bar"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, cwd=work)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                        str(executed)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, cwd=work)
    return time.perf_counter() - t0


def scale_run(n: int, out: Path) -> tuple[float, int]:
    from distributed import LocalCluster

    from mzanalysis.briefs import runner

    base = runner.select_regions()
    regions, variants = [], {}
    windows = [(s, e) for s in range(2005, 2016) for e in range(2016, 2025)]
    for i in range(n):
        regions.append(base[i % len(base)])
        s, e = windows[(i // len(base)) % len(windows)]
        variants[i] = {"start_year": s, "end_year": e}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        t0 = time.perf_counter()
        result = runner.build(regions, out=out, per_region=variants,
                              scheduler=cluster.scheduler_address, show_progress=False)
        seconds = time.perf_counter() - t0
    return seconds, sum(r["status"] == "ok" for r in result.results)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", type=int, default=32, help="regions in (a)-(c) (default 32)")
    ap.add_argument("--scale", type=int, default=300, help="synthetic briefs in (e); 0 skips")
    ap.add_argument("--skip-naive", action="store_true", help="skip (a)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from mzanalysis.briefs import runner

    codes = [r.code for r in runner.select_regions()][: args.regions]
    regions_arg = ",".join(codes)
    env = {**os.environ, "CI": "1"}  # no progress bar in timings
    print(f"machine: {os.cpu_count()} cores; {len(codes)} briefs; notebook {NOTEBOOK.name}")
    with tempfile.TemporaryDirectory(prefix="mzbench-") as tmp:
        tmp = Path(tmp)
        a = None
        if not args.skip_naive:
            (tmp / "naive").mkdir()
            a = naive(codes, tmp / "naive")
            print(f"(a) naive papermill CLI + nbconvert CLI, serial: {a:8.1f} s "
                  f"({a / len(codes):.2f} s/brief)")
        cmd = [str(BIN / "mzanalysis"), "briefs", "--jobs", "2", "--regions", regions_arg,
               "--out", str(tmp / "reports")]
        b = timed(cmd, env=env)
        print(f"(b) mzanalysis briefs --jobs 2, cold:             {b:8.1f} s "
              f"({b / len(codes):.2f} s/brief)")
        c = timed(cmd, env=env)
        print(f"(c) mzanalysis briefs --jobs 2, unchanged:        {c:8.2f} s")
        if a:
            print(f"    (b)/(a) = {b / a:.2f}   (target <= 0.4);  (c) target <= 2 s")
        imports = [timed([sys.executable, "-c", "import mzanalysis"]) for _ in range(5)]
        print(f"(d) python -c 'import mzanalysis' (best of 5):   {min(imports):8.3f} s "
              "(target <= 0.3 s)")
        if args.scale:
            seconds, ok = scale_run(args.scale, tmp / "scale")
            print(f"(e) {args.scale} synthetic briefs on Dask LocalCluster (2x1): {seconds:.1f} s, "
                  f"{ok} ok, {ok / seconds:.2f} briefs/s")
            per = seconds / max(ok, 1)
            print(f"    county-level estimate (2,846 briefs, this machine): "
                  f"{2846 * per / 60:.0f} min; scales ~linearly with cores/workers")


if __name__ == "__main__":
    main()
