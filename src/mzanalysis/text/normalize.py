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
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from ..errors import DataError

#: Encodings tried for text without a BOM, in the order charset-normalizer may choose among.
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be")
#: A file is text when at most this share of its characters had to be replaced (bad bytes, NULs);
#: above it no encoding explains the file and it is refused as binary or of unknown encoding.
MAX_DAMAGE_SHARE = 0.1
#: Byte offsets of at most this many damaged places are kept for the warning.
MAX_DAMAGE_OFFSETS = 10

_RECORDED = threading.local()


def _record_error(exc: UnicodeDecodeError):
    """Codec error handler: note the byte offset, put one U+FFFD in place of the bad bytes."""
    _RECORDED.starts.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("mzanalysis-record", _record_error)


@dataclass(frozen=True)
class Damage:
    """Bytes that no character of the file's encoding explains, replaced by U+FFFD.

    ``count`` places in all; ``offsets`` the byte offsets of the first :data:`MAX_DAMAGE_OFFSETS`
    of them (a download cut mid-character, one flipped byte, a stray NUL).
    """

    encoding: str
    count: int
    offsets: tuple[int, ...]

    def __str__(self) -> str:
        where = ", ".join(str(o) for o in self.offsets)
        more = ", …" if self.count > len(self.offsets) else ""
        return (f"{self.count} damaged byte sequence(s) replaced with U+FFFD "
                f"(decoded as {self.encoding}; at byte {where}{more})")


def _decode_replacing(data: bytes, codec: str) -> tuple[str, list[int]]:
    """``data`` decoded with every undecodable sequence (and NUL) replaced; the bad byte offsets."""
    _RECORDED.starts = []
    try:
        text = data.decode(codec, errors="mzanalysis-record")
        starts = _RECORDED.starts
    finally:
        _RECORDED.starts = []
    if "\x00" in text:  # a stray NUL (or a NUL-padded tail) is damage too, not a reason to refuse
        if codec.startswith("utf_16"):  # one NUL character is two bytes (after a 2-byte BOM)
            skip = 2 if codec == "utf_16" else 0
            nuls = [skip + 2 * i for i, ch in enumerate(text) if ch == "\x00"]
        else:  # in UTF-8, GB18030 and Big5 a 0x00 byte is always a character of its own
            nuls = [m.start() for m in re.finditer(b"\x00", data)]
        text = text.replace("\x00", "\ufffd")
        starts = sorted(starts + nuls)
    return text, starts


def _utf16_share(data: bytes, codec: str) -> float:
    """Share of plain-text characters (CJK, CJK punctuation, full-width forms, printable ASCII)
    when the first 64 KB are read as ``codec``: near 1 for real UTF-16 text, low for anything else
    (UTF-8 or GB18030 bytes read in pairs land in Hangul, surrogates and the private use area)."""
    sample = data[:65536]
    sample = sample[:len(sample) - len(sample) % 2]
    if not sample:
        return 0.0
    text = sample.decode(codec, errors="replace")
    good = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or " " <= ch <= "~" or ch in "\t\r\n")
    return good / len(text)


