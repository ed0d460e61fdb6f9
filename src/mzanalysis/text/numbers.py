"""Numbers as Chinese civil-affairs reports write them.

Reports mix every convention: ``1350``, ``1 350`` (a thin space as thousands separator, common in
older provincial reports), ``1,350``, full-width ``１３５０`` (normalised to ASCII before this module
sees it), ``2.75万``, ``1.71亿``, Chinese numerals (``九百``, ``十二点五亿``), ranges (``90-160``,
``90至160``, ``600元至1200元``) and approximations (``8000余万``, ``近1亿``, ``300多``). :func:`find_numbers` finds them
in normalised text with their positions; :func:`parse_number` reads one number string.

Chinese numerals are read by cn2an; 万/亿 multipliers are applied here because cn2an rejects mixed
forms such as 十二点五亿 and because the Arabic path (the common one) should not pay for cn2an.
"""
from __future__ import annotations

import math
import re
from typing import NamedTuple

MULTIPLIERS = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千万": 1e7, "百万": 1e6, "十万": 1e5}

# A digit group run must be well formed to the end: 1,000,00 or 12,34 is not read as 1,000 or 34
# (see _GROUP_TAIL), and a figure is never taken from inside a run of letters (1e3 is not 3).
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d{1,3}(?: \d{3})+(?![\d])|\d+)(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
_CN = rf"[{_CN_DIGITS}]+"
# 近/约/逾 before, 余/多 after (8000余万元, 1万余人), 左右 after the unit (handled by the caller).
_APPROX_BEFORE = r"近|约|逾|超过|大约|将近|接近|大概"
_APPROX_BEFORE_RE = re.compile(rf"(?:{_APPROX_BEFORE})$")
_APPROX_LAST = frozenset(w[-1] for w in _APPROX_BEFORE.split("|"))
# A Chinese numeral only counts when a unit, multiplier or range follows (一是, 十分 are words);
# the lookahead keeps the scan from stopping at every 一 in the text.
_CN_COUNTED = rf"{_CN}(?=\s*(?:[-~至到余多万亿元人户名位/]|$))"
_NUMBER = re.compile(
    # a digit beside U+FFFD or a mask (**, 20xx) is part of a damaged or masked number: not read
    rf"(?<![\d.A-Za-z*\ufffd])(?<!\d,)(?<!,,)(?P<num>{_ARABIC}|{_CN_COUNTED})(?![A-Za-z])"
    r"(?!\d|[*\ufffd]|[.,]?[*\ufffd])"
    # 600元至1200元 repeats the unit inside a range; 到 is left out there (600元到 reads as a raise)
    rf"(?:\s*(?:(?P<sep>-|~|至|到)|元\s*(?P<sepu>-|~|至))\s*(?P<num2>{_ARABIC}|{_CN}))?"
    # pages that space figures from their units space the multiplier too (1.2 万人, 4 787.5 万元)
    r"(?:[ \t]?(?P<mid>余|多))?(?:[ \t]?(?P<mult>万亿|千万|百万|十万|万|亿))?(?P<post>余|多)?")


_GROUP_TAIL = re.compile(r",{1,2}\d")


class Number(NamedTuple):
    """A number found in text: ``value`` (and ``value_high`` for a range) in plain units.

    A named tuple rather than a frozen dataclass: a junk page holds a hundred thousand numbers,
    and a frozen dataclass's ``__init__`` costs several times a tuple's."""

    start: int
    end: int
    value: float
    value_high: float | None
    approximate: bool
    scaled: bool  # written with 万/亿: a total, never a per-person amount
    chinese: bool  # written in Chinese numerals

    @property
    def is_integer(self) -> bool:
        return float(self.value).is_integer()


def _arabic(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def _chinese(text: str) -> float:
    """Chinese numeral → float via cn2an; a trailing 万/亿 (十二点五亿) is applied here."""
    import cn2an

    mult = 1.0
    while text and text[-1] in "万亿" and not (len(text) > 1 and text[-2] == "点"):
        mult *= MULTIPLIERS[text[-1]]
        text = text[:-1]
    if not text:
        raise ValueError("no digits")
    return float(cn2an.cn2an(text, "smart")) * mult


def find_numbers(text: str, start: int = 0, end: int | None = None,
                 followed_by: frozenset[str] | None = None) -> list[Number]:
    """Every number in ``text[start:end]`` (normalised: ASCII digits), with approximation and range
    marks; positions index ``text``.

    Chinese numerals are kept only when they are at least two characters long (so 一户一策 or 二是
    are not numbers) and parse with cn2an. With ``followed_by``, a number whose next character
    (spaces aside) is not in the set is passed over before it is read: the fact rules need only
    numbers with a unit or a list word after them, and a page of junk holds 10^5 others.
    """
    out: list[Number] = []
    stop_at = len(text) if end is None else end
    pos = start
    while (m := _NUMBER.search(text, pos, stop_at)) is not None:
        pos = max(m.end(), pos + 1)
        if followed_by is not None:
            k = m.end()
            while k < stop_at and text[k] in " \t":
                k += 1
            if k < stop_at and text[k] not in followed_by:
                continue
        raw, raw2 = m.group("num"), m.group("num2")
        if _GROUP_TAIL.match(text, m.end("num")):
            continue  # 1,000,00 / 12,34人: a malformed digit grouping, no reading is safe
        chinese = not raw[0].isdigit()
        if chinese:
            if len(raw) + len(m.group("mult") or "") < 2 or set(raw) <= set("点万亿"):
                continue
        if raw2 is not None and raw2[0].isdigit() == chinese:
            raw2 = None  # mixed 3至五: not a range
        try:
            value = _chinese(raw) if chinese else _arabic(raw)
            high = (_chinese(raw2) if chinese else _arabic(raw2)) if raw2 else None
        except (ValueError, KeyError, TypeError):
            continue
        mult = MULTIPLIERS[m.group("mult")] if m.group("mult") else 1.0
        stop = m.end() if (raw2 or not m.group("num2")) else m.end("num")
        # round away binary noise from the multiplication (1.1亿 → 110000000, not …0.00000001)
        if mult != 1.0:
            value = float(f"{value * mult:.15g}")
        if not math.isfinite(value) or (high is not None and not math.isfinite(high)):
            continue  # 1 followed by 309 zeros: beyond any float, so no number at all
        # -500人: a minus sign (not a range dash after a digit) is kept, and flagged downstream
        if m.start() > 0 and text[m.start() - 1] == "-" and not chinese and \
                (m.start() < 2 or not text[m.start() - 2].isdigit()):
            value = -value
        if high is not None:
            high = float(f"{high * mult:.15g}")
            if not math.isfinite(high):
                high = None
            if high <= value:  # 2019-2020 style pairs or dates, not a range of amounts
                high = None
                if m.group("sepu"):  # 800元至600元: two amounts; the first ends at its 元
                    stop = pos = m.end("num")
        pre = _APPROX_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()) \
            if m.start() and text[m.start() - 1] in _APPROX_LAST else None
        approx = bool(pre or m.group("mid") or m.group("post"))
        begin = pre.start() if pre else m.start()
        scaled = bool(m.group("mult")) or (chinese and ("万" in raw or "亿" in raw))
        out.append(Number(begin, stop, value, high, approx, scaled, chinese))
    return out


def parse_number(text: str) -> float:
    """Read one number written any of the ways above (``"2.75万"`` → 27500.0).

    Raises ValueError when ``text`` is not exactly one number. A range returns its low end; use
    :func:`find_numbers` for both ends.
    """
    from .normalize import to_halfwidth

    clean = to_halfwidth(text).strip()
    found = find_numbers(clean)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(clean):
        raise ValueError(f"not a single number: {text!r}")
    return found[0].value
