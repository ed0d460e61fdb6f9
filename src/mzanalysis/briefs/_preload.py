"""Imported once by the fork server so pool workers start with papermill and nbconvert loaded.

It also ties the fork server's life to the command's (see :mod:`.lifetime`): when the command
is killed, so is the fork server, and with it every pool worker.
"""
import jupyter_client  # noqa: F401
import nbconvert  # noqa: F401
import papermill  # noqa: F401

from mzanalysis.briefs.lifetime import die_with_parent

die_with_parent()
