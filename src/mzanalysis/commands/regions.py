"""``mzanalysis regions``: list regions, or resolve names to codes."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("regions", help="list regions or resolve region names",
                       description="List regions (code, name, short name, English name, level, "
                                   "parent), or resolve the given names to exactly one region each.")
    p.add_argument("names", nargs="*", help="names or codes to resolve (default: list all)")
    p.add_argument("--level", choices=("national", "province", "prefecture", "county"),
                   help="only regions of this level")
    p.add_argument("--parent", help="only regions below this one; also disambiguates names")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..regions import regions, resolve

    if args.names:
        rows = [resolve(name, parent=args.parent) for name in args.names]
    else:
        rows = regions(level=args.level, parent=args.parent)
    for r in rows:
        print("\t".join((r.code, r.name, r.short_name, r.english, r.level, r.parent_code or "")))
    return 0
