"""Throughput of report extraction over the seed corpus repeated to at least 5 MB.

usage: python benchmarks/extract.py [--seeds DIR] [--min-mb 5]

Times the whole job — normalisation (traditional→simplified, full-width→ASCII), page-chrome
detection, region/year from the title, numbers, fact rules, plausibility checks and the DataFrame
— document by document, and prints characters per second. When JioNLP is installed (the optional
``nlp`` extra), its ``ner.extract_money`` runs over the same documents in the same process and the
ratio ours / JioNLP is printed (JioNLP only finds money amounts; it does not do the rest).

Times are CPU seconds of this process (``time.process_time``), the best of ``--repeat`` runs for
each side: the machine is shared, and wall-clock time measured other people's jobs as much as
ours (the same build gave ratios from 0.7 to 1.4 in one afternoon).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(seeds: Path, min_bytes: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed texts in {seeds}")
    docs, size = [], 0
    while size < min_bytes:
        for t in texts:
            docs.append(t)
            size += len(t.encode("utf-8"))
    return docs


def timed(fn, docs, repeat: int = 1) -> float:
    """Best CPU time over ``repeat`` runs of ``fn`` on every document."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for d in docs:
            fn(d)
        best = min(best, time.process_time() - start)
    return best


#: Characters of civil-affairs reporting and of table layout, drawn at random for a junk page.
JUNK_ALPHABET = ("低保标准元人户万亿,。、0123456789城乡提高到由分别其中|\n()abc每月年特困五保孤儿高龄残疾"
                 "临时救助;:对象发放支出资金 \t")


def junk_pages(size: int = 1_000_000) -> list[tuple[str, str]]:
    """(name, text) of 1 MB pages of junk: the test suite's junk line repeated, a seeded random
    draw from :data:`JUNK_ALPHABET` (dense in figures and programme words), a single word, and a
    per-person amount repeated (every figure a candidate of the learned reader)."""
    import random

    rng = random.Random(11)
    line = "低保标准元人户万亿,。、0123456789城乡提高到由分别其中|\n()abc"
    return [("repeated junk line", (line * (size // len(line) + 1))[:size]),
            ("random civil-affairs characters", "".join(rng.choice(JUNK_ALPHABET)
                                                         for _ in range(size))),
            ("one word repeated", ("低保" * size)[:size]),
            ("per-person amount repeated", ("每人每月500元," * (size // 9 + 1))[:size])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--min-mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3, help="runs per side; the best is kept")
    a = ap.parse_args()
    if a.repeat < 1:
        raise SystemExit(f"--repeat must be at least 1, not {a.repeat}")

    from mzanalysis.text.extract import extract_records, facts_frame

    docs = corpus(a.seeds, int(a.min_mb * 1024 * 1024))
    chars = sum(map(len, docs))
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1024 / 1024
    print(f"corpus: {len(docs)} documents, {chars:,} characters, {mb:.1f} MB (UTF-8)")
    # load OpenCC tables, cn2an, pandas and the region registry once, outside the timing
    facts_frame([r for d in dict.fromkeys(docs) for r in extract_records(d, doc="warm-up")])
    ours, table = float("inf"), None
    for _ in range(a.repeat):
        start = time.process_time()
        records = [r for i, d in enumerate(docs) for r in extract_records(d, doc=f"doc{i}")]
        table = facts_frame(records)  # one fact table for the batch, as `mzanalysis extract` builds
        ours = min(ours, time.process_time() - start)
    print(f"mzanalysis extract (records + fact table): {ours:.2f} s, {chars / ours:,.0f} chars/s, "
          f"{len(table):,} facts")
    # a page of junk must finish, and fast: every rule is linear in its sentence
    for name, page in junk_pages():
        print(f"1 MB page, {name}: {timed(extract_records, [page]):.2f} s")
    try:
        import jionlp
    except ImportError:
        print("jionlp not installed (pip install 'mzanalysis[nlp]'): no comparison")
        return
    for d in dict.fromkeys(docs):
        jionlp.ner.extract_money(d)
    theirs = timed(jionlp.ner.extract_money, docs, a.repeat)
    print(f"jionlp.ner.extract_money: {theirs:.2f} s, {chars / theirs:,.0f} chars/s")
    print(f"ratio (ours / jionlp throughput): {theirs / ours:.2f}x")


if __name__ == "__main__":
    main()
