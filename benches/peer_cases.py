#!/usr/bin/env python3
"""Measure `figmine numbers` on other recognizers' English test cases (../shared/peer-cases/).

Usage: benches/peer_cases.py [--figmine PATH] [--cases DIR] [--failures] [--exclusions-markdown]

Each case's text is one line on the standard input of `figmine numbers`. A case is correct when the
mentions figmine finds, restricted to the kinds the peer's model reports, are exactly the expected
ones, in order, with the same span text, kind and value (or low/high for ranges; relative tolerance
1e-9). An empty expectation means nothing of those kinds may be found.

How figmine's mentions are read as a peer's:
- a peer's `quantity` is figmine's `money` (physical quantities are out of scope, see below);
- a number model reports the numeral alone, so a `money` mention is compared by its numeral
  ("$20" -> "20") and a qualified mention without its qualifier ("more than half" -> "half");
- a range model also reports bounds ("more than 30": low 30, high null), so a qualified mention of
  figmine with an open bound, or an exact "equal to" bound, counts as a range.

Cases listed in benches/peer_exclusions.json are not counted (each has a reason; README lists them),
nor are cases whose expectation holds a physical quantity (metres, grams, TeV: not figures of news).
"""

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# file -> (figmine kinds compared, target accuracy or None)
FILES = {
    "recognizers-number.jsonl": ({"number"}, 0.95),
    "recognizers-percent.jsonl": ({"percent"}, 0.95),
    "duckling-numeral.jsonl": ({"number"}, 0.95),
    "recognizers-numberrange.jsonl": ({"range"}, 0.90),
    "recognizers-ordinal.jsonl": ({"ordinal"}, 0.90),
    "duckling-ordinal.jsonl": ({"ordinal"}, 0.90),
    "recognizers-currency.jsonl": ({"money", "range"}, None),
    "duckling-money.jsonl": ({"money", "range"}, None),
    "quantulum3.jsonl": ({"number", "percent", "money", "range"}, None),
}

CURRENCY_UNITS = re.compile(
    r"(?i)dollar|euro|pound sterling|^pound$|yen|yuan|cent|penny|pence|rupee|franc|peso|mark|krona|krone|"
    r"rouble|ruble|lira|won|real|rand|dinar|dirham|riyal|shekel|usd|eur|gbp|unnamed|currency|baht|ringgit|"
    r"rupiah|zloty|forint|koruna|leu|lev|kuna|dong|taka|naira|cedi|shilling|kwacha|markka|guilder|escudo|"
    r"peseta|drachma|schilling|bitcoin|sterling"
)

def is_physical(item, filename):
    """A quantity whose unit is not a currency (metre, gram, cup): out of figmine's scope."""
    if filename.startswith(("recognizers-currency", "duckling-money")):
        return False
    if item["kind"] == "range" and item.get("unit") not in (None, "percent"):
        return True
    if item["kind"] != "quantity":
        return False
    if filename.startswith("duckling-quantity"):
        return True
    unit = item.get("unit") or ""
    return not CURRENCY_UNITS.search(unit)


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


CURRENCY_AFFIX = re.compile(
    r"^(?:(?:US|USD|EUR|GBP|C|A|HK|NZ|S)?\s*[$€£¥₹]\s*|(?:USD|EUR|GBP|JPY|CNY|INR)\s+)|"
    r"(?:\s*[$€£¥₹]|\s+[A-Za-z][A-Za-z ]*)$"
)


def numeral_of(m):
    """The numeral of a mention as a peer's number model reports it: no qualifier, no currency."""
    text = m["text"]
    approx = m.get("approx")
    if approx and text.lower().startswith(approx):
        text = text[len(approx):].lstrip()
    if m["kind"] == "money":
        text = CURRENCY_AFFIX.sub("", text)
    return text


def as_peer(m, kinds):
    """figmine's mention as the peer's (kind, span, value, low, high), or None when not compared."""
    kind = m["kind"]
    bounded = m.get("approx") and (m["low"] != m["high"] or m["approx"].startswith("equal"))
    if "range" in kinds and kind != "range" and bounded and kind in kinds | {"number"}:
        return ("range", m["text"], None, m["low"], m["high"])
    if kind == "range" and "range" in kinds:
        return ("range", m["text"], None, m["low"], m["high"])
    if kind == "number" or (kind == "money" and kinds == {"number"}):
        if kind not in kinds and kinds != {"number"}:
            return None
        return ("number", numeral_of(m), m["value"], None, None)
    if kind not in kinds:
        return None
    peer_kind = "quantity" if kind == "money" else kind
    text = m["text"]
    if m.get("approx") and kinds != {"range"} and text.lower().startswith(m["approx"]):
        text = text[len(m["approx"]):].lstrip()
    return (peer_kind, text, m["value"], None, None)


SUBUNITS = {"cent", "pence", "penny", "sen"}


def expected_of(item):
    """The peer's item as (kind, span, value, low, high); amounts in cents or pence are read in the
    main unit, as figmine reports them with an ISO code ("34 cents" = 0.34 USD)."""
    if item["kind"] == "range":
        return ("range", item["span"], None, item["low"], item["high"])
    value = item["value"]
    if item["kind"] == "quantity" and (item.get("unit") or "").lower() in SUBUNITS and value is not None:
        value = value / 100
    return (item["kind"], item["span"], value, None, None)


def matches(got, exp):
    return (
        got[0] == exp[0]
        and got[1] == exp[1]
        and same(got[2], exp[2])
        and same(got[3], exp[3])
        and same(got[4], exp[4])
    )


