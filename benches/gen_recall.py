#!/usr/bin/env python3
"""Per-rule recall and precision of figmine's findings on a generated corpus.

Usage: benches/gen_recall.py CORPUS OUT   (after `figmine gen --out CORPUS` and
`figmine run CORPUS/articles --out OUT`). Copies are left out of recall (they repeat an original).
"""
import json, sys
from collections import defaultdict

corpus, out = sys.argv[1], sys.argv[2]
truth = [json.loads(l) for l in open(f"{corpus}/truth.jsonl")]
planted = {t["id"]: set(t["findings"]) for t in truth}
findings = [json.loads(l) for l in open(f"{out}/findings.jsonl")]
hit = defaultdict(set)  # rule -> article ids with a finding of that rule
for f in findings:
    ids = [f["article"]] if f["article"] else f["articles"]
    for i in ids:
        hit[f["rule"]].add(i)
rules = sorted({r for t in truth for r in t["findings"]} | set(hit))
print(f"{'rule':18} {'planted':>7} {'found':>5} {'recall':>6} {'flagged':>7} {'right':>5} {'precision':>9}")
for rule in rules:
    originals = [t["id"] for t in truth if t["duplicate_of"] is None and rule in t["findings"]]
    found = sum(1 for i in originals if i in hit[rule])
    flagged = hit[rule]
    right = sum(1 for i in flagged if rule in planted.get(i, ()))
    if rule == "cross_document":  # per finding: right when some article involved has a plant
        flagged = [f for f in findings if f["rule"] == rule]
        right = sum(1 for f in flagged if any(planted.get(i) for i in f["articles"]))
    rec = found / len(originals) if originals else float("nan")
    prec = right / len(flagged) if flagged else float("nan")
    print(f"{rule:18} {len(originals):7} {found:5} {rec:6.2f} {len(flagged):7} {right:5} {prec:9.2f}")
