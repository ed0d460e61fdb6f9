"""Imported once by the fork server so pool workers start with papermill and nbconvert loaded.

It first ties the fork server's life to the command's (see :mod:`.lifetime`): when the command
is killed, so is the fork server, and with it every pool worker. That comes before the slow
imports, and a command that died while the fork server was starting is noticed too.
"""
from mzanalysis.briefs.lifetime import exit_if_orphaned

exit_if_orphaned()

from mzanalysis.briefs._fast_imports import skip_iri_syntax_checker  # noqa: E402

skip_iri_syntax_checker()

import jupyter_client  # noqa: E402,F401
import nbclient  # noqa: E402,F401
import nbconvert  # noqa: E402,F401
import papermill.parameterize  # noqa: E402,F401