def decode(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode report bytes to text, detecting the encoding; raise DataError naming ``name``.

    See :func:`decode_report`; damaged bytes come back as U+FFFD without a report of where.
    """
    return decode_report(data, name=name)[0]


def decode_report(data: bytes, *, name: str = "<bytes>") -> tuple[str, Damage | None]:
    """Decode report bytes to (text, damage), detecting the encoding; raise DataError naming ``name``.

    BOMs decide first (UTF-8-SIG, UTF-16 LE/BE); then strict UTF-8 (most files today); then
    BOM-less UTF-16 when one byte order reads as plain text; then charset-normalizer chooses among
    GB18030 (a superset of GBK/GB2312) and Big5. A file that one encoding explains except for a few
    bytes (one flipped byte, a download cut mid-character, a stray NUL) is decoded with U+FFFD in
    their place — one character lost, not the report — and the damage says how many and where.
    Only when no encoding explains most of the file is it refused (binary, unknown encoding).
    """
    if not data:
        raise DataError(f"{name}: empty file")
    for bom, codec in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"),
                       (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            text, bad = _decode_replacing(data, codec)
            if _too_damaged(text, bad):
                raise DataError(f"{name}: starts with a {codec} byte-order mark but is not valid "
                                f"{codec} ({len(bad)} undecodable sequences, first at byte "
                                f"{bad[0]})")
            return _clean(text, name), _damage(codec, bad)
    if b"\x00" not in data:
        try:
            return _clean(data.decode("utf_8"), name), None
        except UnicodeDecodeError:
            pass
    # BOM-less UTF-16 (Windows tools): Chinese text has a NUL only beside ASCII characters, so a
    # NUL count says little; read both byte orders and keep one that is plain text.
    for codec in ("utf_16_le", "utf_16_be"):
        if _utf16_share(data, codec) >= 0.9:
            text, bad = _decode_replacing(data, codec)
            if not _too_damaged(text, bad):
                return _clean(text, name), _damage(codec, bad)
    text, bad = _decode_replacing(data, "utf_8")
    if len(bad) <= max(3, 0.02 * len(text)):  # UTF-8 with a flipped byte or a cut character
        return _clean(text, name), _damage("utf_8", bad)
    if b"\x00" in data and data.count(b"\x00") > max(8, len(data) // 100):
        raise DataError(f"{name}: binary file (contains NUL bytes), not a text or HTML report")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS[1:3])).best()
    tried = [(len(bad), 0, "utf_8", text, bad)]
    for rank, codec in enumerate([best.encoding] if best is not None
                                 else list(CANDIDATE_ENCODINGS[1:3]), 1):
        t, b = _decode_replacing(data, codec)
        tried.append((len(b), rank, codec, t, b))
    # the encoding that explains the most bytes wins: GB18030 reads UTF-8 bytes as mojibake with
    # only a few errors, so a damaged UTF-8 file must not lose to it (ties go to the detector)
    _, _, codec, text, bad = min(tried, key=lambda t: (t[0], -t[1]))
    if _too_damaged(text, bad):
        raise DataError(f"{name}: unknown text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5)")
    return _clean(text, name), _damage(codec, bad)


def _too_damaged(text: str, bad: list[int], share: float = MAX_DAMAGE_SHARE) -> bool:
    return bool(bad) and (len(bad) > share * len(text) or 2 * len(bad) >= len(text))


def _damage(codec: str, bad: list[int]) -> Damage | None:
    if not bad:
        return None
    return Damage(codec.replace("_", "-").upper().replace("-SIG", "").replace("UTF-16", "UTF-16"),
                  len(bad), tuple(bad[:MAX_DAMAGE_OFFSETS]))


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

    The page is parsed by lxml (libxml2's HTML parser, ``huge_tree`` so deep nesting is kept) and
    walked once, iteratively, with start/end events: time and memory are linear in the page, for
    16,000 paragraphs or 100,000 nested ``<div>`` as for a 50 MB page.
    """
    from lxml import etree

    if not html.strip():
        return ""
    # The text is already decoded: hand libxml2 UTF-8 bytes and say so, so neither a <meta charset>
    # nor an XML declaration naming another encoding can make it decode the page a second time.
    parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True,
                              encoding="utf-8")
    root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    if any("Excessive depth" in e.message for e in parser.error_log):
        title, text = _flatten_deep(html)
    elif root is None:
        return ""
    else:
        title, text = _walk(root)
    lines = [re.sub(r"[ \t\u3000\xa0]+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n".join(lines) + "\n" if lines else ""


def _walk(root) -> tuple[str, str]:
    """(title, text with a line break around every block) of an lxml tree, in one iterative pass."""
    from lxml import etree

    title_el = root.find(".//title")
    title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else ""
    body = root.find("body")
    if body is None:
        body = root
    out: list[str] = []
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag:  # a comment or processing instruction: only its tail is page text
                continue
            if el is not body and _is_chrome(el, tag):
                walker.skip_subtree()
                el.set(_SKIPPED, "")
                continue
            if tag == "br":
                out.append("\n")
            elif tag in _BLOCK_SET:
                out.append("\n")
            if el.text and tag:
                out.append(el.text)
        else:
            skipped = el.get(_SKIPPED) is not None if tag else False
            if tag in _BLOCK_SET and not skipped and tag != "br":
                out.append("\n")
            if el.tail and el is not body:
                out.append(el.tail)
    return title, "".join(out)


_SKIPPED = "data-mzanalysis-skipped"
_BLOCK_SET = frozenset(_BLOCK_TAGS)
_CHROME_SET = frozenset(_CHROME_TAGS)


def _is_chrome(el, tag: str) -> bool:
    """Scripts, navigation and footers by tag, or by an id/class that names them."""
    if tag in _CHROME_SET:
        return True
    if tag in ("body", "html"):
        return False
    marks = " ".join([el.get("id") or "", el.get("class") or ""])
    return bool(marks.strip()) and bool(_CHROME_ATTR.search(marks))


class _FlatParser(HTMLParser):
    """Streaming fallback for pages nested deeper than libxml2 builds (2,048 levels).

    The stdlib tokenizer is linear and keeps no tree: a stack of open tag names is enough to know
    when a chrome element (script, nav, class="footer" …) ends and where blocks start and end.
    Hand-rolled because no installed parser builds a tree that deep; it is used only for such pages.
    """

    _VOID = frozenset(("br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed",
                       "source", "track", "wbr", "param"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.title: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, opened chrome)
        self.chrome = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in self._VOID:
            if tag == "br" and not self.chrome:
                self.out.append("\n")
            return
        attrs = dict(attrs)
        marks = " ".join([attrs.get("id") or "", attrs.get("class") or ""])
        chrome = tag in _CHROME_SET or (tag not in ("body", "html") and bool(marks.strip())
                                        and bool(_CHROME_ATTR.search(marks)))
        self.stack.append((tag, chrome))
        self.chrome += chrome
        if tag in _BLOCK_SET and not self.chrome:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 64), -1):
            if self.stack[i][0] == tag:
                while len(self.stack) > i:
                    name, chrome = self.stack.pop()
                    self.chrome -= chrome
                    if name in _BLOCK_SET and not self.chrome:
                        self.out.append("\n")
                return

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.chrome and not any(t == "head" for t, _ in self.stack[:2]):
            self.out.append(data)


def _flatten_deep(html: str) -> tuple[str, str]:
    parser = _FlatParser()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.title).split()), "".join(parser.out)


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


