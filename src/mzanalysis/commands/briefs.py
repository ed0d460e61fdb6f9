"""``mzanalysis briefs``: render the region brief for many regions (default China + provinces)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _folder(text: str) -> Path:
    """An output folder argument; ``--out ''`` would silently mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("empty; give an output folder")
    return Path(text)


def _seconds(text: str) -> float:
    """A positive, finite number of seconds."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: give a positive number of seconds")
    return value


def _count(text: str) -> int:
    """A whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give at least 1")
    return value


def add_common(p: argparse.ArgumentParser) -> None:
    """Options shared by ``brief`` and ``briefs``."""
    p.add_argument("--out", default="reports", type=_folder,
                   help="output folder (default: reports); briefs go to OUT/<notebook>/")
    p.add_argument("--data-dir", help="folder of tables you downloaded (MCA quarterly, NBS exports, "
                   "provincial panels) to add to the embedded curated data")
    p.add_argument("--reports", metavar="DIR",
                   help="folder of your own civil-affairs reports (.txt/.html): their figures are "
                        "shown as 'stated in reports' (extracted once, cached by content)")
    p.add_argument("--reports-metadata", metavar="CSV",
                   help="CSV with columns file, region, year for reports whose title names "
                        "neither (default: DIR/metadata.csv if present)")
    p.add_argument("--start-year", type=int, help="first year shown")
    p.add_argument("--end-year", type=int, help="last year shown")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="any other notebook parameter (repeatable); checked against the "
                        "notebook's parameters cell")
    p.add_argument("--notebook", type=Path,
                   help="notebook to render (default: notebooks/region_brief.ipynb)")
    p.add_argument("--force", action="store_true", help="rebuild even if up to date")
    p.add_argument("--scheduler", metavar="ADDR",
                   help="run on a Dask distributed cluster, e.g. tcp://127.0.0.1:8786")
    p.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                   help="seconds one notebook cell may run; past it the brief fails and its "
                        "kernel is replaced (default 600)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("briefs", help="render HTML briefs for many regions",
                       description="Execute the region brief notebook for each region and render "
                                   "static HTML (each worker keeps one warm kernel and resets it "
                                   "between briefs), a JSON sidecar per brief, "
                                   "OUT/index.html and OUT/manifest.json. Up-to-date briefs are "
                                   "skipped; a region with neither an official series nor report "
                                   "figures gets an index row 'no data' and no page. Exits 1 if "
                                   "any brief failed (the others still finish).")
    p.add_argument("--level", choices=("national", "province", "prefecture", "county"),
                   help="every region of this level (default: China and the 31 provinces)")
    p.add_argument("--regions", help="comma-separated names or codes (e.g. 青海,Gansu,150600)")
    p.add_argument("--jobs", "-j", type=int, default=2,
                   help="worker processes, each with one warm kernel (default 2)")
    p.add_argument("--recycle-after", type=_count, metavar="N",
                   help="replace a worker's kernel with a fresh one after N briefs, to bound "
                        "memory (default 250)")
    add_common(p)
    p.set_defaults(handler=run)


def collect_params(args: argparse.Namespace, notebook) -> dict:
    """Typed notebook parameters from the command line (validated again in the planner)."""
    from ..briefs import DEFAULT_NOTEBOOK
    from ..briefs.params import coerce_cli, notebook_parameters, read_notebook

    path = Path(notebook or DEFAULT_NOTEBOOK)
    declared = notebook_parameters(read_notebook(path), path)
    params = coerce_cli(declared, args.param)
    if "region" in params:
        from ..briefs.params import ParameterError

        raise ParameterError("give regions as arguments, not -p region=…")
    for name, param in (("data_dir", "data_dir"), ("start_year", "start_year"),
                        ("end_year", "end_year"), ("reports", "reports_dir"),
                        ("reports_metadata", "reports_metadata")):
        value = getattr(args, name)
        if value is not None:
            if param not in declared:
                from ..briefs.params import ParameterError

                raise ParameterError(f"--{name.replace('_', '-')}: the notebook {path} has no "
                                     f"{param!r} parameter")
            params[param] = str(value) if isinstance(value, Path) else value
    return params


def report(result, out: Path) -> int:
    """Print a one-line summary per failure and the totals; return the exit code."""
    for r in result.failed:
        err = r.get("error") or {}
        where = f" (cell {err['cell_index']})" if err.get("cell_index") is not None else ""
        print(f"FAILED {r['name']} {r['region']}{where}: {err.get('ename')}: "
              f"{err.get('evalue')}  → {r['html']}", file=sys.stderr)
    counts = {s: sum(r["status"] == s for r in result.results)
              for s in ("ok", "skipped", "failed", "no_data")}
    empty = f", {counts['no_data']} without data (no page)" if counts["no_data"] else ""
    print(f"briefs: {counts['ok']} built, {counts['skipped']} up to date, {counts['failed']} failed"
          f"{empty}; index {result.index_path}", file=sys.stderr)
    return result.exit_code


def run(args: argparse.Namespace) -> int:
    from ..briefs import runner
    from ..errors import MzError

    if args.jobs < 1:
        raise MzError("--jobs must be at least 1")
    if args.level and args.regions:
        raise MzError("give --level or --regions, not both")
    names = [n for n in (args.regions or "").split(",") if n.strip()] if args.regions else None
    if args.regions is not None and not names:
        raise MzError("--regions is empty")
    regions = runner.select_regions(level=args.level, names=names)
    params = collect_params(args, args.notebook)
    # a batch builds full briefs only where there is data; the others get an index row
    result = runner.build(regions, out=args.out, notebook=args.notebook, params=params,
                          jobs=args.jobs, force=args.force, scheduler=args.scheduler,
                          skip_empty=True, timeout=args.timeout,
                          recycle_after=args.recycle_after)
    return report(result, args.out)
