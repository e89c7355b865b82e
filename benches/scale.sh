#!/usr/bin/env bash
# Scale benchmarks for figmine, measured side by side in one run (see README, "Scale").
#
#   benches/scale.sh [WORKDIR]      # default WORKDIR: a fresh temporary folder
#
# 1. Extraction throughput on plain text, one core: figmine (figures, quotes and per-article
#    findings) against quantulum3 (installed in a temporary virtual environment) on the same texts.
# 2. The ceiling: the same bytes only UTF-8 validated and split into paragraphs by the same binary.
#    Both again on real text: the article bodies of ../shared/article-benchmark, when present.
# 3. `figmine run --jobs 2` over 10,000 and 100,000 generated articles: wall time, articles/s and
#    peak RSS from /usr/bin/time -v.
# Environment: ARTICLES (default 100000), QUANTULUM_ARTICLES (default 150), SKIP_QUANTULUM=1,
# ROUNDS (default 5: alternating runs of extraction and ceiling, medians reported),
# CEILING_PASSES (default 40: passes over the file in one ceiling run), PGO_BIN (a binary built
# by benches/pgo.sh: its extraction is measured too, in the same alternating rounds).
set -euo pipefail
PGO_BIN=${PGO_BIN:+$(realpath -m "$PGO_BIN")}
if [ -n "$PGO_BIN" ] && [ ! -x "$PGO_BIN" ]; then
  echo "scale.sh: PGO_BIN=$PGO_BIN is not an executable (build one with benches/pgo.sh)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
WORK=${1:-$(mktemp -d)}
ARTICLES=${ARTICLES:-100000}
QUANTULUM_ARTICLES=${QUANTULUM_ARTICLES:-150}
ROUNDS=${ROUNDS:-5}
# The ceiling passes over its file this many times under one clock: a single pass lasts about
# 10 ms since the reader writes a body in one copy (35 ms before), and such short runs fell in
# two speed groups a third apart whatever the build.
CEILING_PASSES=${CEILING_PASSES:-40}
mkdir -p "$WORK"
# a PGO result of an earlier run in the same folder is not reported as this run's
rm -f "$WORK"/extract-pgo*.json "$WORK"/real-extract-pgo*.json
echo "figmine scale benchmarks in $WORK on $(nproc) cores, $(date -u +%FT%TZ)"

cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/figmine

# --- corpora ---------------------------------------------------------------------------------
"$BIN" gen --articles 20000 --out "$WORK/text" --seed 42 --html 0 --duplicates 0 2>/dev/null
# Plain text: each article's body (the lines after the header block), separated by form feeds.
python3 - "$WORK/text/articles" "$WORK/bodies.txt" "$WORK/bodies-small.txt" "$QUANTULUM_ARTICLES" <<'PY'
import os, sys
root, out, small, n_small = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
bodies = []
for d, _, files in sorted(os.walk(root)):
    for f in sorted(files):
        text = open(os.path.join(d, f), encoding="utf-8").read()
        bodies.append(text.split("\nPublisher: ", 1)[1].split("\n", 1)[1].strip())
open(out, "w", encoding="utf-8").write("\f".join(bodies))
open(small, "w", encoding="utf-8").write("\f".join(bodies[:n_small]))
PY

