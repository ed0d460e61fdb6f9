"""``mzanalysis data``: list, validate and reconcile the curated data and tables a user brings."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help="list, validate or reconcile data",
                       description="The curated data embedded in the package (cited national and "
                                   "provincial figures) and the official tables you bring in a "
                                   "folder (--data-dir): list what there is, validate it, and "
                                   "reconcile national totals with provincial sums.")
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    ls = actions.add_parser("list", help="what data there is: files, indicators, years, regions")
    ls.add_argument("--data-dir", type=Path, help="also read every table in this folder")
    ls.set_defaults(handler=run_list)

    val = actions.add_parser("validate", help="verify checksums and schemas",
                             description="Verify the curated package's sha256 checksums and "
                                         "frictionless schemas (a changed file is an error); with "
                                         "--data-dir also read every table in that folder and "
                                         "fail if one cannot be read.")
    val.add_argument("--data-dir", type=Path, help="folder of tables to read and check")
    val.add_argument("--package", type=Path,
                     help="curated package folder (default: the embedded data, or $MZ_DATA_DIR)")
    val.set_defaults(handler=run_validate)

    rec = actions.add_parser("reconcile", help="national vs Σ provinces, spending vs benefits",
                             description="National figures vs the sum over provinces; dibao "
                                         "spending vs recipients × average benefit; with --facts, "
                                         "reported figures vs official ones.")
    rec.add_argument("--data-dir", type=Path, help="folder of your downloaded tables to read")
    rec.add_argument("--facts", type=Path, action="append", default=[],
                     help="fact table (CSV/Parquet) of reported figures to check; repeatable")
    rec.add_argument("--seed-facts", action="store_true",
                     help="check the facts extracted from the seed reports (data/seed_facts.csv) "
                          "against the official figures")
    rec.add_argument("--indicator", action="append", default=[],
                     help="only these indicators (default: dibao recipients and spending)")
    rec.add_argument("--tolerance", type=float, default=0.5,
                     help="allowed gap in percent for sums and reported figures (default 0.5)")
    rec.add_argument("--all", action="store_true",
                     help="also list sums of a few provinces without a national figure")
    rec.add_argument("--out", type=Path, help="write the full table as CSV here")
    rec.set_defaults(handler=run_reconcile)
    p.set_defaults(handler=lambda args: _usage(p))


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _coverage(facts):
    """indicator × area × level: years, regions, rows (preferred rows only)."""
    data = facts[facts["preferred"]] if "preferred" in facts.columns else facts
    data = data.assign(variant=data["variant"].fillna(""))
    grouped = data.groupby(["indicator", "area", "variant", "level"])
    out = grouped.agg(first=("year", "min"), last=("year", "max"),
                      years=("year", "nunique"), regions=("region_code", "nunique"),
                      rows=("value", "size")).reset_index()
    return out


def _print_table(frame, file=None) -> None:
    print(frame.to_string(index=False), file=file or sys.stdout)


def run_list(args) -> int:
    from ..datapackage import data_dir, read_descriptor
    from ..loaders import load_curated, load_panel
    from ..loaders.panel import format_report

    folder = data_dir()
    descriptor = read_descriptor(folder)
    print(f"curated data: {folder}  ({descriptor.get('licenses', [{}])[0].get('name', '')})")
    for res in descriptor["resources"]:
        print(f"  {res['path']:15} {res['bytes']:>9,} bytes  {res['hash'][:19]}…  "
              f"{res['description'][:70]}")
    if args.data_dir:
        facts, report = load_panel(args.data_dir, with_report=True)
        print(f"\ntables in {args.data_dir}:")
        print(format_report(report))
    else:
        facts = load_curated()
    print("\ncoverage (one preferred value per key):")
    _print_table(_coverage(facts))
    return 0


def run_validate(args) -> int:
    from ..datapackage import data_dir, validate_package
    from ..errors import DataError
    from ..loaders import load_curated, load_panel
    from ..loaders.panel import format_report

    folder = args.package or data_dir()
    for line in validate_package(folder):
        print(f"ok  {line}")
    facts = load_curated(data_dir=folder)
    print(f"ok  facts: {len(facts)} preferred rows pass the fact schema")
    if args.data_dir:
        _, report = load_panel(args.data_dir, with_report=True)
        print(format_report(report))
        errors = report[report["status"] == "error"]
        if len(errors):
            raise DataError(f"{len(errors)} table(s) in {args.data_dir} could not be read: "
                            + "; ".join(errors["file"]))
    print(f"valid: {folder}")
    return 0


def _fmt(value) -> str:
    if value != value:
        return "—"
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    return f"{value:.1f}"


def run_reconcile(args) -> int:
    from ..datapackage import atomic_write_text
    from ..loaders import load_facts, load_panel
    from ..reconcile import expenditure_vs_benefit, national_vs_provinces, report_vs_official

    facts = load_panel(args.data_dir) if args.data_dir else load_panel(None)
    indicators = args.indicator or ["dibao_recipients"]
    sums = national_vs_provinces(facts, tolerance_pct=args.tolerance, indicators=indicators)
    spending = expenditure_vs_benefit(facts)
    parts = [sums, spending]
    reported = [load_facts(p) for p in args.facts]
    if args.seed_facts:
        from ..loaders.curated import seed_facts

        reported.append(seed_facts())
    if reported:
        import pandas as pd

        reported = pd.concat(reported, ignore_index=True)
        parts.append(report_vs_official(reported, facts, tolerance_pct=args.tolerance))
    import pandas as pd

    table = pd.concat(parts, ignore_index=True)
    if args.out:
        atomic_write_text(args.out, table.to_csv(index=False, lineterminator="\n"))
    shown = table if args.all else table[
        (table["check"] != "national_vs_provinces") | table["reference"].notna()
        | table["detail"].str.startswith(f"Σ of 31/")
        | table["detail"].str.contains(r"Σ of (?:2[0-9]|30)/", regex=True)]
    for check, group in shown.groupby("check", sort=False):
        print(f"\n{check}  (tolerance {group['tolerance_pct'].iloc[0]:g} %)")
        view = pd.DataFrame({
            "region": group["region"], "indicator": group["indicator"], "area": group["area"],
            "variant": group["variant"].fillna(""), "period": group["period"],
            "reference": group["reference"].map(_fmt), "compared": group["compared"].map(_fmt),
            "gap_%": group["gap_pct"].map(lambda v: "—" if v != v else f"{v:+.2f}"),
            "flag": group["flag"], "detail": group["detail"]})
        _print_table(view)
    counts = table["flag"].value_counts()
    print("\n" + ", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0
