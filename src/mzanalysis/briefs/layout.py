"""Tables of a brief page that fit the screen: the layout pass run on every rendered page.

nbconvert renders pandas tables as plain ``<table>`` elements; at 1280 px a ten-column source
table was cut off, and on a phone every table was. :func:`tidy_tables` (called by
:func:`.render.to_html`) puts each table in a horizontally scrolling box (``mz-scroll``; the
page itself never scrolls sideways), marks figure columns for right alignment (``mz-num``),
gives URLs and vocabulary identifiers break points (``<wbr>``, the text is unchanged), lets a
cell with a very long word break anywhere (``mz-long``) and keeps a header's unit on one line
(``mz-unit``). The CSS for these classes is in ``templates/brief.css``. Deterministic and
idempotent, so rebuilt pages stay byte-identical.
"""
from __future__ import annotations

import re

# A figure in a table cell: digits with thousands separators, a decimal part, a sign and a per
# cent sign, alone or followed by a note ("32,178.00（非官方 …）", "2.79 ⚠", "2011–2021").
_NUMBER = re.compile(r"[-+−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?(?=$|[\s（(⚠–-])")
_EMPTY = {"", "—", "–", "-", "nan", "NaN", "None"}
#: A word too long to fit a narrow column (a URL, a file path): allowed to break anywhere.
_LONG_WORD = re.compile(r"\S{40,}|https?://")
#: Words that may wrap at their separators: a URL (after / ? & =) and a vocabulary identifier
#: such as consumption_expenditure or yuan_per_person_year (after _). File names and quotes
#: are left as written; a cell with a very long word may still break anywhere (mz-long).
_URL = re.compile(r"https?://\S+")
_IDENT = re.compile(r"[a-z]+(?:_[a-z]+)+")
_LONG_RUN = re.compile(r"\S{16,}")
_URL_BREAK = re.compile(r"(?<=[/?&=])(?=[^/?&=])")
_IDENT_BREAK = re.compile(r"(?<=_)")


def _soft_breaks(cell, soup) -> None:
    """Insert ``<wbr>`` at the separators of URLs and identifiers of 16+ characters in
    ``cell``, so they wrap there instead of widening the table (the text itself is unchanged)."""
    for text in list(cell.find_all(string=True)):
        pieces = re.split(r"(\s+)", str(text))
        if not any(len(p) >= 16 and (_URL.fullmatch(p) or _IDENT.fullmatch(p)) for p in pieces):
            continue
        parts = []
        for piece in pieces:
            rule = (_URL_BREAK if _URL.fullmatch(piece) else _IDENT_BREAK
                    if _IDENT.fullmatch(piece) else None) if len(piece) >= 16 else None
            frags = rule.split(piece) if rule else [piece]
            for i, frag in enumerate(frags):
                if i:
                    parts.append(soup.new_tag("wbr"))
                if frag:
                    parts.append(frag)
        text.replace_with(*parts)


_UNIT = re.compile(r"([(（][^()（）]{1,12}[)）])")


def _keep_units(cell, soup) -> None:
    """Wrap a header's unit, e.g. ``(元/人·月)``, in a span that does not break (mz-unit)."""
    for text in list(cell.find_all(string=True)):
        if text.parent.name == "span" or not _UNIT.search(text):
            continue
        parts = []
        for i, piece in enumerate(_UNIT.split(str(text))):
            if i % 2:
                span = soup.new_tag("span", attrs={"class": "mz-unit"})
                span.string = piece
                parts.append(span)
            elif piece:
                parts.append(piece)
        text.replace_with(*parts)


def _cell_kind(text: str) -> str | None:
    text = text.strip()
    if text in _EMPTY:
        return None
    return "num" if _NUMBER.match(text) else "text"


#: A table with at least this many columns is set dense (smaller type, tighter cells).
_DENSE_COLUMNS = 10


def tidy_tables(page: str) -> str:
    """Tables readable at any width (see the module docstring). Figures are right-aligned as
    in Chinese statistical tables (统计表: figures right, text left).

    A column whose every non-empty cell starts with a figure is a figure column, header
    included; in a table with merged cells (colspan/rowspan) each cell is judged on its own.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    tidy_soup(soup)
    return str(soup)


def tidy_soup(soup) -> None:
    """:func:`tidy_tables` on a parsed page (in place), for a caller that already parsed it."""
    for table in soup.find_all("table"):
        parent = table.parent
        if parent is None or "mz-scroll" not in (parent.get("class") or []):
            table.wrap(soup.new_tag("div", attrs={"class": "mz-scroll"}))
        rows = [[c for c in tr.find_all(["td", "th"], recursive=False)]
                for tr in table.find_all("tr")]
        body = [r for r, tr in zip(rows, table.find_all("tr"))  # header: thead, or all <th>
                if tr.find_parent("thead") is None and any(c.name == "td" for c in r)]
        merged = any(c.get("colspan", "1") != "1" or c.get("rowspan", "1") != "1"
                     for r in rows for c in r)
        if max((len(r) for r in rows), default=0) >= _DENSE_COLUMNS:
            # many columns (the 11 of "same figure, other sources"): tighter cells, so the
            # table still fits its column at desktop width instead of scrolling
            table["class"] = list(dict.fromkeys(list(table.get("class") or []) + ["mz-dense"]))
        kinds = [[_cell_kind(c.get_text(" ")) for c in r] for r in body]
        numeric = set()
        if not merged and body and len({len(r) for r in rows}) == 1:
            for j in range(len(body[0])):
                col = [k[j] for k in kinds if k[j] is not None]
                if col and all(k == "num" for k in col):
                    numeric.add(j)
        for r in rows:
            for j, c in enumerate(r):
                cls = list(c.get("class") or [])
                text = c.get_text(" ")
                if (j in numeric if not merged else _cell_kind(text) == "num"):
                    cls.append("mz-num")
                if _LONG_WORD.search(text):
                    cls.append("mz-long")
                cls = list(dict.fromkeys(cls))  # a page tidied twice gets each class once
                if _LONG_RUN.search(text):  # (most cells hold no 16-character word to break)
                    _soft_breaks(c, soup)
                if c.name == "th":
                    _keep_units(c, soup)
                if cls:
                    c["class"] = cls
