#!/usr/bin/env python3
"""Scores figmine's figures on real news pages against a hand-labelled sample.

benches/real_figures_labels.jsonl holds 240 figures drawn at random (seed 2026) from
`figmine run ../shared/article-benchmark/html` at commit 9d47882, each judged by reading the page:
whether it is a figure at all (and if not, why: a physical unit, a score, a table cell...),
whether its number was read right, and the owner (one of figmine's organisations, or null) and
period (figmine's labels, or null) the text gives it. Labels name the figure by article id and
byte span; a figure of the run that overlaps the span is the one compared.

    figmine run ../shared/article-benchmark/html --out /tmp/real
    benches/real_figures.py /tmp/real/figures.jsonl [--list]

--list prints every labelled figure whose period differs from its label.
"""
import collections
import json
import os
import sys


def main():
    figures_path = sys.argv[1]
    listing = "--list" in sys.argv[2:]
    labels_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "real_figures_labels.jsonl")
    by_article = collections.defaultdict(list)
    with open(figures_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            by_article[row["article"]].append(row)
    c = collections.Counter()
    reasons = collections.Counter()
    with open(labels_path, encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    for label in labels:
        hit = next((r for r in by_article[label["article"]] if r["start"] < label["end"] and label["start"] < r["end"]), None)
        if not label["is_figure"]:
            c["not_figures"] += 1
            if hit is None:
                c["not_figures_dropped"] += 1
            else:
                reasons[label["not_figure_reason"].split(":")[0]] += 1
            continue
        c["figures"] += 1
        if hit is None:
            c["figures_dropped"] += 1
            continue
        c["period_right"] += hit["period"] == label["period_truth"]
        c["entity_right"] += hit["entity"] == label["entity_truth"]
        if label["period_truth"] is None:
            c["no_period"] += 1
            c["no_period_left_empty"] += hit["period"] is None
        if listing and hit["period"] != label["period_truth"]:
            print(f"{label['n']}: period {hit['period']} (label {label['period_truth']}) | {hit['sentence'][:100]}")
    kept = c["figures"] - c["figures_dropped"]
    print(f"labelled figures: {c['figures']}, of them dropped {c['figures_dropped']}")
    print(f"  period right: {c['period_right']}/{kept}; owner right: {c['entity_right']}/{kept}")
    print(f"  no period in the text: {c['no_period']}, of them given none: {c['no_period_left_empty']}")
    print(f"labelled non-figures: {c['not_figures']}, of them dropped {c['not_figures_dropped']}")
    print("  still read, by reason: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))


if __name__ == "__main__":
    main()
