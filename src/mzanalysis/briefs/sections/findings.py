"""The findings paragraph at the top of a brief, generated from the section results.

Each :class:`Finding` is one sentence (Chinese, with an English rendering) carrying the numbers it
states, exactly as they are printed in the table it cites (same rounding, same years), and the key
of that table. A sentence is written only when the data support it: no growth rate without
:data:`~.standards.MIN_POINTS` points over :data:`~.standards.MIN_SPAN` years, no real growth
without a CPI for both end years, no change in rank without two ranked years, no change in coverage
without two years. Missing support omits the sentence; it never becomes a sentence about zero.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .result import num

_AREA = {"urban": ("城市", "urban"), "rural": ("农村", "rural"), "all": ("总体", "total")}
_PEERS = {"province": ("省份", "provinces"), "prefecture": ("地市", "prefectures"),
          "county": ("县（市、区）", "counties")}


@dataclass(frozen=True)
class Finding:
    """One generated statement: ``numbers`` maps a name to the number as the table prints it."""

    key: str
    zh: str
    en: str
    table: str
    table_title: str
    numbers: dict = field(default_factory=dict)


def _title(section, key):
    t = section.table(key) if section is not None else None
    return t.title if t is not None else key


def _growth(std):
    out = []
    for g in std.data.get("growth", []):
        zh_a, en_a = _AREA[g["area"]]
        numbers = {"start": str(g["start"]), "end": str(g["end"]), "first": num(g["first"]),
                   "last": num(g["last"]), "nominal_pct": num(g["nominal_pct"], 1)}
        up = g["last"] >= g["first"]
        zh = (f"{zh_a}低保标准 {g['start']}–{g['end']} 年由 {numbers['first']} 元/月"
              f"{'升至' if up else '降至'} {numbers['last']} 元/月，年均名义增长 "
              f"{numbers['nominal_pct']}%")
        en = (f"the {en_a} standard {'rose' if up else 'fell'} from {numbers['first']} to "
              f"{numbers['last']} yuan a month in {g['start']}–{g['end']}, "
              f"{numbers['nominal_pct']}% a year in nominal terms")
        if g["real_pct"] is not None:
            numbers["real_pct"] = num(g["real_pct"], 1)
            zh += f"，实际 {numbers['real_pct']}%"
            en += f" and {numbers['real_pct']}% in real terms"
        if g["kind_first"] != g["kind_last"]:  # a floor is not an average: say it
            zh += "（首末两年口径不同）"
            en += " (the two end points are different kinds of figure)"
        out.append(Finding(f"growth_{g['area']}", zh, en, "growth", _title(std, "growth"),
                           numbers))
    return out


def _rank(peers, region):
    """A change of rank, said only over the regions with a figure in both end years (see
    :func:`~mzanalysis.briefs.sections.peers.rank_change`)."""
    out = []
    changes = peers.data.get("rank_change", {}) if peers is not None else {}
    zh_p, en_p = _PEERS.get(region.level, ("地区", "regions"))
    for area in ("urban", "rural"):
        c = changes.get(area)
        if c is None:
            continue
        zh_a, en_a = _AREA[area]
        numbers = {k: str(c[k]) for k in ("first_year", "last_year", "n", "first_rank",
                                          "last_rank")}
        zh = (f"在 {c['first_year']} 年与 {c['last_year']} 年均有数据的 {c['n']} 个{zh_p}中，"
              f"{zh_a}标准由第 {c['first_rank']} 位变为第 {c['last_rank']} 位")
        en = (f"among the {c['n']} {en_p} with figures in both {c['first_year']} and "
              f"{c['last_year']}, its {en_a} standard went from rank {c['first_rank']} to "
              f"rank {c['last_rank']}")
        out.append(Finding(f"rank_{area}", zh, en, "rank_change", _title(peers, "rank_change"),
                           numbers))
    return out


def _gap(peers):
    out = []
    gap = peers.data.get("gap") if peers is not None else None
    if gap is None or not len(gap):
        return out
    for area in ("urban", "rural"):
        g = gap[gap["area"] == area]
        if not len(g):
            continue
        last = g.sort_values("year").iloc[-1]
        pct = float(last["gap_pct"])
        if pct == 0:
            word_zh, word_en = "与全国平均持平", "equal to the national average"
            numbers = {"year": str(int(last["year"])), "gap_pct": num(pct, 1)}
        else:
            numbers = {"year": str(int(last["year"])), "gap_pct": num(pct, 1)}
            word_zh = f"{'高于' if pct > 0 else '低于'}全国平均 {num(abs(pct), 1)}%"
            word_en = f"{num(abs(pct), 1)}% {'above' if pct > 0 else 'below'} the national average"
        zh_a, en_a = _AREA[area]
        out.append(Finding(f"gap_{area}", f"{int(last['year'])} 年{zh_a}标准{word_zh}",
                           f"in {int(last['year'])} its {en_a} standard was {word_en}", "gap",
                           _title(peers, "gap"), numbers))
    return out


def _ratio(std):
    ratio = std.data.get("ratio", [])
    if not ratio:
        return []
    a, b = ratio[0], ratio[-1]
    if len(ratio) == 1:
        numbers = {"year": str(b["year"]), "ratio": num(b["ratio"], 2)}
        return [Finding("ratio", f"{b['year']} 年城乡标准比为 {numbers['ratio']}",
                        f"the urban–rural ratio of standards was {numbers['ratio']} in "
                        f"{b['year']}", "ratio", _title(std, "ratio"), numbers)]
    numbers = {"first_year": str(a["year"]), "first": num(a["ratio"], 2),
               "last_year": str(b["year"]), "last": num(b["ratio"], 2)}
    return [Finding("ratio", f"城乡标准比由 {a['year']} 年的 {numbers['first']} 变为 {b['year']} 年的 "
                    f"{numbers['last']}", f"the urban–rural ratio of standards went from "
                    f"{numbers['first']} ({a['year']}) to {numbers['last']} ({b['year']})",
                    "ratio", _title(std, "ratio"), numbers)]


def _share(share):
    out = []
    rows = share.data.get("share", []) if share is not None else []
    for area in ("urban", "rural"):
        mine = [x for x in rows if x["area"] == area]
        if not mine:
            continue
        last = max(mine, key=lambda x: x["year"])
        zh_a, en_a = _AREA[area]
        numbers = {"year": str(last["year"]), "share": num(last["share"], 1)}
        out.append(Finding(f"share_{area}", f"{last['year']} 年{zh_a}标准相当于上年人均消费支出的 "
                           f"{numbers['share']}%", f"in {last['year']} the {en_a} standard was "
                           f"{numbers['share']}% of the previous year's per-capita consumption",
                           "share", _title(share, "share"), numbers))
    return out


def _coverage(cov):
    out = []
    rows = cov.data.get("coverage", []) if cov is not None else []
    for area in ("urban", "rural", "all"):
        mine = sorted((x for x in rows if x["area"] == area), key=lambda x: x["year"])
        if len(mine) < 2:
            continue
        a, b = mine[0], mine[-1]
        change = round(b["rate"] - a["rate"], 2)
        zh_a, en_a = _AREA[area]
        numbers = {"first_year": str(a["year"]), "first": num(a["rate"], 2),
                   "last_year": str(b["year"]), "last": num(b["rate"], 2)}
        if change == 0:
            zh_c, en_c = "持平", "was unchanged"
        else:
            numbers["change"] = num(abs(change), 2)
            zh_c = f"{'上升' if change > 0 else '下降'} {numbers['change']} 个百分点"
            en_c = f"{'rose' if change > 0 else 'fell'} by {numbers['change']} percentage points"
        zh = (f"{zh_a}覆盖率 {a['year']}–{b['year']} 年{zh_c}（{numbers['first']}% → "
              f"{numbers['last']}%）")
        en = (f"{en_a} coverage {en_c} in {a['year']}–{b['year']} ({numbers['first']}% → "
              f"{numbers['last']}%)")
        peak = max(mine, key=lambda x: x["rate"])
        if peak["year"] not in (a["year"], b["year"]):
            numbers.update(peak_year=str(peak["year"]), peak=num(peak["rate"], 2))
            zh += f"，{peak['year']} 年最高 {numbers['peak']}%"
            en += f", peaking at {numbers['peak']}% in {peak['year']}"
        out.append(Finding(f"coverage_{area}", zh, en, "coverage", _title(cov, "coverage"),
                           numbers))
    return out


def findings(region, *, standards=None, peers=None, share=None, coverage=None) -> list[Finding]:
    """The findings the section results support, in reading order (see the module docstring)."""
    out = []
    if standards is not None:
        out += _growth(standards)
    out += _rank(peers, region)
    out += _gap(peers)
    if standards is not None:
        out += _ratio(standards)
    out += _share(share)
    out += _coverage(coverage)
    return out


def paragraph(found: list[Finding], *, status: str = "official") -> str:
    """The findings as one Chinese paragraph and its English rendering (Markdown), each sentence
    naming the table it comes from; a plain statement when the data support none (``status``
    ``reports``: the region has only figures stated in reports, which are not findings)."""
    if not found and status == "reports":
        return ("**主要发现 / Findings:** 本地区没有官方统计序列，只有工作报告所述数字（见下文），不据此"
                "得出结论。 / *No official series for this region, only figures stated in work "
                "reports (below); no finding is drawn from them.*")
    if not found:
        return ("**主要发现 / Findings:** 本地区数据不足，未能得出可靠的结论。 / *The data for this "
                "region support no finding (too few years, no peers or no official series).*")

    def ref(f, lang):
        parts = f.table_title.split(" / ", 1)
        return f"（见表“{parts[0]}”）" if lang == "zh" else f" (table: {parts[-1]})"

    # name a table once, after the last of the consecutive sentences that cite it
    last = [i + 1 == len(found) or found[i + 1].table != f.table for i, f in enumerate(found)]
    zh = "；".join(f.zh + (ref(f, "zh") if e else "") for f, e in zip(found, last)) + "。"
    en = "; ".join(f.en + (ref(f, "en") if e else "") for f, e in zip(found, last)) + "."
    en = en[0].upper() + en[1:]
    return f"**主要发现 / Findings:** {zh}\n\n*{en}*"


__all__ = ["Finding", "findings", "paragraph"]
