#!/usr/bin/env python3
"""Score the extractor on the real-text development set, split into a dev and a held part.

usage: python benchmarks/devset.py [--devset FILE] [--part dev|held|all|inner-train|inner-test]
                                  [--show N] [--perturb]

The split is by the parity of the excerpt id's numeric part: **even ids (dA002, dB040 …) are the
dev part** — rules are developed against them — and **odd ids are the held part**, which is only
scored. For the held part this script prints aggregate and per-indicator counts only, never a
text, a miss or a false positive (``--show`` is refused for it), so looking at the score cannot
leak what the rules get wrong there.

Inside the dev part, ``inner-train`` (id % 4 == 0) and ``inner-test`` (id % 4 == 2) split it again,
so a rule can be checked to help the excerpts it was not written from as much as those it was.
``--perturb`` re-scores the chosen part with the page artefacts real pages add to the same text —
a fixed-width wrap, one clause per line, figures spaced from their units, table cells
separated by tabs, converter pinyin,
traditional characters, full-width punctuation — a measure of how far the rules rest on the
layout of the excerpts rather than on their sentences (refused for the held part, like --show).

Scoring is ``../shared/tools/score_facts.py``'s own (imported, not copied), so the numbers are the
ones the issue reports.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def part_of(excerpt_id: str) -> str:
    """'dev' for an even numeric id part, 'held' for an odd one (the documented split rule)."""
    m = re.search(r"(\d+)$", excerpt_id)
    if m is None:
        raise ValueError(f"excerpt id without a numeric part: {excerpt_id!r}")
    return "dev" if int(m.group(1)) % 2 == 0 else "held"


def in_part(excerpt_id: str, part: str) -> bool:
    """Whether an excerpt belongs to ``part`` (dev, held, all, inner-train, inner-test)."""
    if part == "all":
        return True
    if part in ("dev", "held"):
        return part_of(excerpt_id) == part
    n = int(re.search(r"(\d+)$", excerpt_id).group(1))
    return n % 4 == (0 if part == "inner-train" else 2)


def _wrap(text: str, width: int) -> str:
    return "\n".join(line[i:i + width] for line in text.split("\n")
                     for i in range(0, max(len(line), 1), width))


def _pinyin(text: str) -> str:
    # an online converter's artefact: a toned syllable in brackets after some characters
    return re.sub(r"([\u4e00-\u9fff])([\u4e00-\u9fff])", lambda m: m.group(1) + "(zhǔn)" + m.group(2)
                  if ord(m.group(1)) % 7 == 0 else m.group(0), text)


def perturbations():
    """(name, text → text) for each page artefact ``--perturb`` applies."""
    from opencc_purepy import OpenCC

    s2t = OpenCC("s2t")
    full = str.maketrans(",;:()!?", "，；：（）！？")
    return [("wrap23", lambda t: _wrap(t, 23)), ("wrap37", lambda t: _wrap(t, 37)),
            ("wrap60", lambda t: _wrap(t, 60)),
            ("clause-lines", lambda t: re.sub(r"([，,])", r"\1\n", t)),
            ("unit-spaced", lambda t: re.sub(r"(\d)(元|万|亿|人|户)", r"\1 \2", t)),
            ("tab-cells", lambda t: re.sub(r"[ \t]*\|[ \t]*", "\t", t).replace("\n\t", "\n")),
            ("pinyin", _pinyin), ("traditional", s2t.convert),
            ("full-width", lambda t: t.translate(full))]


def perturb(rows: list[dict], f) -> list[dict]:
    """The rows with ``f`` applied to each text (gold facts kept: scoring does not use spans)."""
    return [{**r, "text": f(r["text"])} for r in rows]


def load_scorer(shared: Path = SHARED):
    """The score_facts module from ``shared/tools`` (raises FileNotFoundError when absent)."""
    path = shared / "tools" / "score_facts.py"
    if not path.is_file():
        raise FileNotFoundError(path)
    spec = importlib.util.spec_from_file_location("score_facts", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(rows: list[dict]) -> list[dict]:
    """Facts the extractor reads from each excerpt's text (doc = excerpt id)."""
    from mzanalysis.text.extract import extract_records

    return [r for row in rows for r in extract_records(row["text"], doc=row["id"])]


