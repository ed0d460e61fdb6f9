"""The inputs of one brief: region, years, fact tables and the figures stated in reports.

:func:`load_brief` is what the notebook's first cell calls with its parameters. It reads the data
only through the package loaders and filters with boolean masks, so the (possibly cached) frames
the loaders return are never modified.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .stated import Stated, data_status, stated_figures


@dataclass(frozen=True)
class BriefData:
    """Everything a brief's sections read.

    ``every``: every source row in the years (for the multi-source table); ``facts``: the
    preferred rows of every region (peers, the national average, the CPI); ``mine``: the region's
    own preferred rows; ``stated``: figures stated in reports (a separate series).
    """

    region: object
    years: tuple[int, int]
    every: object
    facts: object
    mine: object
    stated: Stated
    status: str
    data_dir: object = None
    reports_dir: object = None
    reports: object = None                      # ReportFacts of the user's folder, or None
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # user tables not read


def _years(start_year, end_year) -> tuple[int, int]:
    from ...errors import MzError

    try:
        years = (int(start_year), int(end_year))
    except (TypeError, ValueError):
        raise MzError(f"start_year and end_year must be whole years, not {start_year!r} and "
                      f"{end_year!r}") from None
    if years[0] > years[1]:
        raise MzError(f"start_year {years[0]} is after end_year {years[1]}")
    return years


def load_brief(region, start_year, end_year, *, data_dir=None, reports_dir=None,
               reports_metadata=None) -> BriefData:
    """Load the inputs of the brief of ``region`` (a name, code or Region) for the given years."""
    from ...errors import MzError
    from ...loaders import load_curated, load_panel
    from ...loaders.curated import seed_facts
    from ...regions import Region, resolve
    from ..reports import report_facts

    reg = region if isinstance(region, Region) else resolve(str(region))
    years = _years(start_year, end_year)
    every = (load_curated(preferred=False) if data_dir is None
             else load_panel(data_dir, preferred=False))
    unreadable = []
    if data_dir is not None:  # a user's table that could not be read is named, never dropped
        report = every.attrs.get("report")
        records = (report.to_dict("records") if hasattr(report, "to_dict") else list(report or []))
        unreadable = [(f"用户数据表 user table {r.get('file')}",
                       f"无法读取 unreadable: {r.get('reason')}")
                      for r in records if r.get("status") == "error"]
    every = every[every["year"].between(*years)]
    every = every.assign(source_class=every["source_class"].fillna("table"))
    facts = every[every["preferred"].astype(bool)]
    mine = facts[facts["region_code"] == reg.code]
    user = report_facts(reports_dir, reports_metadata) if reports_dir is not None else None
    try:
        seeds = seed_facts()
    except MzError:  # a data package built without the seed reports
        seeds = None
    stated = stated_figures(reg.code, years, seeds=seeds, user=user)
    status = data_status(reg.code, set(mine["region_code"]),
                         set(stated.facts["region_code"]) if len(stated.facts) else set())
    return BriefData(region=reg, years=years, every=every, facts=facts, mine=mine,
                     stated=stated, status=status, data_dir=data_dir, reports_dir=reports_dir,
                     reports=user, unreadable=unreadable)
