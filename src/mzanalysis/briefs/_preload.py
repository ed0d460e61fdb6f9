"""Imported once by the fork server so pool workers start with papermill and nbconvert loaded."""
import jupyter_client  # noqa: F401
import nbconvert  # noqa: F401
import papermill  # noqa: F401
