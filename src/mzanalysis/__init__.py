"""mzanalysis: reproducible analysis of China's civil-affairs (民政) social assistance data.

Loaders turn work reports, curated data and official tables into one tidy fact table
(:mod:`mzanalysis.schema`); indicators and models work on that table; notebooks run through
papermill render HTML briefs. Submodules are imported on demand so ``import mzanalysis`` stays fast.
"""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("mzanalysis")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
