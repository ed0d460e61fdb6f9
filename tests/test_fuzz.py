"""Seeded fuzzing of report reading and extraction (issue 14): damaged, re-encoded and hostile input.

Every case goes through the same path as ``mzanalysis extract``: a file on disk, then
:func:`mzanalysis.loaders.reports.extract_reports`. A case passes when no exception escapes (a
file that cannot be read is one ``ReportError`` naming it), it finishes inside a generous time
budget (a hang or a quadratic blow-up, not a speed target), every fact's span quotes the decoded
text, and — for one flipped byte — most of the document's facts survive.

The seed reports in ../shared/seeds are mutated when present (skipped cleanly otherwise); the
self-made reports below run everywhere.
"""
from __future__ import annotations

import codecs
import json
import random
import statistics
import time
from collections import Counter
from pathlib import Path

import pytest

from mzanalysis.loaders.reports import extract_reports, load_reports

#: Seconds one case may take (a 2-core machine shared with other work; hangs take minutes).
BUDGET_S = 10.0

OWN_REPORTS = [
    "青海省民政厅2020年工作总结\n一、社会救助\n城市低保标准由每人每月650元提高到700元，"
    "农村低保标准提高到每人每年5000元。全省城乡低保对象共35.6万人，其中城市低保对象8.2万人。"
    "全年发放城乡低保资金18.3亿元。特困人员救助供养3.1万人，集中供养标准每人每年12000元。\n"
    "二、临时救助\n全年实施临时救助5.2万人次，支出临时救助资金2.1亿元。\n",
    "某市民政局2022年工作总结\n（一）兜底保障。城市低保标准达到每人每月800元，农村低保标准达到"
    "每人每年7200元。截至年底，全市有城市低保对象12345人、农村低保对象23456人，累计发放低保金"
    "3.2亿元。\n（二）养老服务。高龄津贴每人每月100元。\n",
    "甘肅省民政廳2019年工作總結\n城鄉低保標準分別提高到月人均560元和年人均4000元，"
    "全省農村低保對象共有120萬人，發放低保資金45.6億元。\n",
]


# Work reports are mostly prose around a few figures; these paragraphs (no figures) give the
# self-made reports that shape, so "share of facts kept after one flipped byte" means what it
# means on a real report.
_PROSE = ("坚持以人民为中心的发展思想，认真贯彻落实党中央、国务院关于社会救助工作的决策部署，"
          "健全分层分类的社会救助体系，推进社会救助制度城乡统筹，加强困难群众基本生活保障，"
          "规范低保对象认定条件和办理程序，落实社会救助家庭经济状况核对机制，强化监督检查，"
          "切实做到应保尽保、应退尽退，推动社会救助工作高质量发展。\n")


def _padded(report: str) -> str:
    head, _, body = report.partition("\n")
    return head + "\n" + _PROSE * 3 + body + _PROSE * 3


def _seed_texts() -> list[str]:
    from tests.conftest import SHARED

    folder = SHARED / "seeds"
    if not folder.is_dir():
        return []
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]


def _run(tmp_path: Path, name: str, data: bytes):
    """(facts, errors, seconds) for one file holding ``data``; fails the test on an exception."""
    path = tmp_path / name
    path.write_bytes(data)
    t0 = time.perf_counter()
    try:
        facts, errors = extract_reports([path], frame=False)
    finally:
        path.unlink()
    seconds = time.perf_counter() - t0
    assert seconds < BUDGET_S, f"{name}: {seconds:.1f} s"
    assert all(str(path) in str(e) for e in errors), errors
    return facts, errors, seconds


def _spans_exact(data: bytes, name: str, facts, tmp_path: Path) -> None:
    """Every fact's text is the document's text at its span (the document as decoded)."""
    if not facts:
        return
    path = tmp_path / name
    path.write_bytes(data)
    docs, _ = load_reports([path])
    path.unlink()
    text = docs[0].text
    for f in facts:
        assert text[f["span_start"]:f["span_end"]] == f["text"], f


def _key(f) -> tuple:
    return f["indicator"], f["area"], f["variant"], f["value"], f["unit"]


def _kept(before, after) -> float:
    b, a = Counter(map(_key, before)), Counter(map(_key, after))
    return sum((b & a).values()) / sum(b.values())


def _mutations(rng: random.Random, data: bytes):
    """(label, bytes) mutations of one UTF-8 report: flips, cuts, control characters, NULs."""
    for _ in range(4):
        buf = bytearray(data)
        for _ in range(rng.randint(2, 50)):
            i = rng.randrange(len(buf))
            buf[i] = rng.choice([b for b in range(256) if b != buf[i]])
        yield "flips", bytes(buf)
    for _ in range(3):
        yield "cut", data[:rng.randrange(1, len(data))]
    for _ in range(2):
        i = rng.randrange(len(data))
        yield "nul", data[:i] + b"\x00" + data[i:]
        yield "control", data[:i] + bytes([rng.choice([1, 7, 8, 27, 127])]) + data[i:]
        yield "bom-mid", data[:i] + codecs.BOM_UTF8 + data[i:]


def _encodings(text: str):
    for enc in ("utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"):
        yield enc, text.encode(enc)


