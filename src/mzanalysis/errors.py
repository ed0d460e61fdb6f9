"""Exceptions a user of mzanalysis may see.

Every error the package raises for bad input derives from :class:`MzError`, so the CLI can print
its message and exit non-zero without a traceback, while programming errors still surface as
tracebacks.
"""


class MzError(Exception):
    """Base class for user-facing errors (bad input, unknown names, invalid data)."""


class RegionError(MzError, LookupError):
    """A region name or code could not be resolved to exactly one region."""


class SchemaError(MzError, ValueError):
    """A table does not conform to the fact schema; the message names rows and columns."""


class DataError(MzError, ValueError):
    """A data file cannot be read or does not have the expected layout."""