@lru_cache(maxsize=2)
def content_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of ``text`` that hold report body, skipping chrome and watermark lines.

    A line is chrome when it is short and carries a chrome marker, or when the same short line
    recurs three or more times (a watermark stamped through a copied document). Cached: the
    extractor and the title reader both ask for the ranges of the same normalised text.
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
    # a line repeated thousands of times (a junk page, a stamped watermark) is tested once
    chrome: dict[str, bool] = {}
    ranges: list[tuple[int, int]] = []
    for start, end, stripped in lines:
        if not stripped:
            continue
        is_chrome = chrome.get(stripped)
        if is_chrome is None:
            is_chrome = chrome[stripped] = len(stripped) <= _MAX_CHROME_LINE and \
                _CHROME_LINE.search(stripped) is not None
        if is_chrome:
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
    return tuple(ranges)


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
               0xFEFF: 0x20,
               # division and fraction slashes (285元∕月) are the unit's slash
               0x2215: 0x2F, 0x2044: 0x2F})


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


@lru_cache(maxsize=1)
def _bmp_table() -> str:
    """:func:`_one_pass_table` for the Basic Multilingual Plane as a 65,536-character string.

    ``str.translate`` looks a dict up once per character; indexing a string is about 1.7 times
    faster (measured on the seed reports), and the table costs 256 KB. Characters beyond the
    plane (a few hundred rare traditional forms) are translated by :func:`_astral_table`.
    """
    chars = [chr(i) for i in range(0x10000)]
    for key, value in _one_pass_table().items():
        if key < 0x10000:
            chars[key] = value if isinstance(value, str) else chr(value)
    return "".join(chars)


@lru_cache(maxsize=1)
def _astral_table() -> dict[int, int | str]:
    return {k: v for k, v in _one_pass_table().items() if k >= 0x10000}


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _one_pass(text: str) -> str:
    """``text.translate(_one_pass_table())``, faster. No value of the table is an astral key, so
    the second pass changes only the astral characters of ``text`` itself."""
    out = text.translate(_bmp_table())
    return out.translate(_astral_table()) if _ASTRAL.search(text) else out


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII (１３５０ → 1350, ，→ ,), 1:1 in length."""
    return text.translate(_WIDTH)


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC t2s), e.g. 城鄉低保標準 → 城乡低保标准."""
    return _t2s().convert(text)


# 元/人?月: a converter that could not write the middle dot of a unit left a question mark, which
# would end the sentence; it is read as the dot (one character for one: spans are unchanged)
_LOST_DOT = re.compile(r"(?<=人)\?(?=[月年])")


def _lost_dots(text: str) -> str:
    return _LOST_DOT.sub("·", text) if "?" in text else text