SCALE = re.compile(r"(?i)\d\s*(k|m|g|b|bn|mm|mil|bln|tln)\b|million|billion|trillion|thousand|hundred|dozen|lakh|crore|lac|koti")
FRACTION = re.compile(r"(?i)/|over|out of|\bin\b|half|halves|third|quarter|fourth|fifth|sixth|eighth|ninth|th\b|ths\b|[⅔¾⅙½]")
NEGATIVE = re.compile(r"(?i)^-|^- |minus|negative|\(\$")
SCIENTIFIC = re.compile(r"(?i)\de|\^|x10|×10")
WORDS = re.compile(r"(?i)[a-z]{3,}")


def category(case, kinds):
    """A coarse label for a failing case, so failures read by theme."""
    expected = case["expected"]
    if not expected:
        return "must find nothing"
    spans = " ".join(e["span"] for e in expected)
    kind = expected[0]["kind"]
    if kind == "range":
        if re.search(r"(?i)between|from|to|through|[-–~]", spans) and all(
            e["low"] is not None and e["high"] is not None for e in expected
        ):
            return "range: closed"
        return "range: bound"
    if kind in ("ordinal", "percent", "quantity"):
        return kind + (": words" if WORDS.search(re.sub(r"(?i)percent|per cent|pct|percentage", "", spans)) else "")
    for label, pattern in (
        ("number: scientific", SCIENTIFIC),
        ("number: negative", NEGATIVE),
        ("number: fraction", FRACTION),
        ("number: scale", SCALE),
        ("number: words", WORDS),
    ):
        if pattern.search(spans):
            return label
    return "number: digits"


def run_figmine(binary, texts):
    lines = "".join(t.replace("\n", " ") + "\n" for t in texts)
    out = subprocess.run([binary, "numbers"], input=lines, capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    if len(rows) != len(texts):
        sys.exit(f"figmine printed {len(rows)} rows for {len(texts)} lines")
    return rows


def load_exclusions():
    path = os.path.join(HERE, "peer_exclusions.json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def default_cases():
    """../shared/peer-cases from the repository (or from a worktree one level deeper)."""
    for up in ("..", os.path.join("..", "..")):
        path = os.path.normpath(os.path.join(ROOT, up, "shared", "peer-cases"))
        if os.path.isdir(path):
            return path
    return os.path.normpath(os.path.join(ROOT, "..", "shared", "peer-cases"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--figmine", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "debug", "figmine"))
    parser.add_argument("--cases", default=default_cases(), help="the peer-cases folder (../shared/peer-cases)")
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    parser.add_argument("--exclusions-markdown", action="store_true", help="print the README exclusion table")
    args = parser.parse_args()

    exclusions = load_exclusions()
    if args.exclusions_markdown:
        print("| file | cases | reason |\n| --- | --- | --- |")
        groups = defaultdict(list)
        for e in exclusions:
            groups[(e["file"].replace(".jsonl", ""), e["reason"])].append(e["text"].strip())
        for (filename, reason), texts in groups.items():
            cases = ", ".join("`" + t.replace("|", "\\|") + "`" for t in texts)
            print(f"| {filename} | {cases} | {reason} |")
        return 0
    excluded = {(e["file"], e["text"]) for e in exclusions}
    if not os.path.isdir(args.cases):
        sys.exit(f"no peer cases at {args.cases} (pass --cases DIR)")
    if not os.path.exists(args.figmine):
        sys.exit(f"no figmine binary at {args.figmine} (run cargo build, or pass --figmine PATH)")

    total_ok = total_n = 0
    failures = defaultdict(list)
    below_target = []
    print(f"{'file':34} {'cases':>5} {'excl':>5} {'ok':>5} {'accuracy':>8}  target")
    for filename, (kinds, target) in FILES.items():
        path = os.path.join(args.cases, filename)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            cases = [json.loads(line) for line in f if line.strip()]
        rows = run_figmine(args.figmine, [c["text"] for c in cases])
        ok = n = skipped = 0
        for case, row in zip(cases, rows):
            if (filename, case["text"]) in excluded or any(is_physical(e, filename) for e in case["expected"]):
                skipped += 1
                continue
            n += 1
            got = [p for p in (as_peer(m, kinds) for m in row["mentions"]) if p]
            exp = [expected_of(e) for e in case["expected"]]
            if len(got) == len(exp) and all(matches(g, e) for g, e in zip(got, exp)):
                ok += 1
            else:
                failures[(filename, category(case, kinds))].append((case["text"], exp, got))
        total_ok += ok
        total_n += n
        acc = ok / n if n else 1.0
        mark = "" if target is None else f"{target:.0%} {'ok' if acc >= target else 'BELOW'}"
        if target is not None and acc < target:
            below_target.append(filename)
        print(f"{filename:34} {len(cases):5} {skipped:5} {ok:5} {acc:8.3f}  {mark}")
    print(f"{'overall':34} {'':5} {'':5} {total_ok:5} {total_ok / max(total_n, 1):8.3f}  ({total_ok}/{total_n})")

    print("\nfailing cases by category:")
    for (filename, cat), items in sorted(failures.items()):
        print(f"  {filename} / {cat}: {len(items)}")
        for text, exp, got in items if args.failures else items[:3]:
            fmt = lambda xs: [(x[1], x[2]) if x[0] != "range" else (x[1], x[3], x[4]) for x in xs]
            print(f"      {text.strip()[:90]!r}\n        expected {fmt(exp)}\n        got      {fmt(got)}")
    return 1 if below_target else 0


if __name__ == "__main__":
    sys.exit(main())
