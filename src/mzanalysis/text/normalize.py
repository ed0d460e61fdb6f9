"""Decode report files, find the report body inside web-page chrome, and normalise text for matching.

Civil-affairs reports reach researchers as saved web pages and text dumps in whatever encoding the
site used: UTF-8 (with or without BOM), GB18030/GBK on mainland sites, Big5 on Hong Kong/Taiwan
mirrors, UTF-16 from Windows tools. :func:`decode` detects the encoding (charset-normalizer) and
refuses binary or undecodable input with a :class:`~mzanalysis.errors.DataError`.

Matching rules are written once, in simplified characters and ASCII digits/punctuation, so
:func:`normalize` converts traditional→simplified (OpenCC via opencc-purepy) and full-width→ASCII.
Every fact must point into the text the user has (the *decoded* text), so normalisation keeps an
offset map: :meth:`Normalized.to_original` turns a position in the normalised text back into a
position in the decoded text.

Web-page chrome (navigation, "当前位置", share/print bars, footers, copyright and watermark lines
that content farms stamp on copied reports) is not cut out of the text, since that would shift every
offset; :func:`content_ranges` instead returns the character ranges that hold the report body, and
the extractor reads only those.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import DataError

#: Encodings tried for text without a BOM, in the order charset-normalizer may choose among.
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be")


def decode(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode report bytes to text, detecting the encoding; raise DataError naming ``name``.

    BOMs decide first (UTF-8-SIG, UTF-16 LE/BE); then strict UTF-8 (most files today); then
    charset-normalizer chooses among GB18030 (a superset of GBK/GB2312), Big5 and BOM-less UTF-16.
    NUL bytes outside UTF-16 mean a binary file (images, PDFs, Office files saved as .txt).
    """
    if not data:
        raise DataError(f"{name}: empty file")
    for bom, codec in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"),
                       (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                raise DataError(f"{name}: starts with a {codec} byte-order mark but is not valid "
                                f"{codec} ({exc.reason} at byte {exc.start})") from None
    utf16 = _looks_utf16(data)
    if b"\x00" in data and not utf16:
        raise DataError(f"{name}: binary file (contains NUL bytes), not a text or HTML report")
    if not utf16:
        try:
            return _clean(data.decode("utf_8"), name)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    candidates = CANDIDATE_ENCODINGS[3:] if utf16 else CANDIDATE_ENCODINGS[1:3]
    best = from_bytes(data, cp_isolation=list(candidates)).best()
    if best is None:
        raise DataError(f"{name}: unknown text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5)")
    return _clean(str(best), name)


def _looks_utf16(data: bytes) -> bool:
    """BOM-less UTF-16: Chinese text with ASCII digits/punctuation has NULs on one byte parity."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) >= max(1, len(sample) // 8) and min(even, odd) == 0


def _clean(text: str, name: str) -> str:
    if not text.strip():
        raise DataError(f"{name}: no text (only whitespace)")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:20000]) // 100):
        raise DataError(f"{name}: binary file (control characters), not a text or HTML report")
    return text


# --- HTML -----------------------------------------------------------------------------------------

_CHROME_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
                "button", "select", "template", "svg")
_CHROME_ATTR = re.compile(r"nav|menu|footer|header|breadcrumb|crumb|share|sidebar|copyright|"
                          r"banner|toolbar|position|login|search|related|comment", re.I)
_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
               "article", "title", "td")


def html_to_text(html: str) -> str:
    """Text of an HTML page, one block per line, without scripts, navigation, headers and footers.

    The title is kept as the first line (it often names the region and year). Spans of extracted
    facts index this text: for an HTML file it *is* the decoded document.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(_CHROME_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:  # already removed with a decomposed parent
            continue
        marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if marks and _CHROME_ATTR.search(marks) and tag.name not in ("body", "html"):
            tag.decompose()
    body = soup.body or soup
    for br in body.find_all("br"):
        br.replace_with("\n")
    for block in body.find_all(_BLOCK_TAGS):
        block.insert_before("\n")
        block.insert_after("\n")
    text = body.get_text()
    lines = [re.sub(r"[ \t\u3000\xa0]+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n".join(lines) + "\n"


# --- page chrome in plain text --------------------------------------------------------------------

# Lines that content farms and government sites put around a report: navigation, share/print bars,
# publication metadata, copyright, "for study only" watermarks, contact numbers.
_CHROME_LINE = re.compile(
    r"当前位置|當前位置|您的位置|首页\s*[>›»]|首頁\s*[>›»]|欢迎访问|歡迎訪問|您好[,，]?欢迎|版权所有|版權所有|"
    r"copyright|©|ICP备|ICP備|链接地址|鏈接地址|本文标题|本文標題|打印页面|打印本页|关闭窗口|關閉窗口|"
    r"【字体|字号[:：]|分享到|扫一扫|掃一掃|上一篇|下一篇|责任编辑|責任編輯|发布时间|發布時間|"
    r"来源[:：]|來源[:：]|浏览次数|点击数|仅供学习|僅供學習|禁止外传|禁止外傳|严禁外传|嚴禁外傳|"
    r"仅供内部交流|版权归|QQ\s*\d{5,}|微信号|联系电话|聯系電話|免责声明|免責聲明|整理[，,]其他任何途径|"
    r"下载文档|下載文檔|文档格式",
    re.I)
_HEADING = re.compile(r"[(（]?[一二三四五六七八九十]+[)）、]")  # 一、工作开展情况 recurs in compilations
_BODY_SENTENCE = re.compile(r"[^。!?！？\n]*[\u4e00-\u9fff]{6}[^。!?！？\n]*[。!?！？]")
_MAX_CHROME_LINE = 80  # a long line holding a marker is body text that happens to contain the word


def content_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that hold report body, skipping chrome and watermark lines.

    A line is chrome when it is short and carries a chrome marker, or when the same short line
    recurs three or more times (a watermark stamped through a copied document).
    """
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, pos + len(line), line.strip()))
        pos += len(line)
    counts: dict[str, int] = {}
    for _, _, stripped in lines:
        if 0 < len(stripped) <= 40:
            counts[stripped] = counts.get(stripped, 0) + 1
    ranges: list[tuple[int, int]] = []
    for start, end, stripped in lines:
        if not stripped:
            continue
        if len(stripped) <= _MAX_CHROME_LINE and _CHROME_LINE.search(stripped):
            # 联系电话:0471-6912345。全旗共有低保对象…。: an excerpt pasted with its contact line keeps
            # the full sentences that carry no marker (chrome itself is never a 。-ended sentence)
            for m in _BODY_SENTENCE.finditer(text, start, end):
                if not _CHROME_LINE.search(m.group()):
                    if ranges and ranges[-1][1] == m.start():
                        ranges[-1] = (ranges[-1][0], m.end())
                    else:
                        ranges.append((m.start(), m.end()))
            continue
        if counts.get(stripped, 0) >= 3 and not re.search(r"\d", stripped) \
                and not _HEADING.match(stripped):
            continue
        if ranges and ranges[-1][1] == start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


# --- normalisation with an offset map -------------------------------------------------------------

@lru_cache(maxsize=1)
def _t2s():
    try:
        from opencc_purepy import OpenCC
    except ImportError:  # the C++ binding, where installed instead, has the same call shape
        from opencc import OpenCC
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    """OpenCC's own traditional→simplified *character* table, as a str.translate map.

    Matching needs 城鄉低保標準 → 城乡低保标准, not the phrase-level refinements (乾隆 stays 乾隆)
    that OpenCC's full conversion adds; the character table converts in C at tens of megabytes per
    second and is one character for one character, so offsets need no map at all. The full,
    phrase-aware conversion is :func:`to_simplified` and ``normalize(text, phrases=True)``.
    """
    chars = _t2s().dictionary.ts_characters[0]
    return {ord(k): v for k, v in chars.items() if len(k) == 1 and len(v) == 1 and k != v}


# Full-width forms U+FF01..U+FF5E map to ASCII by subtracting 0xFEE0; the ideographic space to " ".
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x2014: 0x2D, 0x2013: 0x2D, 0x2012: 0x2D, 0x2212: 0x2D,
               0xFE50: 0x2C, 0xFE52: 0x2E, 0x2027: 0xB7, 0x30FB: 0xB7, 0x2022: 0xB7, 0x200B: 0x20,
               0xFEFF: 0x20})


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus the map back to the decoded original.

    ``offsets`` is None when every normalised character sits at the same index as its original
    (the usual case: both conversions are one character for one character); otherwise
    ``offsets[i]`` is the original index of normalised character ``i`` (with one extra entry for
    the end).
    """

    text: str
    original: str
    offsets: tuple[int, ...] | None = None

    def to_original(self, i: int) -> int:
        """Original index of normalised position ``i`` (0 ≤ i ≤ len(text))."""
        return i if self.offsets is None else self.offsets[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised half-open span [start, end)."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[start]


# Financial (anti-fraud) numerals, written on cheques and in some fund notices: 壹仟叁佰伍拾元. Each
# maps to its ordinary numeral, one character for one. 陆 (also 大陆, 陆续) and 参/參 (参加) are
# ordinary words far more often than numerals and are left alone; 圆 is the financial 元.
_FINANCIAL = {ord(k): v for k, v in zip("壹贰貳叁弍伍柒捌玖拾佰仟圆", "一二二三二五七八九十百千元")}


@lru_cache(maxsize=1)
def _one_pass_table() -> dict[int, int | str]:
    """Traditional→simplified, financial numerals and full-width→ASCII in one translate pass."""
    table: dict[int, int | str] = dict(_char_table())
    table.update(_FINANCIAL)
    table.update(_WIDTH)
    return table


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII (１３５０ → 1350, ，→ ,), 1:1 in length."""
    return text.translate(_WIDTH)


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC t2s), e.g. 城鄉低保標準 → 城乡低保标准."""
    return _t2s().convert(text)


def normalize(text: str, *, phrases: bool = False) -> Normalized:
    """Simplified characters and ASCII forms, with a map back to ``text``.

    By default characters are converted one for one with OpenCC's character table (fast; the map is
    the identity). With ``phrases=True`` OpenCC converts phrase by phrase; where that changes a
    line's length the line is converted again character by character so the one-to-one map holds,
    and only if a single character converts to several does the offset table come into play.
    """
    if not phrases:
        return repair(Normalized(text.translate(_one_pass_table()), text))
    out: list[str] = []
    offsets: list[int] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        conv = to_simplified(line)
        if len(conv) != len(line):
            conv = "".join(to_simplified(ch) for ch in line)
        if len(conv) != len(line):
            if offsets is None:
                offsets = list(range(pos))
            for k, ch in enumerate(line):
                piece = to_simplified(ch)
                offsets.extend([pos + k] * len(piece))
                out.append(piece)
        else:
            out.append(conv)
            if offsets is not None:
                offsets.extend(range(pos, pos + len(line)))
        pos += len(line)
    norm = to_halfwidth("".join(out))
    if offsets is not None:
        offsets.append(len(text))
        return repair(Normalized(norm, text, tuple(offsets)))
    return repair(Normalized(norm, text))


# --- text-level repairs of what real pages contain ---------------------------------------------

# Online traditional-character converters insert the pinyin of every character they were unsure of:
# 標(biāo)準(zhǔn), 數(shù). The bracket holds lower-case letters with at least one tone mark, right
# after a CJK character; no report writes a toned syllable in brackets for any other reason.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü{_TONED}]{{0,6}}[{_TONED}])"
                     rf"[a-zü{_TONED}]{{1,7}}\)")
# Pages wrapped at a fixed width break a figure from its unit (发放保障金1389\n万元): a line break
# between a digit and a unit character is not a boundary. (Table cells on their own lines end in
# a digit and begin the next cell with a label, never with a bare unit character followed by text
# of the same row, so they are not joined: 万人 on a line of its own is kept — see the lookahead.)
_BROKEN_UNIT = re.compile(r"(?<=\d)[ \t]*\r?\n[ \t]*(?=(?:万|亿)?(?:元|人|户|名)(?![ \t]*\r?\n))")
# A thin or narrow no-break space between digit groups (1 350) is a thousands separator.
_THIN_SPACE = re.compile(r"(?<=\d)[\u2009\u202f\u2006](?=\d{3}(?!\d))")
# Pages saved from fixed-width text wrap a paragraph mid-word (保障48名孤\n儿基本生活权益): a line
# break inside a long line's sentence, between two characters of running text, is no boundary.
_WRAP = re.compile(r"(?<=[\u4e00-\u9fff\d,、])[ \t]*\r?\n(?=[\u4e00-\u9fff,、])")
_WRAP_MIN_LINE = 40
# Content farms inject gambling spam into copied reports, often mid-sentence and in title brackets:
# 不低《澳洲幸运5开奖结果查询官网》于5%. A bracketed title holding a spam word is cut out (the number
# inside it is no figure, and it breaks the words around it).
_SPAM = re.compile(r"《[^《》\n]{0,40}?(?:开奖|彩票|博彩|娱乐城|赌场|棋牌|时时彩|六合彩|百家乐|"
                   r"葡京|官网|投注|平台注册)[^《》\n]{0,40}?》")
_SENTENCE_STOP = re.compile(r"[。!?]\s*$")


def repair(norm: Normalized) -> Normalized:
    """Drop converter pinyin and line breaks inside a figure, keeping the map to the original.

    Both repairs delete characters, so the result carries an offset table whenever one applied;
    every later span still points into the decoded text. Thin-space thousands separators are
    turned into ASCII spaces (one for one), which :mod:`mzanalysis.text.numbers` reads as digit
    grouping.
    """
    text = norm.text
    if "\u2009" in text or "\u202f" in text or "\u2006" in text:
        text = _THIN_SPACE.sub(" ", text)
    cuts: list[tuple[int, int]] = []
    if "(" in text:
        cuts.extend(m.span() for m in _PINYIN.finditer(text))
    if "《" in text:
        cuts.extend(m.span() for m in _SPAM.finditer(text))
    if "\n" in text:
        cuts.extend(m.span() for m in _BROKEN_UNIT.finditer(text))
        for m in _WRAP.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if m.start() - line_start >= _WRAP_MIN_LINE and \
                    not _SENTENCE_STOP.search(text, line_start, m.start()):
                cuts.append(m.span())
    if not cuts:
        return norm if text is norm.text else Normalized(text, norm.original, norm.offsets)
    cuts.sort()
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    base = norm.offsets

    def keep(a: int, b: int) -> None:
        offsets.extend(range(a, b) if base is None else base[a:b])

    for a, b in cuts:
        if a < pos:
            continue
        pieces.append(text[pos:a])
        keep(pos, a)
        pos = b
    pieces.append(text[pos:])
    keep(pos, len(text) + 1)
    return Normalized("".join(pieces), norm.original, tuple(offsets))