def normalize(text: str, *, phrases: bool = False) -> Normalized:
    """Simplified characters and ASCII forms, with a map back to ``text``.

    By default characters are converted one for one with OpenCC's character table (fast; the map is
    the identity). With ``phrases=True`` OpenCC converts phrase by phrase; where that changes a
    line's length the line is converted again character by character so the one-to-one map holds,
    and only if a single character converts to several does the offset table come into play.
    """
    if not phrases:
        return repair(Normalized(_lost_dots(_one_pass(text)), text))
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
    norm = _lost_dots(to_halfwidth("".join(out)))
    if offsets is not None:
        offsets.append(len(text))
        return repair(Normalized(norm, text, tuple(offsets)))
    return repair(Normalized(norm, text))


# --- text-level repairs of what real pages contain ---------------------------------------------

# Online traditional-character converters insert the pinyin of every character they were unsure of:
# 標(biāo)準(zhǔn), 數(shù). The bracket holds lower-case letters with at least one tone mark, right
# after a CJK character; no report writes a toned syllable in brackets for any other reason.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(rf"\((?<=[\u4e00-\u9fff]\()(?=[a-zü{_TONED}]{{0,6}}[{_TONED}])"
                     rf"[a-zü{_TONED}]{{1,7}}\)")
# Pages wrapped at a fixed width break a figure from its unit (发放保障金1389\n万元): a line break
# between a digit and a unit character is not a boundary. (Table cells on their own lines end in
# a digit and begin the next cell with a label, never with a bare unit character followed by text
# of the same row, so they are not joined: 万人 on a line of its own is kept — see the lookahead.)
# (Each break pattern consumes the character before the break and captures the break as group 1:
# a leading character class lets the regex engine skip ahead, where a leading lookbehind is tried
# at every position of the page.)
_UNIT_AFTER_BREAK = re.compile(r"(?:万|亿)?(?:元|人|户|名)(?![ \t]*\r?\n)")
_BROKEN_UNIT = re.compile(rf"\d([ \t]*\r?\n[ \t]*)(?={_UNIT_AFTER_BREAK.pattern})")
# The same wrap falls between a cue that needs a figure and the figure (提高到每人每月\n620元,
# 标准为\n580元/月): a line ending in a per-person period word or a raise/level verb, followed by a
# line opening with a figure and its 元, is one sentence. (A table row never ends in such a cue:
# its cells end in a label or a figure.)
_CUE_WORDS_BEFORE_BREAK = ("每月", "每年", "人均")
_CUE_CHARS_BEFORE_BREAK = "为到至达于"
_FIGURE_AFTER_BREAK = re.compile(r"\d[\d.,]{0,12}[ \t]*(?:万|亿)?元")
_BROKEN_CUE = re.compile(rf"(?:{'|'.join(_CUE_WORDS_BEFORE_BREAK)}|[{_CUE_CHARS_BEFORE_BREAK}])"
                         rf"([ \t]*\r?\n[ \t]*)(?={_FIGURE_AFTER_BREAK.pattern})")
# Pages that set each clause on a line of its own (PDF copies, bulleted lists) end the line with the
# clause's comma or 、: a sentence never ends in one, so the break after it is no boundary.
_CLAUSE_WRAP = re.compile(r"[,、](?<=[\u4e00-\u9fff\d)][,、])([ \t]*\r?\n[ \t]*)(?=[^\s|])")
# A thin or narrow no-break space between digit groups (1 350) is a thousands separator.
_THIN_SPACE = re.compile(r"(?<=\d)[\u2009\u202f\u2006](?=\d{3}(?!\d))")
# Pages saved from fixed-width text wrap a paragraph mid-word (保障48名孤\n儿基本生活权益): a line
# break inside a long line's sentence, between two characters of running text, is no boundary.
_WRAP = re.compile(r"[\u4e00-\u9fff\d,、]([ \t]*\r?\n)(?=[\u4e00-\u9fff,、])")
_WRAP_MIN_LINE = 40
# A short line may still break inside a word of the vocabulary (城市低\n保标准, 標\n(biāo)準,
# 提高\n到): a break between two CJK characters that a programme word, 标准 or a raise verb spans
# is no boundary, whatever the line's length (two lines rarely meet inside such a word by chance).
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_PINYIN_LEAD = re.compile(r"\([a-zü" + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ" + r"]{1,7}\)")
_SPLIT_WORD_REACH = 6


_split_words: re.Pattern | None = None


