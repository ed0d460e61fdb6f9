"""The ``mzanalysis`` command line.

Each subcommand lives in its own module under :mod:`mzanalysis.commands` with a ``register``
function that adds its parser; this module only wires them together and turns user errors
(:class:`~mzanalysis.errors.MzError`) into a message on stderr and a non-zero exit, never a
traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import MzError

#: Subcommand modules, in the order ``--help`` lists them.
COMMANDS = ("regions", "extract", "data", "brief", "briefs")

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mzanalysis",
        description="Civil-affairs (民政) social assistance data: regions, report extraction, "
                    "curated data and HTML briefs.")
    parser.add_argument("--version", action="version", version=f"mzanalysis {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USER_ERROR
    try:
        return int(args.handler(args) or 0)
    except MzError as exc:
        print(f"mzanalysis {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # e.g. `mzanalysis regions | head`
        return 0
    except KeyboardInterrupt:
        print("mzanalysis: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
