"""The region and year a report is about, read from its title (or its first lines).

Work reports are titled 鄂尔多斯市民政局2023年工作总结 or X县民政局2020年度工作总结; an anonymised
title (XX省, 202X) gives nothing, and the year is then null rather than guessed. When the title names
no region, the first "<place>民政局/民政厅" in the body that resolves in the region registry is used.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import content_ranges

_TITLE_WORDS = re.compile(r"总结|报告|汇报|工作|情况|要点|计划|思路|讲话|公报")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2}|20\d?X|20XX|202X)(?=\s*年)", re.I)
_BUREAU = re.compile(r"民政局|民政厅|民政处|人民政府|政府")
_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,14}$")
_PLACE_END = re.compile(r"(?:自治区|自治州|自治县|特别行政区|省|市|州|地区|盟|县|区|旗)")


@lru_cache(maxsize=8)
def title_of(text: str) -> str:
    """The report's title: the first short body line that reads like one (else the first line)."""
    lines = []
    for start, end in content_ranges(text):
        for line in text[start:end].splitlines():
            if line.strip():
                lines.append(line.strip())
            if len(lines) >= 6:
                break
        if len(lines) >= 6:
            break
    for line in lines:
        if len(line) <= 60 and _TITLE_WORDS.search(line) and not line.startswith(("(", "一")):
            return line
    return lines[0][:80] if lines else ""


def document_year(text: str) -> int | None:
    """Year in the title (2023年工作总结 → 2023); None when absent or anonymised (202X)."""
    m = _YEAR.search(title_of(text))
    if not m or not m.group(1).isdigit():
        return None
    return int(m.group(1))


@lru_cache(maxsize=4096)
def _lookup(name: str):
    """The region ``name`` denotes, or None; looked up without resolve()'s close-match search,
    which is far too slow to run on every candidate substring."""
    from ..errors import RegionError
    from ..regions import registry, resolve

    if not registry().candidates(name):
        return None
    try:
        return resolve(name)
    except RegionError:  # ambiguous (several 朝阳区): not a usable document region
        return None


def _resolve_place(run: str):
    """Longest registry name ending a run of characters before 民政局 (年海西州 → 海西州)."""
    for i in range(len(run) - 1):
        candidate = run[i:]
        if not _PLACE_END.search(candidate[-4:]) and i > 0:
            continue
        region = _lookup(candidate)
        if region is not None:
            return region
    return None


def document_region(text: str):
    """Region named in the title, else by the first resolvable '<place>民政局' in the text."""
    title = title_of(text)
    for source in (title, text[:200000]):
        for m in _BUREAU.finditer(source):
            run = _RUN_BEFORE.search(source, max(0, m.start() - 14), m.start())
            region = _resolve_place(run.group()) if run else None
            if region is not None:
                return region
    return None


# A top-level heading at the start of a line: 一、 / (一) / 1、. A stitched page (范文 collections,
# 汇编) is several reports one after another, and each starts its numbering again at 一.
_HEADING = re.compile(r"^[ \t\u3000]*(?:(?P<top>[一二三四五六七八九十]+)、|[(（](?P<sub>[一二三四五六七八九十]+)[)）])",
                      re.M)
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _cn_number(s: str) -> int:
    if len(s) == 1:
        return _CN_DIGITS.get(s, 0)
    if s.startswith("十"):
        return 10 + _CN_DIGITS.get(s[1:], 0)
    return _CN_DIGITS.get(s[0], 0) * 10 + (_CN_DIGITS.get(s[2:], 0) if len(s) > 2 else 0)


def part_starts(text: str) -> list[int]:
    """Offsets where the reports of a stitched page begin (``[0]`` for one report).

    A part begins where a heading series starts again at 一 after having reached a higher number;
    when a (一) restart directly follows an 一、 heading, the part begins at that 一、.
    """
    starts = [0]
    last = {"top": 0, "sub": 0}
    last_top_start = None
    for m in _HEADING.finditer(text):
        kind = "top" if m.group("top") else "sub"
        n = _cn_number(m.group(kind))
        start = m.start()
        if n == 1 and last[kind] >= 2:
            begin = start
            if kind == "sub" and last_top_start is not None and \
                    not text[last_top_start:start].count("\n") > 1:
                begin = last_top_start
            if begin > starts[-1]:
                starts.append(begin)
            last = {"top": 0, "sub": 0}
        if kind == "top":
            last_top_start = start
            last["sub"] = 0 if n != 1 or last["top"] else last["sub"]
        last[kind] = n
    return starts


def part_regions(text: str) -> list[tuple[int, object]]:
    """(start offset, region or None) per report of ``text``, in order.

    One report (or a title naming the region) gives one part with the document's region. A
    stitched page gives each part the first '<place>民政局' that resolves inside it, else None:
    the first bureau a page names is not the region of the reports after it.
    """
    starts = part_starts(text)
    title_region = None
    title = title_of(text)
    for m in _BUREAU.finditer(title):
        run = _RUN_BEFORE.search(title, max(0, m.start() - 14), m.start())
        title_region = _resolve_place(run.group()) if run else None
        if title_region is not None:
            break
    if len(starts) == 1 or title_region is not None:
        return [(0, title_region if title_region is not None else document_region(text))]
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        # later parts: only their own heading lines speak for them (a body names visiting
        # bureaus, 向来我县学习的铁东区民政局, and statutes, 中华人民共和国政府信息公开条例)
        chunk = text[start:end] if i == 0 else "\n".join(text[start:end].splitlines()[:2])
        out.append((start, _bureau_region(chunk)))
    return out


_CIVIL_BUREAU = re.compile(r"民政局|民政厅|民政处")


def _bureau_region(text: str):
    for m in _CIVIL_BUREAU.finditer(text):
        run = _RUN_BEFORE.search(text, max(0, m.start() - 14), m.start())
        region = _resolve_place(run.group()) if run else None
        if region is not None:
            return region
    return None
