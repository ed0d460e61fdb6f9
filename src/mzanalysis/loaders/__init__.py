"""Loaders: each returns a DataFrame in the fact schema (:mod:`mzanalysis.schema`), validated."""