def _word_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of line breaks that fall inside a cue word (see above)."""
    global _split_words
    if _split_words is None:
        from .cues import PROGRAMME_RE, SPLIT_WORD_RE

        _split_words = re.compile(f"{SPLIT_WORD_RE.pattern}|{PROGRAMME_RE.pattern}")
    out = []
    pos = text.find("\n")
    while pos >= 0:  # a scan for the literal break is much cheaper than a lookbehind regex
        a, b, pos = pos, pos + 1, text.find("\n", pos + 1)
        while a > 0 and text[a - 1] in " \t\r":
            a -= 1
        while b < len(text) and text[b] in " \t":
            b += 1
        if not (a > 0 and _CJK_CHAR.match(text, a - 1) and (
                text.startswith("(", b) or _CJK_CHAR.match(text, b))):
            continue
        left = text[max(0, a - _SPLIT_WORD_REACH):a]
        right = text[b:b + _SPLIT_WORD_REACH]
        if right.startswith("("):
            right = _PINYIN_LEAD.sub("", text[b:b + 3 * _SPLIT_WORD_REACH], count=1)
        window, cut = left + right[:_SPLIT_WORD_REACH], len(left)
        if any(w.start() < cut < w.end() for w in _split_words.finditer(window)):
            out.append((a, b))
    # PDF copies also space the characters of a word apart (调 整为每人每月990元): one space
    # between two characters that follow each other inside a cue word is no gap either
    pairs = _split_word_pairs()
    pos = text.find(" ")
    while pos >= 0:
        a, b, pos = pos, pos + 1, text.find(" ", pos + 1)
        if 0 < a and b < len(text) and text[a - 1] + text[b] in pairs:
            out.append((a, b))
    return out


@lru_cache(maxsize=1)
def _split_word_pairs() -> frozenset[str]:
    """Pairs of characters that follow each other inside a cue word of SPLIT_WORD_RE (a plain
    alternation of words) or a programme's main names: 调整 → 调整, 整为, …"""
    from .cues import SPLIT_WORD_RE

    words = SPLIT_WORD_RE.pattern.split("|") + ["最低生活保障", "低保", "特困", "五保", "孤儿",
                                                 "高龄", "残疾人", "临时救助", "医疗救助"]
    return frozenset(w[i:i + 2] for w in words for i in range(len(w) - 1))
# Content farms inject gambling spam into copied reports, often mid-sentence and in title brackets:
# 不低《澳洲幸运5开奖结果查询官网》于5%. A bracketed title holding a spam word is cut out (the number
# inside it is no figure, and it breaks the words around it).
_SPAM = re.compile(r"[《【][^《》【】\n]{0,40}?(?:开奖|彩票|博彩|娱乐城|赌场|棋牌|时时彩|六合彩|百家乐|"
                   r"葡京|官网|投注|平台注册|彩金|真人|老虎机|金沙|威尼斯人|电子游艺)"
                   r"[^《》【】\n]{0,40}?[》】]")
_SENTENCE_STOP = re.compile(r"[。!?]\s*$")
# Pages saved from a fixed-width view (plain-text mirrors, PDF copies) break *every* line at the
# same width, whatever character falls there (城市低保标准由每人每月4\n80元): a document whose lines
# mostly share one length is wrapped, and a break after a line of that length is no boundary.
_LINE = re.compile(r"[^\n]*\n")
_FIXED_MIN_LINES = 3
_FIXED_MIN_WIDTH = 12
_FIXED_SHARE = 0.6
_FIXED_WIDE = 20
_FIXED_WIDE_SHARE = 0.35


_SPACED_FIGURE = re.compile(r"(?:^|(?<=[ \t]))-?\d[\d,.]*(?=[ \t]|$)")


def _is_spaced_row(line: str) -> bool:
    """A line of space-separated cells holding at least two figures (a table row)."""
    return (" " in line or "\t" in line) and len(_SPACED_FIGURE.findall(line)) >= 2


