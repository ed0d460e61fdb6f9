"""``mzanalysis brief REGION``: render one region's brief (same machinery as ``briefs``)."""
from __future__ import annotations

import argparse

from .briefs import add_common, collect_params, report


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("brief", help="render the HTML brief for one region",
                       description="Execute the region brief notebook for REGION and render "
                                   "OUT/<notebook>/<code>.html plus its JSON sidecar; updates "
                                   "OUT/index.html.")
    p.add_argument("region", help="region name or code (e.g. 青海, Qinghai, 630000, 全国)")
    add_common(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..briefs import runner
    from ..regions import resolve

    params = collect_params(args, args.notebook)
    result = runner.build([resolve(args.region)], out=args.out, notebook=args.notebook,
                          params=params, jobs=1, force=args.force, scheduler=args.scheduler,
                          timeout=args.timeout)
    for r in result.results:
        if r["status"] != "failed":
            print(r["html"])
    return report(result, args.out)
