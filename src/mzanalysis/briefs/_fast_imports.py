"""Keep the brief runner's processes from paying for a validator they never use.

``jsonschema`` (which nbformat imports to validate notebooks) loads, when it is installed, the
``rfc3987_syntax`` package to check the ``iri`` string format; that package builds some 35 Lark
parsers when imported, about 0.9 s on the 2-core machine, in the command, the fork server and
every fresh worker (python-jsonschema/jsonschema#1428). No notebook schema uses ``iri``. The
runner's processes mark the package as absent before nbformat is first imported, so jsonschema
skips that one format checker (it then accepts any string as an ``iri``) and nothing else changes.
"""
from __future__ import annotations

import sys


def skip_iri_syntax_checker() -> None:
    """Make ``import rfc3987_syntax`` fail in this process (no-op once it has been imported)."""
    sys.modules.setdefault("rfc3987_syntax", None)