def score(rows: list[dict], preds: list[dict], sf) -> dict:
    """Precision, recall, F1, flags and per-indicator found/gold, as score_facts computes them,
    plus (for development only) the misses and false positives."""
    gold = sf.dedupe(sf.flatten_gold(rows))
    vocab = {g["indicator"] for g in gold}
    ps = []
    for p in preds:
        if p.get("indicator") not in vocab and sf.ALIASES.get(p.get("indicator")) in vocab:
            p = {**p, "indicator": sf.ALIASES[p["indicator"]]}
        if p.get("indicator") in vocab and p.get("value") is not None:
            ps.append(p)
    ps = sf.dedupe(ps)
    docs = {str(g["doc"]) for g in gold}
    ps = [p for p in ps if str(p["doc"]) in docs]
    by_doc = defaultdict(list)
    for i, g in enumerate(gold):
        by_doc[str(g["doc"])].append(i)
    used, matched, fp = set(), {}, []
    for p in ps:
        hit = next((i for i in by_doc[str(p["doc"])] if i not in used and sf.matches(p, gold[i])),
                   None)
        if hit is None:
            fp.append(p)
            continue
        used.add(hit)
        matched[hit] = p
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    tp = [i for i in required if i in used]
    n_pred = len(ps) - sum(1 for i in used if gold[i].get("optional"))
    precision = len(tp) / n_pred if n_pred else 0.0
    recall = len(tp) / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    flagged = [i for i in required if sf.QUALITY_FLAGS & set(gold[i].get("flags") or [])]
    caught = sum(1 for i in flagged if i in matched and matched[i].get("flags"))
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for i in required:
        per[gold[i]["indicator"]][1] += 1
        if i in used:
            per[gold[i]["indicator"]][0] += 1
    for p in fp:
        per[p["indicator"]][2] += 1
    return {"precision": precision, "recall": recall, "f1": f1, "gold": len(required),
            "predicted": n_pred, "flags": (caught, len(flagged)), "per_indicator": dict(per),
            "misses": [gold[i] for i in required if i not in used], "false_positives": fp}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=SHARED / "devset" / "excerpts.jsonl")
    ap.add_argument("--part", choices=("dev", "held", "all", "inner-train", "inner-test"),
                    default="dev")
    ap.add_argument("--show", type=int, default=0, help="dev part only: misses and FPs to list")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--perturb", action="store_true",
                    help="also score the part under page artefacts (not for the held part)")
    a = ap.parse_args()
    if a.show and a.part != "dev":
        raise SystemExit("--show lists misses of the dev part only: the held part is only scored")
    if a.perturb and a.part in ("held", "all"):
        raise SystemExit("--perturb is for the dev part only: the held part is only scored")
    sf = load_scorer()
    rows = [json.loads(line) for line in a.devset.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = [r for r in rows if in_part(r["id"], a.part)]
    s = score(rows, predict(rows), sf)
    if a.perturb:
        for name, f in perturbations():
            ps = perturb(rows, f)
            p = score(ps, predict(ps), sf)
            print(f"perturbed {name:13s} P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}")
    if a.json:
        print(json.dumps({k: v for k, v in s.items() if k not in ("misses", "false_positives")}))
        return
    print(f"part {a.part}: {len(rows)} excerpts")
    print("indicator                         found/gold  false+")
    for ind in sorted(s["per_indicator"]):
        found, total, fps = s["per_indicator"][ind]
        print(f"  {ind:32s} {found:3d}/{total:<3d}     {fps:3d}")
    print(f"flags caught: {s['flags'][0]}/{s['flags'][1]}")
    print(f"precision {s['precision']:.3f} recall {s['recall']:.3f} F1 {s['f1']:.3f} "
          f"(gold {s['gold']} required, predicted {s['predicted']} scored)")
    if a.show:
        for title, key in (("missed", "misses"), ("false positives", "false_positives")):
            items = s[key]
            print(f"{title} ({len(items)}):")
            for r in items[:a.show]:
                span = r.get("span") or r.get("text")
                print(f"  {r['doc']} {r['indicator']} {r.get('area')} {r['value']} "
                      f"{r.get('unit')} {r.get('qualifier')}  «{span}»")


if __name__ == "__main__":
    sys.exit(main())
