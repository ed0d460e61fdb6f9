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
    if sys.stdout is None:  # started with stdout closed (`>&-`): say so rather than fail deep inside
        _error(args.command, "standard output is closed (redirect it, e.g. >/dev/null)")
        return EXIT_USER_ERROR
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a full disk (/dev/full) shows here, not after exit as a traceback
        return code
    except MzError as exc:
        _error(args.command, exc)
        return EXIT_USER_ERROR
    except BrokenPipeError as exc:
        if _stdout_gone():  # `mzanalysis regions | head`: the reader has what it wanted
            _silence_stdout()
            return 0
        _error(args.command, f"internal pipe closed unexpectedly ({exc})")
        return 1
    except OSError as exc:  # the environment, not the input: full disk, read-only folder, …
        where = f" {exc.filename}" if exc.filename else ""
        _error(args.command, f"{exc.strerror or exc}{':' if where else ''}{where}")
        if exc.errno is not None and sys.stdout is not None:
            _silence_stdout()
        return 1
    except KeyboardInterrupt:
        print("mzanalysis: interrupted", file=sys.stderr)
        return 130


def _error(command: str, message) -> None:
    if sys.stderr is not None:
        try:
            print(f"mzanalysis {command}: error: {message}", file=sys.stderr)
        except (OSError, ValueError):
            pass


def _stdout_gone() -> bool:
    """True when stdout is a pipe or socket whose reading end has been closed.

    Only then is a BrokenPipeError the ordinary end of `| head`; any other (a worker pool's
    pipe, a resource tracker that died) is a real failure and must not exit 0.
    """
    import select

    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        return any(ev & (select.POLLERR | select.POLLHUP) for _, ev in poller.poll(0))
    except (AttributeError, OSError, ValueError):
        return False


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        pass

if __name__ == "__main__":
    raise SystemExit(main())
