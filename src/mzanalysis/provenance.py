"""Where a figure comes from, how much to trust it, and which of several figures to prefer.

The curated datasets keep every source row, including sources that disagree. This module holds
the two stated rules that turn them into one value per key:

1. **Source class** (:func:`classify`), derived from the source URL and the collector's notes.
   Most Chinese official figures circulate as reposts (a bulletin of the Ministry of Civil Affairs
   copied by 人民日报, then mirrored on an unrelated domain), so the host alone says little; the
   notes say what the page reproduces. Rules, first match wins:

   ====================  ============================================================  ====
   class                 rule                                                          rank
   ====================  ============================================================  ====
   official_table        the page is on a government host (``*.gov.cn``): the           1
                         publisher's own table, yearbook or release
   blog                  notes mark the page as a blog, Q&A, user upload, aggregator,   4
                         compilation, quiz/exam page, ranking site, machine-reworded or
                         garbled copy, or of (lower) / low reliability / secondary
   official_repost       notes say the page reproduces an official release or table:    2
                         a statistical yearbook, an MCA table / bulletin (公报) /
                         quarterly report, an NBS release / communiqué, a census
                         communiqué, a civil-affairs department release
   news                  notes or host name a news organisation or wire (Xinhua,        3
                         People's Daily, China Daily, CRI, CCTV, 中新社, AP …)
   blog                  anything else: an unattributed secondary page                  4
   ====================  ============================================================  ====

   The notes of every row from the same URL are read together, because a collector describes a
   page once and later rows from it say only "rounded". Sentences about *other* sources
   ("CONFLICT with 4291万 (NBS communique)", "agrees with", "see conflicts") are ignored.

2. **Preferred value** (:func:`choose_preferred`) per key (region, year, period, indicator, area,
   variant), by sorting the candidates on, in order:

   a. reference date: a row whose notes say it is *not* the figure for the period (published
      before year-end, preliminary) loses to one that is;
   b. source class rank (official table > official release reposted > news report > blog);
   c. breadth: a table giving the same indicator for more regions wins (national-comparison
      tables use one definition for every province, a province's own yearbook may not);
   d. agreement: the value more other sources agree with wins;
   e. file order (dataset, then row), so the choice is deterministic.

   Two values *agree* when, in the same unit (a monthly amount ×12 compared with a yearly one),
   they differ by no more than half the coarser rounding step of the two as written (4284万 and
   4284.0万 agree; 2142.5万 and 2143.5万 do not). A key whose candidates do not all agree is a
   *conflict*: the preferred row gets the ``source_conflict`` flag and every row of the key is
   listed in the conflicts table.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

#: Source classes, best first, with their rank.
SOURCE_CLASSES: dict[str, int] = {"official_table": 1, "official_repost": 2, "news": 3, "blog": 4}

_BLOG = re.compile(
    r"\bblog|Q&A|user-uploaded|aggregator|compilation|quiz-book|exam-prep|ranking site|"
    r"machine-reworded|GARBLED|community repost|low(?:er)? reliability|\bsecondary\b", re.I)
_OFFICIAL_REPOST = re.compile(
    r"yearbook|MCA table|MCA 《|MCA 社会服务|社会服务发展统计|统计公报|communiqu|repost of NBS|"
    r"NBS release|repost of MCA|report(?: \([^)]*\))? of MCA|Report on MCA|民政事业发展统计|"
    r"Key Statistics on Development of Civil Affairs|Civil Affairs Dep", re.I)
_NEWS = re.compile(
    r"xinhua|people'?s daily|人民日报|人民网|china daily|chinadaily|\bCRI\b|cctv|cntv|中新|"
    r"china news|chinanews|ecns|\bAP\b|wire|shanghai daily|南方财富网|中广网|光明日报|联合报|"
    r"中国发展网|中国经济网|china\.org\.cn|chinagate|huaxia|tellerreport|中评社|福建日报|"
    r"经济参考报|urdupoint|sputnik|sohu|news", re.I)

#: Notes that say a figure describes an earlier date than its year (demoted by rule a).
_DATE_MISMATCH = re.compile(r"not end-of-year|before year-end|\bpreliminary\b|Early \(", re.I)


def host(url: str) -> str:
    """The host name of a URL ('' for a repository path or other non-URL)."""
    try:
        return (urlparse(str(url)).hostname or "").lower()
    except ValueError:
        return ""


# Sentences of the notes that talk about *other* sources ("CONFLICT with 4291万 (NBS communique)",
# "agrees with …", "see conflicts") must not decide this page's class.
_OTHER_SOURCE = re.compile(r"conflict|agrees with|matches|compare|\bcf\b|\bsee\b|duplicates", re.I)


def _own_attribution(notes: str) -> str:
    parts = re.split(r"(?<=[.;])\s+|;\s*|\s+—\s+", notes)
    return " ".join(p for p in parts if not _OTHER_SOURCE.search(p))


def classify(url: str, notes: str) -> tuple[str, str]:
    """Return (source class, the rule that decided it) for a page; see the module docstring."""
    notes = _own_attribution(notes or "")
    h = host(url)
    if h == "gov.cn" or h.endswith(".gov.cn"):
        return "official_table", f"government host {h}"
    if _BLOG.search(notes) or "blogspot." in h:
        match = _BLOG.search(notes)
        return "blog", f"notes mark a low-reliability page ({match.group(0) if match else h})"
    match = _OFFICIAL_REPOST.search(notes)
    if match:
        return "official_repost", f"notes: reproduces an official release ({match.group(0)})"
    match = _NEWS.search(notes) or _NEWS.search(h)
    if match:
        return "news", f"news organisation or wire ({match.group(0)})"
    return "blog", "unattributed secondary page"


def date_mismatch(notes: str) -> bool:
    """True when the notes say the figure is not for the stated period (rule a)."""
    return bool(_DATE_MISMATCH.search(notes or ""))


def _comparable(value: float, unit: str, target: str) -> float:
    """Express a per-person amount in ``target`` period (monthly ×12 = yearly)."""
    if unit == target:
        return value
    if unit == "yuan_per_person_month" and target == "yuan_per_person_year":
        return value * 12
    if unit == "yuan_per_person_year" and target == "yuan_per_person_month":
        return value / 12
    return float("nan")


def agree(a: float, unit_a: str, step_a: float, b: float, unit_b: str, step_b: float) -> bool:
    """Whether two stated values are the same figure up to rounding (see module docstring)."""
    if unit_a != unit_b:
        b = _comparable(b, unit_b, unit_a)
        step_b = _comparable(step_b, unit_b, unit_a)
        if b != b:  # different kinds of unit never agree
            return False
    tolerance = 0.5 * max(step_a, step_b) + 1e-9 * max(abs(a), abs(b), 1.0)
    return abs(a - b) <= tolerance


KEY = ("region_code", "year", "period", "indicator", "area", "variant")


def choose_preferred(frame):
    """Mark one preferred row per key; return the frame with new columns.

    ``frame`` needs the fact-schema key columns, ``value`` and ``unit`` (base units),
    ``step`` (rounding step in base units), ``source_rank``, ``date_mismatch``, ``breadth`` and
    ``order``. Adds ``preferred`` (bool), ``n_sources`` (rows for the key), ``n_agree`` (rows
    agreeing with the preferred value, itself included) and ``conflict`` (bool, for every row of
    a key whose values disagree). The ``source_conflict`` flag is added to the preferred row of a
    conflicting key.
    """
    import pandas as pd

    out = frame.copy()
    out["_variant"] = out["variant"].fillna("")
    keys = [k if k != "variant" else "_variant" for k in KEY]
    preferred = pd.Series(False, index=out.index)
    conflict = pd.Series(False, index=out.index)
    n_sources = pd.Series(1, index=out.index)
    n_agree = pd.Series(1, index=out.index)
    agreement = pd.Series(0, index=out.index)
    has_q = "qualifier" in out.columns
    for _, group in out.groupby(keys, sort=False, dropna=False):
        idx = list(group.index)
        if len(idx) > 1:
            for i in idx:
                agreement[i] = sum(
                    agree(out.at[i, "value"], out.at[i, "unit"], out.at[i, "step"],
                          out.at[j, "value"], out.at[j, "unit"], out.at[j, "step"])
                    for j in idx if j != i)
        # the old value of a raise (由900元提高到950元) is not the level in force for the key
        ranked = sorted(idx, key=lambda i: (out.at[i, "qualifier"] == "old" if has_q else False,
                                            bool(out.at[i, "date_mismatch"]),
                                            int(out.at[i, "source_rank"]),
                                            -int(out.at[i, "breadth"]), -int(agreement[i]),
                                            out.at[i, "order"]))
        best = ranked[0]
        preferred[best] = True
        n_sources[idx] = len(idx)
        agreeing = [j for j in idx if j == best or agree(
            out.at[best, "value"], out.at[best, "unit"], out.at[best, "step"],
            out.at[j, "value"], out.at[j, "unit"], out.at[j, "step"])]
        n_agree[idx] = len(agreeing)
        if len(agreeing) < len(idx):
            conflict[idx] = True
    out["preferred"] = preferred
    out["conflict"] = conflict
    out["n_sources"] = n_sources
    out["n_agree"] = n_agree
    out["flags"] = [
        sorted(set(f) | {"source_conflict"}) if (p and c) else list(f)
        for f, p, c in zip(out["flags"], out["preferred"], out["conflict"])]
    return out.drop(columns="_variant")
