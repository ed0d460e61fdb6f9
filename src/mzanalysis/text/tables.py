"""Statistical tables flattened to text: rows read as the sentence each row stands for.

Monthly statistical reports (民政事业统计月报, 社会服务统计季报) reach researchers as web tables, and
copying them turns cells into ``|``-separated text, sometimes one cell per line. Two layouts occur:

* **label | unit | value** rows — ``| A 城市低保人数 | 人 | 431,185 |`` or, one cell per line,
  ``城市居民最低生活保障人数 / | / 万人 / | / 2335.3``. The unit has a column of its own.
* **a header row with the unit in each column's name** — ``| 类别 | 当月保障的户数(户) |
  当月保障的人数(人) | 累计支出(万元) |`` — then rows ``| 城市低保 | 5401 | 7441 | 1870.32 |``.

Also read: label | value | unit rows (| 城市低保标准 | 650 | 元/人·月 |), columns named 户数/人数 (their
unit is in the name), columns named by an area (| 项目 | 城市 | 农村 |), a long cell spilled onto a
line of its own (the row's next column), cell-per-line copies without bars (万人 / 2335.3, blank
lines for empty cells) and cell lines whose bars became tabs.

Either way a row means "label + column name + value + unit", e.g. 城市低保当月保障的户数5401户, so
each row is rewritten as that short sentence and read by the ordinary sentence rules
(:mod:`mzanalysis.text.extract`); only the positions are mapped back, the fact's span running from
the label cell to the value cell of the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import AREA_RE

#: A unit cell: an optional multiplier, then 元, 人, 户 (人次 is read and then refused by the
#: rules like any other case count) or a per-person money unit such as 元/人、月.
_UNIT = r"(?:万|亿)?(?:元(?:/(?:人[、·./]?)?[月年](?:[·./]?人)?|/人)?|人次|人|户)"
_UNIT_CELL = re.compile(_UNIT)
_VALUE_CELL = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
# a column name carrying its unit: 当月保障的户数(户), 累计支出(万元), 低保标准(元)
_HEADER_UNIT = re.compile(rf"\(({_UNIT})\)\s*$")
# 单位:万元 / 金额单位:元/年 above a table: the unit of its money columns
_TABLE_UNIT = re.compile(rf"(?:金额)?单位[::]\s*({_UNIT})")
# a column about money or people, to which a table-level unit applies
_MONEY_COLUMN = re.compile(r"标准|支出|资金|金额|补助|补贴")
# a column of counts names its unit in its name: 户数 are households, 人数 persons
_COUNT_COLUMN = re.compile(r"(?:户\s*数|人\s*数)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# 1.孤儿数, (2)特困人员救助供养支出, A 城市低保人数: the row's outline number is not part of its label
_OUTLINE = re.compile(r"^(?:[A-Z]\s+|\(?\d{1,2}\)?[.、]?\s*|\([一二三四五六七八九十]+\)\s*|"
                      r"[一二三四五六七八九十]+、|其中[::]?)")


# a table copied one cell per line without bars: a label line, a unit line, a value line (blank
# lines between them are empty cells)
_UNIT_LINE = re.compile(rf"[ \t]*{_UNIT}[ \t]*")
_VALUE_LINE = re.compile(r"[ \t]*\d[\d,.]*[ \t]*")
_UNIT_LINE_ANY = re.compile(rf"\n[ \t]*{_UNIT}[ \t]*\r?\n")


def has_bare_cells(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when ``text`` holds a unit line followed by a value line, blank lines aside (a barless
    cell-per-line table: 城市最低生活保障人数 / 万人 / 2335.3). One pass over the lines."""
    if _UNIT_LINE_ANY.search(text, start, len(text) if end is None else end) is None:
        return False  # one regex pass settles most texts
    prev_unit = False
    for line in text[start:end].split("\n"):
        if not line.strip():
            continue
        if prev_unit and _VALUE_LINE.fullmatch(line):
            return True
        prev_unit = len(line) <= 12 and _UNIT_LINE.fullmatch(line) is not None
    return False


@dataclass(frozen=True)
class Row:
    """One table row as a sentence: ``text`` with, per character, its position in the source."""

    text: str
    positions: tuple[int, ...]  # len(text) + 1 entries; the last one is the end of the value cell