def _running_text(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in ",、"


# The joins above are tested at each line break rather than searched for over the page: a page
# holds a few thousand breaks among a million characters, so one scan for "\n" replaces four regex
# scans of every character. The patterns stay the definitions (they share their pieces with the
# scan; a test checks the two agree).
def _break_joins(text: str) -> list[tuple[int, int]]:
    """The spans of the line breaks _BROKEN_UNIT, _BROKEN_CUE, _CLAUSE_WRAP and _WRAP join (each
    the pattern's group 1), found from the breaks themselves."""
    out = []
    n = len(text)
    p = text.find("\n")
    while p >= 0:
        a = p - 1 if p and text[p - 1] == "\r" else p
        while a > 0 and text[a - 1] in " \t":
            a -= 1
        b = p + 1
        while b < n and text[b] in " \t":
            b += 1
        if a:
            c = text[a - 1]
            if c.isdecimal() and _UNIT_AFTER_BREAK.match(text, b):
                out.append((a, b))  # _BROKEN_UNIT: 发放保障金1389\n万元
            if (c in _CUE_CHARS_BEFORE_BREAK or text.endswith(_CUE_WORDS_BEFORE_BREAK, 0, a)) \
                    and _FIGURE_AFTER_BREAK.match(text, b):
                out.append((a, b))  # _BROKEN_CUE: 提高到每人每月\n620元
            if c in ",、" and a >= 2 and ("\u4e00" <= text[a - 2] <= "\u9fff"
                                          or text[a - 2].isdecimal() or text[a - 2] == ")") \
                    and b < n and not text[b].isspace() and text[b] != "|":
                out.append((a, b))  # _CLAUSE_WRAP: a clause per line
            if (_running_text(c) or c.isdecimal()) and p + 1 < n and _running_text(text[p + 1]):
                # _WRAP: a long line of running text broken mid-sentence (a table row is a line
                # of its own, however long: cells between bars or tabs, or spaced figures)
                line_start = text.rfind("\n", 0, a) + 1
                if a - line_start >= _WRAP_MIN_LINE and \
                        not _SENTENCE_STOP.search(text, line_start, a) and \
                        not _is_table_line(text[line_start:a]):
                    out.append((a, p + 1))
        p = text.find("\n", p + 1)
    return out


def _is_table_line(line: str) -> bool:
    """A line of table cells: bars, tabs, or space-separated figures (see _is_spaced_row)."""
    return "|" in line or "\t" in line or _is_spaced_row(line)


def _fixed_width_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the line breaks of a fixed-width wrap (see above); [] for other texts.

    Lines holding a table rule (|) never count, nor lines of space-separated cells with two or
    more figures (1302 唐山市 2443.39 46424.4 19): a table's rows are lines of their own."""
    lines = text.split("\n")[:-1]  # the text after the last break is no wrapped line
    widths = [len(line.rstrip("\r")) if "|" not in line and not _is_spaced_row(line) else 0
              for line in lines]
    body = Counter(w for w in widths if w)
    total = sum(body.values())
    if total < _FIXED_MIN_LINES:
        return []
    width, n = max(body.items(), key=lambda item: (item[1], -item[0]))
    # short paragraphs end in short lines, so a wide wrap of them is shared by fewer lines: the
    # widest lines, at least three of them, wide enough to be running text
    if width < _FIXED_MIN_WIDTH or n < _FIXED_SHARE * total and not (
            width == max(body) and width >= _FIXED_WIDE and n >= _FIXED_MIN_LINES
            and n >= _FIXED_WIDE_SHARE * total):
        return []
    cuts, pos = [], 0
    for line, w in zip(lines, widths):
        b = pos + len(line) + 1  # just after this line's break
        if w == width and b < len(text):
            cuts.append((b - 1 - line.endswith("\r"), b))
        pos = b
    return cuts


# Encyclopaedia and reposted pages keep their reference marks inside sentences (其中中央财政补助资金[3]
# 439.1亿元): a bracketed note number after a word is no part of the sentence, and left in place
# it would cut the figure's clause from its words.
_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff])\[\d{1,2}\](?=[\u4e00-\u9fff\d])")


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
    if "\n" in text:
        cuts.extend(_break_joins(text))
        cuts.extend(_fixed_width_breaks(text))
        cuts.extend(_word_breaks(text))
    elif " " in text:
        cuts.extend(_word_breaks(text))  # spaces inside a cue word (调 整为)
    # lines are joined first, so a converter's pinyin or a spam title cut by a wrap is whole
    joined = _cut(norm, text, cuts)
    text = joined.text
    cuts = []
    if "(" in text:
        cuts.extend(m.span() for m in _PINYIN.finditer(text))
    if "《" in text or "【" in text:
        cuts.extend(m.span() for m in _SPAM.finditer(text))
    if "[" in text:
        cuts.extend(m.span() for m in _FOOTNOTE.finditer(text))
    return _cut(joined, text, cuts)


def _cut(norm: Normalized, text: str, cuts: list[tuple[int, int]]) -> Normalized:
    """``text`` (``norm``'s text, maybe with one-for-one replacements) without the ``cuts``, its
    offsets still mapping into ``norm.original``."""
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
