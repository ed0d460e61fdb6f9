"""Decoding, page chrome and normalisation with an offset map (mzanalysis.text.normalize)."""
from __future__ import annotations

import codecs

import pytest

from mzanalysis.errors import DataError
from mzanalysis.text.normalize import (content_ranges, decode, html_to_text, normalize,
                                       to_halfwidth, to_simplified)

SIMPLE = "城乡低保标准分别提高到月人均241元和年人均1350元。"
TRAD = "城鄉低保標準分別提高到月人均241元和年人均1350元。"


@pytest.mark.parametrize("encoding,text", [
    ("utf-8", SIMPLE), ("utf-8-sig", SIMPLE), ("gb18030", SIMPLE), ("gbk", SIMPLE),
    ("big5", TRAD), ("utf-16", SIMPLE), ("utf-16-le", SIMPLE), ("utf-16-be", SIMPLE),
    ("utf-8", TRAD), ("gb18030", TRAD)])
def test_decode_detects_encoding(encoding, text):
    body = (text + "\n") * 3
    assert decode(body.encode(encoding), name="x.txt").lstrip("\ufeff") == body


def test_decode_keeps_utf16_bom_text_exact():
    data = codecs.BOM_UTF16_LE + SIMPLE.encode("utf-16-le")
    assert decode(data) == SIMPLE


@pytest.mark.parametrize("data,problem", [
    (b"", "empty"), (b"   \n\t ", "no text"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    (bytes(range(256)) * 4, "binary")])
def test_decode_rejects_bad_bytes_naming_the_file(data, problem):
    with pytest.raises(DataError, match=rf"bad\.txt: .*{problem}"):
        decode(data, name="bad.txt")


def test_normalize_converts_and_keeps_offsets():
    original = "農村低保標準為每人每年５，２００元（原為４８００元）"
    norm = normalize(original)
    assert norm.text == "农村低保标准为每人每年5,200元(原为4800元)"
    i = norm.text.index("5,200")
    start, end = norm.span(i, i + 5)
    assert original[start:end] == "５，２００"


def test_halfwidth_and_simplified_are_one_to_one():
    assert to_halfwidth("１２３，４５６％") == "123,456%"
    assert len(to_simplified(TRAD)) == len(TRAD)
    assert to_simplified(TRAD) == SIMPLE


def test_content_ranges_skip_chrome_and_watermarks():
    text = ("您好,欢迎访问某某文档网\n当前位置:首页 > 工作总结\n某县民政局2022年工作总结\n"
            "仅供学习 禁止外传\n城市低保标准提高到每人每月680元。\n"
            "某某文库\n某某文库\n某某文库\n本文标题:某县民政局2022年工作总结\n")
    kept = "".join(text[a:b] for a, b in content_ranges(text))
    assert kept == "某县民政局2022年工作总结\n城市低保标准提高到每人每月680元。\n"


def test_html_to_text_drops_navigation_scripts_and_footer():
    html = ("<html><head><title>某市民政局2023年工作总结</title><script>var a=1;</script></head>"
            "<body><div class='nav'>首页 | 政务公开</div><div id='content'><p>城市低保标准"
            "达到每人每月800元。</p><p>农村低保标准达到每人每年7200元。</p></div>"
            "<div class='footer'>版权所有 某市民政局</div></body></html>")
    text = html_to_text(html)
    assert text.splitlines() == ["某市民政局2023年工作总结", "城市低保标准达到每人每月800元。",
                                 "农村低保标准达到每人每年7200元。"]


def test_the_fast_one_pass_translation_equals_the_table():
    # the BMP string table and the astral dict together map every character as the one table does
    import random

    from mzanalysis.text.normalize import _one_pass, _one_pass_table

    table = _one_pass_table()
    keys = "".join(map(chr, table))
    values = "".join(v if isinstance(v, str) else chr(v) for v in table.values())
    rng = random.Random(7)
    noise = "".join(chr(rng.randrange(0x20, 0x30000)) for _ in range(20000))
    for text in (keys, values, noise, "城鄉低保標準１３５０元，𠉂㑮"):
        assert _one_pass(text) == text.translate(table)


def test_the_line_break_scan_joins_what_the_four_patterns_join():
    # _break_joins tests each line break; the patterns _BROKEN_UNIT, _BROKEN_CUE, _CLAUSE_WRAP and
    # _WRAP are the definitions of what it joins: both agree on seeded random pages dense in
    # breaks, spaces, carriage returns, cue words, figures, units and long lines
    import random

    from mzanalysis.text import normalize as N

    def by_patterns(text):
        cuts = [m.span(1) for rx in (N._BROKEN_UNIT, N._BROKEN_CUE, N._CLAUSE_WRAP)
                for m in rx.finditer(text)]
        for m in N._WRAP.finditer(text):
            a = m.start(1)
            line_start = text.rfind("\n", 0, a) + 1
            if a - line_start >= N._WRAP_MIN_LINE and not N._SENTENCE_STOP.search(
                    text, line_start, a) and not N._is_table_line(text[line_start:a]):
                cuts.append(m.span(1))
        return sorted(cuts)

    rng = random.Random(5)
    short = "低保标准元人户万亿,、。为到至达于每月年人均123456789 \t\r\n\n\n|)(字"
    long_lines = "低保标准元人户字词,、 5\n"
    pages = ["".join(rng.choice(short) for _ in range(rng.randint(1, 400))) for _ in range(2000)]
    pages += ["".join(rng.choice(long_lines) for _ in range(rng.randint(50, 300)))
              for _ in range(500)]
    pages += ["发放保障金1389\n万元,提高到每人每月\n620元,城市低保,\n农村低保" + "字" * 40 + "\n保标准"]
    joined = 0
    for page in pages:
        found = sorted(N._break_joins(page))
        assert found == by_patterns(page), page
        joined += len(found)
    assert joined > 1000  # the pages do exercise the joins
