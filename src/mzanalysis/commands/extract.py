"""``mzanalysis extract``: read civil-affairs reports and print the welfare facts in them."""
from __future__ import annotations

import argparse
import sys

#: Columns printed, in order (jsonl keys / csv header).
OUTPUT_COLUMNS = ("doc", "region", "region_code", "year", "indicator", "area", "variant", "value",
                  "value_high", "unit", "qualifier", "flags", "span_start", "span_end", "text",
                  "source_ref")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract", help="extract welfare facts from report files (.txt/.html/.htm)",
        description="Read civil-affairs work reports (files or folders of .txt/.html/.htm in "
                    "UTF-8, GB18030/GBK, Big5 or UTF-16; or .jsonl excerpt files with id and "
                    "text) and print one fact per line with its character span in the document. "
                    "Files that cannot be read are reported on stderr and the exit status is 1; "
                    "the other files are still processed.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                   help="output format (default: jsonl)")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
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


def run(args: argparse.Namespace) -> int:
    from ..errors import DataError
    from ..loaders.reports import extract_reports

    import math

    if not math.isfinite(args.max_size) or args.max_size <= 0 or args.max_size > 1024 * 1024:
        raise DataError(f"--max-size must be a positive number of megabytes, not {args.max_size}")
    warnings: list[str] = []
    records, errors = extract_reports(args.paths, max_bytes=int(args.max_size * 1024 * 1024),
                                      frame=False, warnings=warnings)
    data = _render(records, args.format)
    if args.output:
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