# one run, no backtracking: blank runs are dropped after the match; a tab separates cells too
# (tables copied from a spreadsheet or a PDF viewer arrive tab-separated)
_CELL = re.compile(r"[^|\t\n]+")
# a cell holding its own unit: | 城市低保 | 600元/人·月 |
_VALUE_UNIT_CELL = re.compile(rf"(?:-?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*{_UNIT}")
# a plain column name that says what a cell with its own unit is: 标准, 人数, 户数, 金额
_NAME_COLUMN = re.compile(r"标准|支出|资金|金额|补助|补贴|人数|户数")


# statistical yearbooks are bilingual: a label cell gives its English after the Chinese
# (城市最低生活保障人数(万人) Urban Minimum Living Security Recipients (10000 persons)); one class
# to the end after the last Chinese character or bracket, so a cell is scanned once
_ENGLISH_TAIL = re.compile(r"(?<=[\u4e00-\u9fff)])[ \t]+[A-Za-z][^\u4e00-\u9fff|\n]*$")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-empty cells between ``|`` and line breaks, as stripped (start, end), without the
    English translation a bilingual table gives after the Chinese."""
    out = []
    for m in _CELL.finditer(text, start, end):
        cell = m.group()
        body = cell.strip()
        if body:
            a = m.start() + len(cell) - len(cell.lstrip())
            b = a + len(body)
            if " " in body and (tail := _ENGLISH_TAIL.search(text, a, b)) is not None:
                b = tail.start()
            out.append((a, b))
    return out


def _row(parts: list[tuple[str, int | None]], value_end: int) -> Row:
    """Join (piece, source start or None for synthetic) into a Row with per-character positions."""
    chars, positions = [], []
    # synthetic words (a caption's area, a column name) take the position of the source cell
    # before them, or of the first source cell when they lead the row
    last = next((origin for piece, origin in parts if origin is not None and piece), value_end)
    for piece, origin in parts:
        for k, ch in enumerate(piece):
            chars.append(ch)
            pos = last if origin is None else origin + k
            positions.append(pos)
            last = pos
    positions.append(value_end)
    return Row("".join(chars), tuple(positions))


def _area_word(line: str) -> str | None:
    """The area word of a caption or label (城市, 农村, 城乡), if it names one."""
    m = AREA_RE.search(line)
    return m.group() if m else None


def _label(text: str, cell: tuple[int, int]) -> tuple[int, int]:
    a, b = cell
    m = _OUTLINE.match(text, a, b)
    return (m.end(), b) if m and m.end() < b else (a, b)


def table_rows(text: str, ranges: list[tuple[int, int]]) -> list[Row]:
    """Rows of flattened tables in ``text[ranges]`` (normalised text), as sentences."""
    rows: list[Row] = []
    for start, end in ranges:
        if text.count("|", start, end) < 2 and "\t" not in text[start:end] \
                and not has_bare_cells(text, start, end):
            continue  # (spaced rows are read over the whole text below)
        cells = _cells(text, start, end)
        found = _unit_column_rows(text, cells)
        rows.extend(found)
        rows.extend(_header_rows(text, start, end))
        if not found:
            rows.extend(_cell_per_line_rows(text, start, end, cells))
    rows = rows + spaced_rows(text) + standards_table_rows(text) + spaced_header_rows(text)
    # a block another layout already read (its value cells) is not read a second way
    read = {r.positions[-1] for r in rows}
    return rows + [r for r in block_rows(text) if r.positions[-1] not in read]


# a cell line ends in a bar, or in a tab where the copy turned bars into tabs
_CELL_LINE = re.compile(r"[^|\t\n]*[|\t][ \t]*(?:\n|$)")


def _cell_per_line_rows(text: str, start: int, end: int, cells: list[tuple[int, int]]) -> list[Row]:
    """A table copied one cell per line (``区划 |`` / ``地区 |`` / … / ``11 |`` / ``北京市 |`` …):
    the row width is the distance between two row labels, the header the cells before the data."""
    lines = text[start:end].splitlines(keepends=True)
    cell_lines = sum(1 for ln in lines if _CELL_LINE.fullmatch(ln))
    blank = sum(1 for ln in lines if not ln.strip())  # empty cells whose bar was lost
    if len(lines) < 12 or cell_lines + blank < 0.8 * len(lines) or cell_lines < 0.4 * len(lines):
        return []
    numeric = [bool(_VALUE_CELL.fullmatch(text, a, b)) for a, b in cells]
    if True not in numeric:
        return []
    first = numeric.index(True)
    labels = [i for i in range(first, len(cells)) if not numeric[i]]
    if len(labels) < 2:
        return []
    # rows start at the first number (a region code, or the first value after the label)
    width, row0 = labels[1] - labels[0], first
    header = cells[:first][-width:]
    if width < 2 or len(header) < width or labels[0] - first >= width:
        return []
    caption = text[start:cells[first - width][0]] if first >= width else ""
    table_unit = m.group(1) if (m := _TABLE_UNIT.search(caption)) else None
    caption_area = _area_word(caption)
    out = []
    for r in range(row0, len(cells) - width + 1, width):
        row = cells[r:r + width]
        label = next((c for c, k in zip(row, range(r, r + width)) if not numeric[k]), None)
        if label is None:
            continue
        la, lb = _label(text, label)
        for k, cell in enumerate(row):
            if not numeric[r + k]:
                continue
            row = _header_cell_row(text, header[k], table_unit, caption_area, (la, lb), cell)
            if row is not None:
                out.append(row)
    return out


# 各市城市低保标准提高: the caption names the programme's standard (a few words may stand between)
_CAPTION_STANDARD = re.compile(r"[\u4e00-\u9fff]{0,4}?标准")


def _caption_programme(caption: str) -> str:
    """The programme the caption above a table names (嘉定区2018年12月农村居民最低生活保障金发放情况:
    the rows are places, the caption says what their figures are), or ''. When the caption names
    the programme's standard (各市城市低保标准提高), ``标准`` follows: per-person columns below are
    the standard, not some other payment."""
    from .cues import PROGRAMME_RE

    last = None
    for last in PROGRAMME_RE.finditer(caption):
        pass
    if last is None:
        return ""
    return last.group() + ("标准" if _CAPTION_STANDARD.match(caption, last.end()) else "")


def _header_cell_row(text: str, head: tuple[int, int], table_unit: str | None,
                     caption_area: str | None, label: tuple[int, int],
                     cell: tuple[int, int], caption_programme: str = "") -> Row | None:
    """The sentence one value cell stands for, its unit from its column header (城市低保(元/月))
    or, for a money column, from the table's 单位:万元 line; None when neither gives a unit.
    ``caption_programme`` is said after a label naming no programme of its own (安亭镇 → 安亭镇
    农村居民最低生活保障户数25户)."""
    from .cues import PROGRAMME_RE

    u = _HEADER_UNIT.search(text, *head)
    if u is not None:
        name_end, unit = u.start(), u.group(1)
    elif table_unit and _MONEY_COLUMN.search(text, *head):
        name_end, unit = head[1], table_unit
    elif (c := _COUNT_COLUMN.search(text, *head)) is not None:
        name_end, unit = head[1], "户" if c.group().startswith("户") else "人"
    else:
        return None
    la, lb = label
    own = PROGRAMME_RE.search(text, la, lb) is not None or PROGRAMME_RE.search(
        text, head[0], name_end) is not None
    prog = caption_programme if caption_programme and not own else ""
    if "/" not in unit:
        prog = prog.removesuffix("标准")  # a count or a total under a caption on the standard
    area = caption_area if caption_area and _area_word(text[la:lb]) is None else ""
    name = _column_name(re.sub(r"\s+", "", text[head[0]:name_end]))  # 户  数: padded cells
    if prog:  # the place, then what its figure is: 安亭镇农村最低生活保障户数25户
        return _row([(text[la:lb], la), (area, None), (prog, None), (name, None),
                     (text[cell[0]:cell[1]], cell[0]), (unit, None), ("。", None)], cell[1])
    return _row([(area, None), (text[la:lb], la), (name, None),
                 (text[cell[0]:cell[1]], cell[0]), (unit, None), ("。", None)], cell[1])


def _unit_column_rows(text: str, cells: list[tuple[int, int]]) -> list[Row]:
    """label | unit | value, or label | value | unit, with cells inline or one per line."""
    out = []
    for i in range(len(cells) - 2):
        lab, unit, val = cells[i:i + 3]
        if not (_UNIT_CELL.fullmatch(text, *unit) and _VALUE_CELL.fullmatch(text, *val)):
            # the unit may follow the value (| 城市低保标准 | 650 | 元/人·月 |)
            val, unit = unit, val
            if not (_UNIT_CELL.fullmatch(text, *unit) and _VALUE_CELL.fullmatch(text, *val)):
                continue
        if not (_CJK.search(text, *lab) and not _VALUE_CELL.fullmatch(text, *lab)):
            continue
        la, lb = _label(text, lab)
        out.append(_row([(text[la:lb], la), (text[val[0]:val[1]], val[0]),
                         (text[unit[0]:unit[1]], None), ("。", None)], val[1]))
        # statistical reports put the same row for an earlier period and the change beside it
        # (| A 城市低保累计支出 | 万元 | 4,546.5 | 36,059.9 | -87.39 |): the value before a rate
        # is the earlier period's, a fact of its own
        # (| (1)最低生活保障 | 万元 | 108,465.0 | 56,371.7 | 92.41 | 90,720.9 |: a report with a
        # further earlier period after the change, e.g. 上季度 then 上月, has a value after it)
        if val[0] > unit[0] and i + 4 < len(cells):
            prev, rate = cells[i + 3], cells[i + 4]
            extra = cells[i + 5] if i + 5 < len(cells) else None
            if extra is not None and not _VALUE_CELL.fullmatch(text, *extra):
                extra = None
            k_next = i + 6 if extra is not None else i + 5
            # the row ends there: the next cell is a label (inline, or one cell per line)
            ends = k_next >= len(cells) or (_CJK.search(text, *cells[k_next]) is not None
                                            and not _VALUE_CELL.fullmatch(text, *cells[k_next]))
            if _VALUE_CELL.fullmatch(text, *prev) and _RATE_CELL.fullmatch(text, *rate) and ends:
                for earlier in (prev, extra) if extra is not None else (prev,):
                    out.append(_row([(text[la:lb], la), (text[earlier[0]:earlier[1]], earlier[0]),
                                     (text[unit[0]:unit[1]], None), ("。", None)], earlier[1]))
    return out


# a change in per cent beside the periods' values: signed, at most two decimals, no grouping
_RATE_CELL = re.compile(r"-?\d{1,3}\.\d{1,2}")
# a statistical report's row copied with spaces for cells: 城市低保支出 万元 22,273.8 19,297.7 15.42,
# (1)城市低保人数 75,616 75,916 -0.40 — a label, a unit (or 人数/户数 ending the label), this
# period's value, and maybe the earlier period's value and the change
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SPACED_ROW = re.compile(rf"[ \t]*(?P<label>(?:\d{{1,2}}[.、])?[^\s\d|][^\n|]*?[\u4e00-\u9fff])(?:[ \t]+(?P<unit>{_UNIT}))?"
                         rf"[ \t]+(?P<v1>{_NUM})(?:[ \t]+(?P<v2>{_NUM})[ \t]+-?\d{{1,3}}\.\d{{1,2}})?[ \t]*")
_SPACED_ROW_MAX = 80  # a table row is short; longer lines are prose
_LABEL_UNIT_ROW_MAX = 240  # … unless its label gives the English too (a bilingual yearbook)


# The ministry's tables of standards by region (农村低保9月份地级标准: 区划代码 地区 标准 区县合计数 …,
# a unit line (元/人、年), then one line per region) copied with spaces or tabs for cells.
_STD_HEADER_NAME = re.compile(r"^(?:地区|区划|地市|名称|单位名称|行政区划)$")
_STD_HEADER_VALUE = re.compile(r"标准")
_STD_UNIT_LINE = re.compile(r"[ \t]*[((]?\s*元\s*/\s*人\s*[、·./]?\s*(?P<period>[月年])\s*[))]?[ \t]*")
_STD_ROW_TOKEN = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")


def standards_table_rows(text: str) -> list[Row]:
    """Rows of a table of standards by region whose cells were copied as runs of spaces or tabs:
    each region's standard read as '<region><caption's area and programme>标准<value><unit>'. The
    caption above the header must name the programme (农村低保…标准), else nothing is read."""
    from .cues import PROGRAMME_RE

    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out: list[Row] = []
    for k, line in enumerate(lines):
        cells = line.split()
        if not (3 <= len(cells) <= 8 and len(line) <= 80):
            continue
        name = next((i for i, c in enumerate(cells) if _STD_HEADER_NAME.match(c)), None)
        value = next((i for i, c in enumerate(cells) if _STD_HEADER_VALUE.search(c)), None)
        if name is None or value is None or value <= name:
            continue
        caption = text[max(0, starts[k] - 120):starts[k]]
        caption = caption[caption.rfind("\n", 0, len(caption) - 1) + 1:]
        programme = PROGRAMME_RE.search(caption + cells[value])
        if programme is None:
            continue
        unit_m = _STD_UNIT_LINE.search(line) or (
            _STD_UNIT_LINE.fullmatch(lines[k + 1]) if k + 1 < len(lines) else None)
        if unit_m is None:
            continue
        unit = "元/人·" + unit_m.group("period")
        area = _area_word(caption) or ""
        for j in range(k + 1, min(len(lines), k + 400)):
            row = lines[j]
            toks = list(re.finditer(r"\S+", row))
            if not toks or _STD_UNIT_LINE.fullmatch(row):
                continue
            if len(toks) != len(cells):
                break  # the table ends where the row shape does
            label, val = toks[name], toks[value]
            if not _CJK.search(label.group()) or not _STD_ROW_TOKEN.fullmatch(val.group()):
                break
            base = starts[j]
            out.append(_row([(label.group(), base + label.start()), (area, None),
                             (programme.group(), None), ("标准", None),
                             (val.group(), base + val.start()), (unit, None), ("。", None)],
                            base + val.end()))
    return out


# a header cell naming its unit in brackets, anywhere in the text (one regex pass finds the
# candidate header lines of spaced_header_rows)
_HEADER_UNIT_ANY = re.compile(rf"\(({_UNIT})\)")
# a column of the level before or after a raise (提高前, 调整后): read as 提高前为…, since 提高 right
# before a figure is a raise by that much
_RAISE_COLUMN = re.compile(r"(?:提高|调整|提标|上调)[前后]$")


def _column_name(name: str) -> str:
    return name + "为" if _RAISE_COLUMN.search(name) else name


_TOKEN = re.compile(r"\S+")  # a cell of a line whose cells are set apart by spaces
_DIGIT = re.compile(r"\d")
# a value cell of a spaced table: a number or a range of two (160~180)
_SPACED_VALUE = re.compile(rf"(?:{_NUM})(?:[~～-](?:{_NUM}))?")
_SPACED_TABLE_MAX_ROWS = 400


def spaced_header_rows(text: str) -> list[Row]:
    """A table copied with single spaces between cells, its header naming each value column's unit
    (城市、区 提高前(元/月·人) 提高后(元/月·人)), under a caption naming the programme (各市城市低保标准
    提高); each row is one or more places, then one number or range per column (宝鸡 咸阳 160~180
    290~310). A cell reads as '<places><caption's area and programme><column name><value><unit>',
    so 提高前 marks the level before the raise as any sentence would. Rows end where the shape
    does. Lines are split in Python, not matched by a pattern over spaces: linear in the text."""
    from .cues import PROGRAMME_RE

    out: list[Row] = []
    done = -1  # the end of the last header line read (a header has several bracketed units)
    for hit in _HEADER_UNIT_ANY.finditer(text):
        a = text.rfind("\n", 0, hit.start()) + 1
        if a <= done:
            continue
        b = text.find("\n", hit.end())
        b = len(text) if b < 0 else b
        done = b
        line = text[a:b]
        if len(line) > _SPACED_ROW_MAX or "|" in line or "\t" in line:
            continue
        heads = [m.span() for m in _TOKEN.finditer(text, a, b)]
        if len(heads) < 2 or _HEADER_UNIT.search(text, *heads[0]) or not all(
                _HEADER_UNIT.search(text, *h) for h in heads[1:]):
            continue
        caption = text[max(0, a - 120):a].rstrip("\n")
        caption = caption[caption.rfind("\n") + 1:]
        prog = _caption_programme(caption)
        if not prog:
            continue
        area = _area_word(caption) or ""
        # each column's words and unit (提高前为, 元/月·人): a per-person column under a caption on
        # the standard states the standard, any other the programme's count or total
        columns = []
        for head in heads[1:]:
            u = _HEADER_UNIT.search(text, *head)
            columns.append((prog if "/" in u.group(1) else prog.removesuffix("标准"),
                            _column_name(text[head[0]:u.start()]), u.group(1)))
        pos, n_rows = b + 1, 0
        while pos < len(text) and n_rows < _SPACED_TABLE_MAX_ROWS:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line_start, pos = pos, end + 1
            cells = [m.span() for m in _TOKEN.finditer(text, line_start, end)]
            if not cells:
                continue  # a blank line between rows
            labels, values = cells[:-len(columns)], cells[-len(columns):]
            if not labels or len(labels) > 4 or not all(
                    _SPACED_VALUE.fullmatch(text, *v) for v in values) or not all(
                    _CJK.search(text, *c) and not _DIGIT.search(text, *c) for c in labels):
                break
            n_rows += 1
            place: list[tuple[str, int | None]] = []
            for k, (la, lb) in enumerate(labels):
                place += [("、", None)] * (k > 0) + [(text[la:lb], la)]
            for (programme, column, unit), (va, vb) in zip(columns, values):
                out.append(_row(place + [(area, None), (programme, None), (column, None),
                                         (text[va:vb], va), (unit, None), ("。", None)], vb))
    return out


def _label_unit_row(text: str, start: int, line: str) -> list[Row]:
    """城市最低生活保障人数(万人) 5.2 4.9: a label naming its unit in brackets, then one figure per
    column (a yearbook's years), cells copied as spaces; [] for any other line."""
    cells = [m.span() for m in _TOKEN.finditer(text, start, start + len(line))]
    k = next((i for i, (a, b) in enumerate(cells) if _HEADER_UNIT.search(text, a, b)), None)
    if k is None:
        return []
    n = len(cells)  # the figures are the last cells; a yearbook's English may stand before them
    while n > k + 1 and _VALUE_CELL.fullmatch(text, *cells[n - 1]):
        n -= 1
    if n == len(cells) or len(cells) - n > 8 or any(
            _CJK.search(text, a, b) for a, b in cells[k + 1:n]):
        return []
    la, lb = _label(text, (cells[0][0], cells[k][1]))
    u = _HEADER_UNIT.search(text, la, lb)
    if u is None or not _CJK.search(text, la, u.start()):
        return []
    return [_row([(text[la:u.start()], la), (text[a:b], a), (u.group(1), None), ("。", None)], b)
            for a, b in cells[n:]]


def spaced_rows(text: str) -> list[Row]:
    """Rows of a statistical table whose cells were copied as runs of spaces (see _SPACED_ROW),
    and rows whose label names its unit in brackets (see _label_unit_row)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if " " not in line or len(line) > _LABEL_UNIT_ROW_MAX:
            continue
        m = _SPACED_ROW.fullmatch(text, start, start + len(line)) \
            if len(line) <= _SPACED_ROW_MAX else None
        if m is None:
            if "(" in line and "|" not in line and "\t" not in line:
                out.extend(_label_unit_row(text, start, line))
            continue
        unit = m.group("unit")
        if unit is None:
            c = _COUNT_COLUMN.search(m.group("label"))
            if c is None:
                continue
            unit = "户" if c.group() == "户数" else "人"
        la, lb = _label(text, m.span("label"))
        for v in ("v1", "v2"):
            if m.group(v) is not None:
                out.append(_row([(text[la:lb], la), (m.group(v), m.start(v)), (unit, None),
                                 ("。", None)], m.end(v)))
    return out


def _header_rows(text: str, start: int, end: int) -> list[Row]:
    """A header row naming each column's unit, then rows of a label and numbers."""
    out = []
    header: list[tuple[int, int]] | None = None
    table_unit: str | None = None
    caption_area: str | None = None  # 农村低保标准表 above the table: the area of its rows
    caption_prog = ""  # and the programme its rows are about
    names: list[tuple[int, int]] | None = None  # the last row of plain column names
    pos = start
    last: tuple[tuple[int, int], int] | None = None  # label and cell count of the last row
    header_end = -1  # where the header line ends (a header may go on on the next line)
    for line in text[start:end].splitlines(keepends=True):
        l_start, l_end = pos, pos + len(line)
        pos = l_end
        # a header copied over two lines (…| 1-9月累计保障人员情况 (人次) |⏎1-9月累计支出(万元) | 保障标准 |):
        # the line right after it naming units and holding no figure goes on with its columns
        if header is not None and header_end == l_start and line.count("|") >= 1:
            more = _cells(text, l_start, l_end)
            if more and not any(_VALUE_CELL.fullmatch(text, a, b) for a, b in more) \
                    and any(_HEADER_UNIT.search(text, a, b) for a, b in more):
                header = header + more
                header_end = l_end
                continue
        # a header or a row has at least two cells between bars (or tabs)
        if line.count("|") < 3 and "\t" not in line:
            # a long cell spilled onto a line of its own (| 城市低保 | 5401 | 7441 |, then
            # 长安区、裕华区810元/月;晋州市800元/月 |): the row's next column, read as a sentence
            if header is not None and last is not None and last[1] < len(header):
                row = _spilled_cell_row(text, header[last[1]], last[0], l_start, l_end)
                if row is not None:
                    out.append(row)
            last = None
            continue
        cells = _cells(text, l_start, l_end)
        if len(cells) < 2:
            continue
        units = [_HEADER_UNIT.search(text, a, b) for a, b in cells]
        if not any(_VALUE_CELL.fullmatch(text, a, b) or _VALUE_UNIT_CELL.fullmatch(text, a, b)
                   for a, b in cells):
            # the caption above a header: 单位:万元 and the area of the rows (农村低保标准表)
            caption = text[max(start, l_start - 200):l_start]
            tu = _TABLE_UNIT.search(caption)
            if sum(1 for u in units if u) >= 1 or (
                    tu and any(_MONEY_COLUMN.search(text, a, b) for a, b in cells[1:])) or any(
                    _COUNT_COLUMN.search(text, a, b) for a, b in cells[1:]):
                header, table_unit = cells, tu.group(1) if tu else None
                header_end = l_end
                caption_area = _area_word(caption[caption.rfind("|") + 1:])
                caption_prog = _caption_programme(caption[caption.rfind("|") + 1:])
                continue
            names = cells
            continue
        if not _CJK.search(text, *cells[0]):
            continue
        # a header naming units also names the columns (| 救助类别 | 救助标准 | 户数(户) |): a cell
        # holding its own unit under 救助标准 is the standard
        out.extend(_self_unit_rows(text, cells, header if header else names))
        if header is None:
            continue
        la, lb = _label(text, cells[0])
        last = ((la, lb), len(cells))
        for k, cell in enumerate(cells[1:], start=1):
            if k >= len(header) or not _VALUE_CELL.fullmatch(text, *cell):
                continue
            row = _header_cell_row(text, header[k], table_unit, caption_area, (la, lb), cell,
                                   caption_prog)
            if row is not None:
                out.append(row)
    return out


#: The longest header a cell-per-line table is looked for with (columns).
_BLOCK_MAX_COLUMNS = 12
_NAME_LINE = re.compile(r"[^\d\n]{1,16}")
_ZERO = re.compile(r"0+(?:\.0+)?")
# a line that is a column name giving its unit: 金额(元), 户  数 (what block_rows needs at least once)
_BLOCK_HEAD_LINE = re.compile(rf"^[ \t]*[^\d\n]{{0,14}}(?:\({_UNIT}\)|户\s*数|人\s*数)[ \t]*$",
                              re.M)


def _names_unit(text: str, cell: tuple[int, int]) -> bool:
    """Whether a column name gives its unit: in brackets (金额(元)) or as 户数/人数."""
    return bool(_HEADER_UNIT.search(text, *cell) or _COUNT_COLUMN.search(text, *cell))


def block_rows(text: str) -> list[Row]:
    """A table copied one cell per line without bars, blank lines between the cells (how a browser
    copies a web table): a block of column names (街镇名称 / 户  数 / 人  数 / 金额(元)), then rows
    of a label and one number per column. Every column after the first must give its unit (in
    brackets, or 户数/人数); the caption above (the page's title line) says whose figures they are.
    Cells of 0 (a town with no recipients that month) are no figures. One pass over the lines."""
    if _BLOCK_HEAD_LINE.search(text) is None:
        return []  # no line is a column name with a unit: no such table (one regex pass)
    lines, pos = [], 0
    for line in text.split("\n"):
        body = line.strip()
        if body:
            a = pos + len(line) - len(line.lstrip())
            lines.append((a, a + len(body)))
        pos += len(line) + 1
    out: list[Row] = []
    i, run = 0, 0  # run: the name lines just before line i
    while i < len(lines):
        a, b = lines[i]
        if not _VALUE_CELL.fullmatch(text, a, b):
            run = run + 1 if _NAME_LINE.fullmatch(text, a, b) and _CJK.search(text, a, b) else 0
            i += 1
            continue
        # line i is a number after `run` name lines: the last of them is the first row's label,
        # the ones before it the header (its last k names)
        found = 0
        if run and _names_unit(text, lines[i - 1]):
            run = 0  # a column name before the numbers (序号 / 地区 / 人数(人) / 1 / …): no label
        for k in range(min(run - 1, _BLOCK_MAX_COLUMNS), 2, -1):
            header = lines[i - 1 - k:i - 1]
            if all(_names_unit(text, h) for h in header[1:]):
                found = k
                break
        run = 0
        if not found:
            i += 1
            continue
        header = lines[i - 1 - found:i - 1]
        caption = text[max(0, header[0][0] - 200):header[0][0]]
        prog, area = _caption_programme(caption), _area_word(caption)
        r, block = i - 1, []
        while r + found <= len(lines):
            label, cells = lines[r], lines[r + 1:r + found]
            if not _NAME_LINE.fullmatch(text, *label) or not all(
                    _VALUE_CELL.fullmatch(text, *c) for c in cells):
                break
            la, lb = _label(text, label)
            for head, cell in zip(header[1:], cells):
                if not _ZERO.fullmatch(text, *cell):
                    row = _header_cell_row(text, head, None, area, (la, lb), cell, prog)
                    if row is not None:
                        block.append(row)
            r += found
        if r - (i - 1) >= 2 * found:  # two whole rows at least: else the columns were misread
            out.extend(block)
        i = max(r, i + 1)
    return out


def _spilled_cell_row(text: str, head: tuple[int, int], label: tuple[int, int], start: int,
                      end: int) -> Row | None:
    """A spilled cell holding figures with their own units, as label + column name + cell."""
    cells = _cells(text, start, end)
    if len(cells) != 1 or not _VALUE_UNIT_CELL.search(text, *cells[0]):
        return None
    a, b = cells[0]
    u = _HEADER_UNIT.search(text, *head)
    name_end = u.start() if u is not None else head[1]
    return _row([(text[label[0]:label[1]], label[0]), (text[head[0]:name_end], None), (":", None),
                 (text[a:b], a), ("。", None)], b)


def _self_unit_rows(text: str, cells: list[tuple[int, int]],
                    names: list[tuple[int, int]] | None) -> list[Row]:
    """Rows that carry their units themselves, needing no unit header: a label naming its unit
    (| 城市低保标准(元/月) | 600 | 650 |, one value per year column) and cells holding a figure with
    its unit (| 城市低保 | 600元/人·月 |, the plain column name 标准 above saying what it is)."""
    out = []
    la, lb = _label(text, cells[0])
    lu = _HEADER_UNIT.search(text, la, lb)
    for k, (a, b) in enumerate(cells[1:], start=1):
        if lu is not None and _VALUE_CELL.fullmatch(text, a, b):
            # | 项目 | 城市 | 农村 | above: a column named by an area gives its cells that area
            area = ""
            if names is not None and k < len(names) and _area_word(text[la:lb]) is None \
                    and AREA_RE.fullmatch(text[names[k][0]:names[k][1]].strip()):
                area = text[names[k][0]:names[k][1]].strip()
            out.append(_row([(area, None), (text[la:lu.start()], la), (text[a:b], a),
                             (lu.group(1), None), ("。", None)], b))
        elif lu is None and _VALUE_UNIT_CELL.fullmatch(text, a, b):
            name = ""
            if names is not None and k < len(names) and _NAME_COLUMN.search(text, *names[k]) \
                    and not _NAME_COLUMN.search(text, la, lb):
                name = text[names[k][0]:names[k][1]]
            out.append(_row([(text[la:lb], la), (name, None), (text[a:b], a), ("。", None)], b))
    return out