def _one_byte_flips(rng: random.Random, data: bytes, n: int):
    for _ in range(n):
        buf = bytearray(data)
        i = rng.randrange(len(buf))
        buf[i] = rng.choice([b for b in range(256) if b != buf[i]])
        yield bytes(buf)


def _check_corpus(texts: list[str], tmp_path: Path, flips_per_text: int) -> tuple[int, list[float]]:
    rng = random.Random(14)
    cases, shares = 0, []
    for k, text in enumerate(texts):
        data = text.encode("utf-8")
        before, errors, _ = _run(tmp_path, f"r{k}.txt", data)
        assert not errors
        for label, mutated in _mutations(rng, data):
            facts, _, _ = _run(tmp_path, f"r{k}-{label}.txt", mutated)
            _spans_exact(mutated, f"r{k}-{label}.txt", facts, tmp_path)
            cases += 1
        for enc, encoded in _encodings(text):
            facts, errors, _ = _run(tmp_path, f"r{k}.txt", encoded)
            assert not errors, (enc, errors)  # every re-encoding decodes, BOM or not
            assert Counter(map(_key, facts)) == Counter(map(_key, before)), enc
            cases += 1
        for mutated in _one_byte_flips(rng, data, flips_per_text):
            facts, errors, _ = _run(tmp_path, f"r{k}-flip.txt", mutated)
            assert not errors, errors  # one bad byte never loses the report
            if before:
                shares.append(_kept(before, facts))
            cases += 1
    return cases, shares


def test_fuzz_own_reports(tmp_path):
    cases, shares = _check_corpus([_padded(r) for r in OWN_REPORTS], tmp_path,
                                   flips_per_text=25)
    assert cases >= 100
    assert statistics.median(shares) >= 0.95, sorted(shares)[:10]


def test_fuzz_seed_reports(tmp_path):
    texts = _seed_texts()
    if not texts:
        pytest.skip("../shared/seeds not found")
    cases, shares = _check_corpus(texts, tmp_path, flips_per_text=20)
    assert cases >= 150
    assert statistics.median(shares) >= 0.95, sorted(shares)[:10]


def test_fuzz_hostile_shapes(tmp_path):
    """Long list sentences, deep and wide HTML, odd JSONL: an answer or one clear error each."""
    rng = random.Random(15)
    cases = [
        ("list.txt", ("低保对象" + "1人、" * 3000 + "。").encode()),
        ("list2.txt", ("城市低保标准" + "每人每月100元、" * 1500 + "。").encode()),
        ("range.txt", ("标准" + "100-200元至" * 1500 + "。").encode()),
        ("wide.html", ("<html><body>" + "<p>城市低保标准每人每月700元。</p>" * 5000
                       + "</body></html>").encode()),
        ("deep.html", ("<html><body>" + "<div>" * 20000 + "<p>城市低保标准每人每月700元。</p>"
                       + "</div>" * 20000 + "</body></html>").encode()),
        ("unclosed.html", ("<html><body>" + "<div><span><p>城市低保标准每人每月700元。" * 2000)
         .encode()),
        ("chrome.html", b"<html><head><title>T</title><meta charset='big5'></head><body>"
         b"<script>var a='\xe5\x9f\x8e\xe5\xb8\x82 700\xe5\x85\x83';</script><![CDATA[x]]>"
         b"<div class='footer'>\xe7\x89\x88\xe6\x9d\x83</div></body></html>"),
        ("deep.jsonl", b"[" * 100000 + b"]" * 100000 + b"\n"),
        ("surrogate.jsonl", b'{"id": "a", "text": "\\ud800 \xe5\x9f\x8e 700\xe5\x85\x83"}\n'),
        ("surrogate-id.jsonl", b'{"id": "\\udfff", "text": "x"}\n'),
        ("list.jsonl", b'[1, 2, 3]\n'),
        ("null.jsonl", b'{"id": null, "text": null}\n'),
        ("dupe.jsonl", b'{"id": "a", "id": "b", "text": "\xe5\x9f\x8e"}\n'),
        ("huge-id.jsonl", json.dumps({"id": "x" * 100000, "text": "城市低保标准每人每月700元。"})
         .encode()),
        ("binary.txt", bytes(rng.randrange(256) for _ in range(4000))),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50),
        ("empty.txt", b""),
        ("bom-only.txt", codecs.BOM_UTF8),
        ("nul-only.txt", b"\x00" * 100),
        ("tiny.htm", bytes(rng.randrange(256) for _ in range(3))),
    ]
    for _ in range(30):  # random JSONL lines: valid and broken objects, odd types
        obj = rng.choice([{"id": rng.random(), "text": "城市低保标准每人每月700元。"},
                          {"text": "无id"}, [], "str", 1e308, {"id": "a", "text": ["list"]}])
        line = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.3:
            line = line[:rng.randrange(len(line) + 1)]
        cases.append((f"odd{_}.jsonl", (line + "\n").encode()))
    for name, data in cases:
        facts, errors, _ = _run(tmp_path, name, data)
        if name.endswith((".txt", ".html", ".htm")):
            _spans_exact(data, name, facts, tmp_path)
    assert len(cases) >= 50
