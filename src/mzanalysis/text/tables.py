"""Statistical tables flattened to text: rows read as the sentence each row stands for.

Monthly statistical reports (民政事业统计月报, 社会服务统计季报) reach researchers as web tables, and
copying them turns cells into ``|``-separated text, sometimes one cell per line. Two layouts occur:

* **label | unit | value** rows — ``| A 城市低保人数 | 人 | 431,185 |`` or, one cell per line,
  ``城市居民最低生活保障人数 / | / 万人 / | / 2335.3``. The unit has a column of its own.
* **a header row with the unit in each column's name** — ``| 类别 | 当月保障的户数(户) |
  当月保障的人数(人) | 累计支出(万元) |`` — then rows ``| 城市低保 | 5401 | 7441 | 1870.32 |``.

Either way a row means "label + column name + value + unit", e.g. 城市低保当月保障的户数5401户, so
each row is rewritten as that short sentence and read by the ordinary sentence rules
(:mod:`mzanalysis.text.extract`); only the positions are mapped back, the fact's span running from
the label cell to the value cell of the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: A unit cell: an optional multiplier, then 元, 人, 户 (人次 is read and then refused by the
#: rules like any other case count) or a per-person money unit such as 元/人、月.
_UNIT_CELL = re.compile(r"(?:万|亿)?(?:元(?:/人[、·./]?[月年])?|人次|人|户)")
_VALUE_CELL = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
# a column name carrying its unit: 当月保障的户数(户), 累计支出(万元), 低保标准(元)
_HEADER_UNIT = re.compile(r"\(((?:万|亿)?(?:元(?:/人[、·./]?[月年])?|人次|人|户))\)\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# 1.孤儿数, (2)特困人员救助供养支出, A 城市低保人数: the row's outline number is not part of its label
_OUTLINE = re.compile(r"^(?:[A-Z]\s+|\(?\d{1,2}\)?[.、]?\s*|\([一二三四五六七八九十]+\)\s*|"
                      r"[一二三四五六七八九十]+、|其中[::]?)")


@dataclass(frozen=True)
class Row:
    """One table row as a sentence: ``text`` with, per character, its position in the source."""

    text: str
    positions: tuple[int, ...]  # len(text) + 1 entries; the last one is the end of the value cell


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-empty cells between ``|`` and line breaks, as stripped (start, end)."""
    out = []
    for m in re.finditer(r"[^|\n]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _row(parts: list[tuple[str, int | None]], value_end: int) -> Row:
    """Join (piece, source start or None for synthetic) into a Row with per-character positions."""
    chars, positions = [], []
    last = 0
    for piece, origin in parts:
        for k, ch in enumerate(piece):
            chars.append(ch)
            pos = last if origin is None else origin + k
            positions.append(pos)
            last = pos
    positions.append(value_end)
    return Row("".join(chars), tuple(positions))


def _label(text: str, cell: tuple[int, int]) -> tuple[int, int]:
    a, b = cell
    m = _OUTLINE.match(text, a, b)
    return (m.end(), b) if m and m.end() < b else (a, b)


def table_rows(text: str, ranges: list[tuple[int, int]]) -> list[Row]:
    """Rows of flattened tables in ``text[ranges]`` (normalised text), as sentences."""
    rows: list[Row] = []
    for start, end in ranges:
        if text.count("|", start, end) < 2:
            continue
        rows.extend(_unit_column_rows(text, start, end))
        rows.extend(_header_rows(text, start, end))
    return rows


def _unit_column_rows(text: str, start: int, end: int) -> list[Row]:
    """label | unit | value, with cells inline or one per line."""
    cells = _cells(text, start, end)
    out = []
    for i in range(len(cells) - 2):
        lab, unit, val = cells[i:i + 3]
        if not (_UNIT_CELL.fullmatch(text, *unit) and _VALUE_CELL.fullmatch(text, *val)
                and _CJK.search(text, *lab) and not _VALUE_CELL.fullmatch(text, *lab)):
            continue
        la, lb = _label(text, lab)
        out.append(_row([(text[la:lb], la), (text[val[0]:val[1]], val[0]),
                         (text[unit[0]:unit[1]], None), ("。", None)], val[1]))
    return out


def _header_rows(text: str, start: int, end: int) -> list[Row]:
    """A header row naming each column's unit, then rows of a label and numbers."""
    out = []
    header: list[tuple[int, int]] | None = None
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        l_start, l_end = pos, pos + len(line)
        pos = l_end
        if line.count("|") < 2:
            continue
        cells = _cells(text, l_start, l_end)
        units = [_HEADER_UNIT.search(text, a, b) for a, b in cells]
        if sum(1 for u in units if u) >= 2:
            header = cells
            continue
        if header is None or len(cells) < 2 or not _CJK.search(text, *cells[0]):
            continue
        la, lb = _label(text, cells[0])
        for k, cell in enumerate(cells[1:], start=1):
            if k >= len(header) or not _VALUE_CELL.fullmatch(text, *cell):
                continue
            u = _HEADER_UNIT.search(text, *header[k])
            if u is None:
                continue
            name_end = u.start()
            out.append(_row([(text[la:lb], la), (text[header[k][0]:name_end], None),
                             (text[cell[0]:cell[1]], cell[0]), (u.group(1), None), ("。", None)],
                            cell[1]))
    return out
