"""``mzanalysis extract``: read civil-affairs reports and print the welfare facts in them."""
from __future__ import annotations

import argparse
import sys

#: Columns written, in order (jsonl keys / csv header): the fact schema that
#: :func:`mzanalysis.loaders.load_facts` reads, plus the document, span and quoted text.
OUTPUT_COLUMNS = ("doc", "region", "region_code", "level", "year", "period", "indicator", "area",
                  "variant", "value", "value_high", "unit", "qualifier", "flags", "span_start",
                  "span_end", "text", "source", "source_ref")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract", help="extract welfare facts from report files (.txt/.html/.htm)",
        description="Read civil-affairs work reports (files or folders of .txt/.html/.htm in "
                    "UTF-8, GB18030/GBK, Big5 or UTF-16; or .jsonl excerpt files with id and "
                    "text) and print one fact per line with its character span in the document. "
                    "Files that cannot be read are reported on stderr and the exit status is 1; "
                    "the other files are still processed.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl",
                   help="output format (default: jsonl; parquet needs -o); every format loads "
                        "back with mzanalysis.loaders.load_facts")
    p.add_argument("--region", help="region (name or code) of every report, overriding titles")
    p.add_argument("--year", type=int, help="year of every report, overriding titles")
    p.add_argument("--metadata", metavar="CSV",
                   help="CSV with columns file, region, year: each report's region and year "
                        "(file paths relative to the CSV)")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    p.add_argument("--rules-only", action="store_true",
                   help="leave out the learned reader's facts (flagged 'learned'): only what a "
                        "rule read")
    p.add_argument("--max-size", type=float, default=50.0, metavar="MB",
                   help="skip (and report) files larger than this many megabytes (default: 50)")
    p.set_defaults(handler=run)


def _records(records):
    for row in records:
        yield {col: row.get(col) for col in OUTPUT_COLUMNS}


def _render(records, fmt: str) -> str:
    import csv
    import io
    import json

    buf = io.StringIO()
    if fmt == "jsonl":
        for rec in _records(records):
            buf.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(buf, fieldnames=list(OUTPUT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for rec in _records(records):
            rec["flags"] = ";".join(rec["flags"])
            writer.writerow(rec)
    return buf.getvalue()


def _write_atomic(path: str, data: str) -> None:
    import os
    import tempfile

    from ..errors import DataError

    target = os.path.abspath(path)
    try:
        if os.path.isdir(target):
            raise DataError(f"cannot write {path}: is a folder")
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".extract-", suffix=".tmp")
        try:
            # mkstemp makes the file 0600; an output file gets the usual umask-based mode
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
            # document names from undecodable file names carry U+FFFD, never surrogates, but the
            # output must not fail on one: write any that remain back as their original bytes
            with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise DataError(f"cannot write {path}: {exc.strerror or exc}") from None


def _write_parquet(records, path: str) -> None:
    """Write the facts as Parquet (flags a list column), atomically."""
    import os
    import tempfile

    from ..errors import DataError
    from ..text.extract import facts_frame

    frame = facts_frame(records)[list(OUTPUT_COLUMNS)]
    target = os.path.abspath(path)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".extract-", suffix=".tmp")
    os.close(fd)
    try:
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, target)
    except OSError as exc:
        raise DataError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run(args: argparse.Namespace) -> int:
    from ..errors import DataError
    from ..loaders.reports import extract_reports

    import math

    if not math.isfinite(args.max_size) or args.max_size <= 0 or args.max_size > 1024 * 1024:
        raise DataError(f"--max-size must be a positive number of megabytes, not {args.max_size}")
    if args.format == "parquet" and not args.output:
        raise DataError("--format parquet writes a binary file: give -o FILE.parquet")
    if args.region is not None:
        from ..regions import resolve

        resolve(args.region)  # an unknown name fails here, before any file is read
    if args.year is not None and not 1949 <= args.year <= 2100:
        raise DataError(f"--year {args.year} is not a year between 1949 and 2100")
    warnings: list[str] = []
    records, errors = extract_reports(args.paths, max_bytes=int(args.max_size * 1024 * 1024),
                                      frame=False, warnings=warnings, region=args.region,
                                      year=args.year, metadata=args.metadata,
                                      learned=not args.rules_only)
    if args.format == "parquet":
        _write_parquet(records, args.output)
        data = None
    else:
        data = _render(records, args.format)
    if data is None:
        pass
    elif args.output:
        _write_atomic(args.output, data)
    else:
        if sys.stdout is None:
            raise DataError("standard output is closed; use -o FILE")
        sys.stdout.write(data)
        sys.stdout.flush()
    for line in warnings:
        print(f"mzanalysis extract: warning: {line}", file=sys.stderr)
    for err in errors:
        print(f"mzanalysis extract: {err}", file=sys.stderr)
    if errors:
        print(f"mzanalysis extract: {len(errors)} file(s) failed; facts from the others were "
              "written", file=sys.stderr)
        return 1
    return 0