# --- 1 and 2: throughput on one core ------------------------------------------------------------
# alternate FILE READ_PREFIX EXTRACT_PREFIX: ROUNDS alternating runs of the ceiling and of the
# extraction on FILE (and of PGO_BIN's extraction, as EXTRACT_PREFIX-pgo), each run's JSON kept
# as PREFIX-N.json, the median run as PREFIX.json.
alternate() {
  local file=$1 ro=$2 ex=$3 i prefixes=("$2" "$3")
  if [ -n "$PGO_BIN" ]; then prefixes+=("$3-pgo"); fi
  for i in $(seq "$ROUNDS"); do
    "$BIN" throughput "$file" --read-only --passes "$CEILING_PASSES" > "$ro-$i.json"
    # the PGO build runs before the plain one in every other round, so that neither always
    # runs in the minute after the other
    if [ -n "$PGO_BIN" ] && [ $((i % 2)) = 0 ]; then "$PGO_BIN" throughput "$file" > "$ex-pgo-$i.json"; fi
    "$BIN" throughput "$file" > "$ex-$i.json"
    if [ -n "$PGO_BIN" ] && [ $((i % 2)) = 1 ]; then "$PGO_BIN" throughput "$file" > "$ex-pgo-$i.json"; fi
  done
  python3 - "$ROUNDS" "${prefixes[@]}" <<'PY'
import json, sys
for prefix in sys.argv[2:]:
    runs = [json.load(open(f"{prefix}-{i}.json")) for i in range(1, int(sys.argv[1]) + 1)]
    runs.sort(key=lambda run: run["mb_per_s"])
    median = runs[len(runs) // 2]
    median["runs_mb_per_s"] = [run["mb_per_s"] for run in runs]
    json.dump(median, open(f"{prefix}.json", "w"))
    print(json.dumps(median))
PY
}
echo "== throughput, one core =="
# The machine's speed moves from one run to the next (single runs of one binary from 24 to 45 MB/s
# within a minute in some hours), so extraction and ceiling alternate ROUNDS times and the medians
# are reported: both sides then see the same hour.
alternate "$WORK/bodies.txt" "$WORK/read-only" "$WORK/extract"
"$BIN" throughput "$WORK/bodies-small.txt" | tee "$WORK/extract-small.json"
if [ "${SKIP_QUANTULUM:-0}" != 1 ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install --quiet quantulum3 >/dev/null
  "$WORK/venv/bin/python" - "$WORK/bodies-small.txt" <<'PY' | tee "$WORK/quantulum3.json"
import json, sys, time
from quantulum3 import parser
data = open(sys.argv[1], encoding="utf-8").read()
articles = data.split("\f")
parser.parse("warm up: 3 percent of 31,002 requests")
start = time.perf_counter()
quantities = sum(len(parser.parse(a)) for a in articles)
seconds = time.perf_counter() - start
size = len(data.encode("utf-8"))
print(json.dumps({"mode": "quantulum3", "bytes": size, "articles": len(articles),
                  "quantities": quantities, "seconds": seconds, "mb_per_s": size / 1e6 / seconds}))
PY
fi
python3 - "$WORK" <<'PY'
import json, os, sys
w = sys.argv[1]
load = lambda n: json.load(open(os.path.join(w, n))) if os.path.exists(os.path.join(w, n)) else None
ro, ex, q = load("read-only.json"), load("extract.json"), load("quantulum3.json")
pgo = load("extract-pgo.json")
spread = lambda r: f"median of {len(r['runs_mb_per_s'])} runs, {min(r['runs_mb_per_s']):.1f} to {max(r['runs_mb_per_s']):.1f}"
first_rate = lambda r: f"{r['bytes'] / r['passes'] / 1e6 / r['first_pass_seconds']:.1f} MB/s with what it compiles"
print(f"figmine extraction: {ex['mb_per_s']:.1f} MB/s per core ({spread(ex)}; {ex['bytes']/1e6:.1f} MB, "
      f"{ex['figures']} figures, {ex['quotes']} quotes, {ex['findings']} findings; "
      f"not counted: the built-in warm-up article {ex.get('warmup_seconds', 0):.2f} s and an untimed first pass "
      f"over the file {ex.get('first_pass_seconds', 0):.2f} s, {first_rate(ex)})")
print(f"ceiling (read, UTF-8, paragraphs): {ro['mb_per_s']:.1f} MB/s ({spread(ro)}); extraction costs "
      f"{ro['mb_per_s']/ex['mb_per_s']:.1f}x the ceiling by the medians")
if q:
    print(f"quantulum3: {q['mb_per_s']:.4f} MB/s per core on the first {q['articles']} articles "
          f"({q['quantities']} quantities); figmine is {ex['mb_per_s']/q['mb_per_s']:,.0f}x faster")
if pgo:
    print(f"PGO build (benches/pgo.sh): extraction {pgo['mb_per_s']:.1f} MB/s per core ({spread(pgo)}), "
          f"{pgo['mb_per_s']/ex['mb_per_s']:.2f}x the plain build, {ro['mb_per_s']/pgo['mb_per_s']:.1f}x the ceiling"
          + (f", {pgo['mb_per_s']/q['mb_per_s']:,.0f}x quantulum3" if q else ""))
PY

# --- 1b: real text ---------------------------------------------------------------------------------
# The generated articles are ASCII; news pages are not (curly quotes, dashes, accented names), and
# non-ASCII text takes slower paths. The true bodies of shared/article-benchmark (181 real pages)
# are measured too, repeated twenty times. Real text reaches some 80 patterns that the built-in warm-up
# article does not (about 0.4 s to compile, half of a pass over the 17.5 MB): `throughput` compiles them
# in an untimed first pass over the file, whose time is reported beside the timed one.
REAL=../shared/article-benchmark/ground-truth.json
if [ -f "$REAL" ]; then
  echo "== real text (article-benchmark bodies), one core =="
  python3 - "$REAL" "$WORK/real.txt" "$WORK/real-x20.txt" <<'PY'
import json, sys
bodies = [v["articleBody"] for v in json.load(open(sys.argv[1], encoding="utf-8")).values()]
text = "\f".join(bodies)
open(sys.argv[2], "w", encoding="utf-8").write(text)
open(sys.argv[3], "w", encoding="utf-8").write("\f".join([text] * 20))
PY
  alternate "$WORK/real-x20.txt" "$WORK/real-read-only" "$WORK/real-extract"
  if [ "${SKIP_QUANTULUM:-0}" != 1 ]; then
    "$WORK/venv/bin/python" - "$WORK/real.txt" <<'PY' | tee "$WORK/real-quantulum3.json"
import json, sys, time
from quantulum3 import parser
data = open(sys.argv[1], encoding="utf-8").read()
parser.parse("warm up: 3 percent of 31,002 requests")
start = time.perf_counter()
quantities = sum(len(parser.parse(a)) for a in data.split("\f"))
seconds = time.perf_counter() - start
size = len(data.encode("utf-8"))
print(json.dumps({"mode": "quantulum3", "bytes": size, "quantities": quantities, "seconds": seconds,
                  "mb_per_s": size / 1e6 / seconds}))
PY
  fi
  python3 - "$WORK" <<'PY'
import json, os, sys
w = sys.argv[1]
load = lambda n: json.load(open(os.path.join(w, n))) if os.path.exists(os.path.join(w, n)) else None
ro, ex, q = load("real-read-only.json"), load("real-extract.json"), load("real-quantulum3.json")
pgo = load("real-extract-pgo.json")
spread = lambda r: f"median of {len(r['runs_mb_per_s'])} runs, {min(r['runs_mb_per_s']):.1f} to {max(r['runs_mb_per_s']):.1f}"
first_rate = lambda r: f"{r['bytes'] / r['passes'] / 1e6 / r['first_pass_seconds']:.1f} MB/s with what it compiles"
print(f"real text: figmine extraction {ex['mb_per_s']:.2f} MB/s per core ({spread(ex)}; {ex['bytes']/1e6:.1f} MB, twenty copies "
      f"of 181 bodies; the untimed first pass {ex['first_pass_seconds']:.2f} s, {first_rate(ex)}); ceiling {ro['mb_per_s']:.1f} MB/s ({spread(ro)}), so {ro['mb_per_s']/ex['mb_per_s']:.0f}x the ceiling")
if q:
    print(f"real text: quantulum3 {q['mb_per_s']:.4f} MB/s per core on one copy ({q['quantities']} quantities); "
          f"figmine is {ex['mb_per_s']/q['mb_per_s']:,.0f}x faster")
if pgo:
    print(f"real text, PGO build: extraction {pgo['mb_per_s']:.2f} MB/s per core ({spread(pgo)}), "
          f"{pgo['mb_per_s']/ex['mb_per_s']:.2f}x the plain build"
          + (f", {pgo['mb_per_s']/q['mb_per_s']:,.0f}x quantulum3" if q else ""))
PY
else
  echo "== real text: skipped, $REAL not found (run from a checkout beside ../shared) =="
fi

# --- 3: whole runs --------------------------------------------------------------------------------
echo "== figmine run --jobs 2 =="
measure() { # NAME N [extra run flags...]
  local name=$1 n=$2; shift 2
  /usr/bin/time -v "$BIN" run "$WORK/gen-$n/articles" --out "$WORK/out-$name" --jobs 2 --quiet "$@" \
    2> "$WORK/time-$name.txt" &
  local timer=$! child=""
  # Resident memory once a second, to show whether it keeps growing or levels off.
  : > "$WORK/rss-$name.txt"
  while kill -0 "$timer" 2>/dev/null; do
    child=${child:-$(pgrep -P "$timer" || true)}
    [ -n "$child" ] && awk '/^VmRSS/ {print $2}' "/proc/$child/status" 2>/dev/null >> "$WORK/rss-$name.txt"
    sleep 1
  done
  wait "$timer" || true
  python3 - "$name" "$n" "$WORK/time-$name.txt" "$WORK/rss-$name.txt" <<'PY'
import re, sys
name, n, text = sys.argv[1], int(sys.argv[2]), open(sys.argv[3]).read()
wall = text.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0]
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
samples = [int(l) for l in open(sys.argv[4]) if l.strip()]
quarters = ", ".join(f"{samples[min(len(samples) - 1, len(samples) * q // 4)] / 1024:.0f}" for q in (1, 2, 3)) if samples else "-"
print(f"{name}: {n} articles, wall {seconds:.1f} s, {n/seconds:,.0f} articles/s, peak RSS {rss/1024:.1f} MB "
      f"(RSS at a quarter, half and three quarters of the run: {quarters} MB)")
PY
}
for n in 10000 "$ARTICLES"; do
  "$BIN" gen --articles "$n" --out "$WORK/gen-$n" --seed 9 2>/dev/null
  sync
  measure "run-$n" "$n"
  measure "run-$n-no-dedup" "$n" --no-dedup
done
