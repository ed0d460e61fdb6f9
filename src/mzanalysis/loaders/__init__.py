"""Loaders: each returns a DataFrame in the fact schema (:mod:`mzanalysis.schema`), validated.

Names are exported lazily (PEP 562) so ``import mzanalysis.loaders`` stays fast: pandas and the
readers load only when a loader is first used.
"""
from __future__ import annotations

import importlib

#: public name -> submodule that defines it
_EXPORTS = {
    "load_curated": "curated",
    "load_wide_table": "wide",
    "load_mca_quarterly": "mca",
    "load_facts": "facts",
    "load_panel": "panel",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
