"""The region brief as tested library code: one function per section, the notebook only displays.

A researcher can call the same functions in a notebook of their own::

    from mzanalysis.briefs import sections as S
    data = S.load_brief("甘肃", 2005, 2024)
    std = S.standards(data.facts, data.region, data.years)
    std.tables[0].frame, std.figure, std.missing, std.headline

Modules, one job each: :mod:`.load` (the inputs of a brief), :mod:`.standards` (levels, kinds,
growth, urban–rural ratio, share of consumption, the province as context), :mod:`.peers` (rank
over time, gap to the national average), :mod:`.coverage` (coverage, spending, adequacy),
:mod:`.stated` (figures stated in work reports, always a separate labelled series),
:mod:`.sources` (the same figure from several sources, data coverage, sources),
:mod:`.findings` (the generated findings paragraph), :mod:`.downloads` (the CSV payload),
:mod:`.result` (the result types), :mod:`.show` (notebook display).
"""
from __future__ import annotations

from .coverage import coverage
from .downloads import payload as downloads_payload
from .findings import Finding, findings, paragraph
from .load import BriefData, load_brief
from .peers import gap_to_national, peers, ranks
from .result import AREA_ZH, KIND_ZH, SOURCE_ZH, Section, Table
from .sources import data_sources, multi_source
from .standards import province_context, share_of_consumption, standards
from .stated import (QUALIFIER_ZH, STATUS_LABELS, Stated, compare_with_official, data_status,
                     reports_section, stated_figures, stated_series)

#: Headline keys every sidecar carries (the index and batch tools read them).
HEADLINE_KEYS = ("region_code", "region", "english", "years", "n_facts", "data_status",
                 "n_report_figures", "dibao_standard_urban", "dibao_standard_urban_year",
                 "dibao_standard_rural", "dibao_standard_rural_year", "latest_year",
                 "dibao_recipients", "dibao_recipients_year", "coverage_pct", "coverage_year",
                 "discrepancies", "missing_series", "by_year")


def header(data) -> str:
    """The brief's title block (Markdown): region, years, level and what the brief holds."""
    from ..render import md_escape as esc

    r = data.region
    return (f"# {esc(r.name)} 民政社会救助简报\n\n"
            f"**{esc(r.english)} — social assistance brief, {data.years[0]}–{data.years[1]}** · "
            f"区划代码 code {r.code} · 层级 level: {r.level}\n\n"
            f"**本简报所含数据 / what this brief holds:** {STATUS_LABELS[data.status]} — "
            f"官方数字 {len(data.mine)} official figures; 工作报告所述数字 {len(data.stated.facts)} "
            f"figures stated in {len(data.stated.documents)} report(s).")


def missing(data, *sections) -> list[tuple[str, str]]:
    """Every series the sections could not show, with the reason (user tables not read first)."""
    out = list(data.unreadable)
    for sec in sections:
        out += sec.missing
    return out


def headline(data, *sections) -> dict:
    """The sidecar's headline figures: identity, each section's headline figures (``by_year``
    merged), and ``discrepancies`` = mismatches in reports + flagged multi-source figures."""
    out = {"region_code": data.region.code, "region": data.region.name,
           "english": data.region.english, "years": list(data.years),
           "n_facts": int(len(data.mine)), "data_status": data.status,
           "n_report_figures": int(len(data.stated.facts))}
    by_year, disc = {}, 0
    for sec in sections:
        for k, v in sec.headline.items():
            if k == "by_year":
                by_year.update(v)
            elif k.startswith("discrepancies_"):
                disc += int(v)
            else:
                out[k] = v
    out["discrepancies"] = disc
    out["by_year"] = {k: by_year.get(k, {}) for k in ("dibao_standard_urban",
                                                        "dibao_standard_rural", "coverage_urban",
                                                        "coverage_rural")}
    for k in HEADLINE_KEYS:
        out.setdefault(k, None)
    return out


__all__ = ["AREA_ZH", "BriefData", "Finding", "HEADLINE_KEYS", "KIND_ZH", "QUALIFIER_ZH",
           "SOURCE_ZH", "STATUS_LABELS", "Section", "Stated", "Table", "compare_with_official",
           "coverage", "data_sources", "data_status", "downloads_payload", "findings",
           "gap_to_national", "header", "headline", "load_brief", "missing", "multi_source",
           "paragraph", "peers", "province_context", "ranks", "reports_section",
           "share_of_consumption", "standards", "stated_figures", "stated_series"]
