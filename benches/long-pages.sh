#!/usr/bin/env bash
# One long page at a time: `run --jobs 1` on crafted pages that made a step of one article
# quadratic in its size until 2026-12-05 (README, "Scale", Long pages). Each page is one
# sentence repeated (with other values each time) up to MB megabytes or some 95,000 figures,
# whichever comes first; an article's text may be up to 4 MiB and hold up to 100,000 figures,
# so that is the worst a page can be. Prints each page's size, wall time and peak RSS.
#
#   benches/long-pages.sh BIN [WORKDIR] [MB]   (default: /tmp/figmine-long-pages, 4.19)
set -euo pipefail
BIN=$(realpath "$1"); WORK=${2:-/tmp/figmine-long-pages}; MB=${3:-4.19}
mkdir -p "$WORK"
python3 - "$WORK" "$MB" <<'PY'
import os, re, sys
work, mb = sys.argv[1], float(sys.argv[2])
target = int(mb * 1_000_000)
HEAD = "Figures.\n\n"

# An article with more figures than `extract::MAX_FIGURES` (100,000) is given up at once, so a
# page stops short of that too (numbers other than years counted as figures, a little under).
FIGURES = 95_000
NUMBER = re.compile(r"\d+(?:,\d{3})*")
YEAR = re.compile(r"(19|20)\d\d")

def figures_in(s):
    return sum(1 for m in NUMBER.finditer(s) if not YEAR.fullmatch(m.group()))

def rep(f, sep=" ", head=HEAD):
    out, n, i, k = [head], len(head), 0, 0
    while n < target:
        s = f(i) + sep
        k += figures_in(s)
        if k > FIGURES:
            break
        out.append(s); n += len(s); i += 1
    return "".join(out)

def half(f1, f2):
    out, n, k = [HEAD], len(HEAD), 0
    for f, upto, most in ((f1, target // 2, FIGURES // 2), (f2, target, FIGURES)):
        i = 0
        while n < upto:
            s = f(i) + " "
            k += figures_in(s)
            if k > most:
                break
            out.append(s); n += len(s); i += 1
    return "".join(out)

def nm(i):  # four letters, a different name for each i
    return "".join(chr(97 + (i // 26**k) % 26) for k in range(4))

PAGES = {
    "breakdowns-no-end": lambda: rep(lambda i: f"{3000+i:,} from courts and {2000+i:,} from police for a total of {9000+i:,} requests", sep=", ", head=HEAD + "Google received "),
    "quotes-by-last-word": lambda: rep(lambda i: f"\"We received {3000+i:,} requests in 2014,\" Smith{nm(i)} said."),
    "share-of-the-total": lambda: rep(lambda i: f"Courts sent {3000+i:,} requests, or {i%90+5} percent of the total."),
    "quotes-no-role": lambda: rep(lambda i: f"\"We received {3000+i:,} requests in 2014,\" said John Smith{nm(i)}."),
    "share-in-brackets": lambda: rep(lambda i: f"Google received {3000+i:,} requests ({i%90+5} percent of the total) in 2014."),
    "quotes-one-speaker": lambda: rep(lambda i: f"\"We received {3000+i:,} requests in 2014,\" said John Smith, a Google spokesman."),
    "up-to": lambda: rep(lambda i: f"Google received up to {900000-i:,} requests in 2014."),
    "the-total": lambda: half(lambda i: f"Some {i%90+5} percent of users agreed.", lambda i: f"Google got {9000+i:,} requests in 2014. The total was down 6 percent from {13000+i:,}."),
    "sum-up": lambda: rep(lambda i: f"Courts sent {3000+i:,} requests and police {2000+i:,}, for a total of {9000+i:,}."),
    "together": lambda: rep(lambda i: f"Together with the {3000+i:,} requests of the second half of 2014, that took the total for 2014 to {7000+i:,}."),
    "as-many-as": lambda: rep(lambda i: f"Requests from France came to {2400+i:,}, about half as many as the {4800+i:,} from Germany."),
    "the-remaining": lambda: rep(lambda i: f"Courts sent {i%50+30} percent of requests. Police sent the remaining {i%40+5} percent."),
}
for name, page in PAGES.items():
    os.makedirs(os.path.join(work, name), exist_ok=True)
    with open(os.path.join(work, name, "page.txt"), "w", encoding="utf-8") as f:
        f.write(page())
PY
printf '%-22s %6s %9s %10s %9s\n' page MB seconds "peak MB" findings
for dir in "$WORK"/*/; do
  name=$(basename "$dir"); [ -f "$dir/page.txt" ] || continue
  rm -rf "$WORK/out-$name"
  /usr/bin/time -o "$WORK/time-$name" -f "%e %M" timeout 600 "$BIN" run "$dir" --out "$WORK/out-$name" --jobs 1 --quiet 2>/dev/null || true
  # (a run that exits non-zero makes `time` write a line before the figures)
  read -r secs kb < <(tail -n 1 "$WORK/time-$name")
  printf '%-22s %6.2f %9s %10.1f %9s\n' "$name" "$(stat -c %s "$dir/page.txt" | awk '{ print $1 / 1e6 }')" "$secs" "$(awk "BEGIN { print $kb / 1024 }")" "$(wc -l < "$WORK/out-$name/findings.jsonl" 2>/dev/null || echo -)"
done
