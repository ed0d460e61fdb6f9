#!/usr/bin/env python3
"""Score the extractor on the real-text development set, split into a dev and a held part.

usage: python benchmarks/devset.py [--devset FILE] [--part dev|held|all] [--show N]

The split is by the parity of the excerpt id's numeric part: **even ids (dA002, dB040 …) are the
dev part** — rules are developed against them — and **odd ids are the held part**, which is only
scored. For the held part this script prints aggregate and per-indicator counts only, never a
text, a miss or a false positive (``--show`` is refused for it), so looking at the score cannot
leak what the rules get wrong there.

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
    ap.add_argument("--part", choices=("dev", "held", "all"), default="dev")
    ap.add_argument("--show", type=int, default=0, help="dev part only: misses and FPs to list")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    a = ap.parse_args()
    if a.show and a.part != "dev":
        raise SystemExit("--show lists misses of the dev part only: the held part is only scored")
    sf = load_scorer()
    rows = [json.loads(line) for line in a.devset.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if a.part != "all":
        rows = [r for r in rows if part_of(r["id"]) == a.part]
    s = score(rows, predict(rows), sf)
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
