"""Subcommands of the ``mzanalysis`` CLI, one module each, each with ``register(subparsers)``."""
