#!/usr/bin/env bash
# Instructions a byte of extraction by callgrind: deterministic, unlike wall time on a shared
# machine, so that two builds can be compared step by step (README, "Scale").
#
#   benches/instructions.sh BIN [WORKDIR] [generated|real|ceiling|masked]   (default: generated)
#
# generated: (instructions on 6,000 generated bodies - on 2,000) / the bytes between them
#   (the same 20,000-article corpus as scale.sh, seed 42: 3,689,973 bytes), so that pattern
#   compilation and start-up cancel out; real: the 181 bodies of ../shared/article-benchmark,
#   three copies less one; ceiling: the generated bodies with `throughput --read-only`;
#   masked: the generated bodies with every digit written "x" and every number word as as many
#   "q"s, so that no figure is found: what extraction costs a byte whatever the figures.
# Keeps the callgrind files as WORKDIR/NAME.{a,b}.cg for `callgrind_annotate --inclusive=yes`.
set -euo pipefail
BIN=$(realpath "$1"); WORK=${2:-/tmp/figmine-instructions}; MODE=${3:-generated}
cd "$(dirname "$0")/.."
mkdir -p "$WORK"
if [ ! -f "$WORK/b6k.txt" ]; then
  "$BIN" gen --articles 20000 --out "$WORK/text" --seed 42 --html 0 --duplicates 0 2>/dev/null
  python3 - "$WORK" <<'PY'
import json, os, sys
w = sys.argv[1]; bodies = []
for d, _, files in sorted(os.walk(os.path.join(w, "text", "articles"))):
    for f in sorted(files):
        text = open(os.path.join(d, f), encoding="utf-8").read()
        bodies.append(text.split("\nPublisher: ", 1)[1].split("\n", 1)[1].strip())
open(os.path.join(w, "b2k.txt"), "w", encoding="utf-8").write("\f".join(bodies[:2000]))
open(os.path.join(w, "b6k.txt"), "w", encoding="utf-8").write("\f".join(bodies[:6000]))
real = "../shared/article-benchmark/ground-truth.json"
if os.path.exists(real):
    text = "\f".join(v["articleBody"] for v in json.load(open(real, encoding="utf-8")).values())
    open(os.path.join(w, "r1.txt"), "w", encoding="utf-8").write(text)
    open(os.path.join(w, "r3.txt"), "w", encoding="utf-8").write("\f".join([text] * 3))
PY
fi
if [ "$MODE" = masked ] && [ ! -f "$WORK/m6k.txt" ]; then
  python3 - "$WORK" <<'PY'
import os, re, sys
w = sys.argv[1]
words = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
         "ninety hundred thousand million billion half quarter percent first second third dozen").split()
number_word = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
for name in ("2k", "6k"):
    text = open(os.path.join(w, f"b{name}.txt"), encoding="utf-8").read()
    text = number_word.sub(lambda m: "q" * len(m.group(0)), re.sub(r"[0-9]", "x", text))
    open(os.path.join(w, f"m{name}.txt"), "w", encoding="utf-8").write(text)
PY
fi
case $MODE in
  generated) A=b2k; B=b6k; FLAGS=() ;;
  ceiling) A=b2k; B=b6k; FLAGS=(--read-only) ;;
  real) A=r1; B=r3; FLAGS=() ;;
  masked) A=m2k; B=m6k; FLAGS=() ;;
  *) echo "mode: generated, real, ceiling or masked" >&2; exit 2 ;;
esac
NAME=$(basename "$BIN")-$MODE
# binaries since 2026-12-03 pass over the file once untimed first; builds before that do not
if "$BIN" throughput --help | grep -q -- --no-first-pass; then FLAGS+=(--no-first-pass); fi
for input in $A $B; do
  valgrind --tool=callgrind --callgrind-out-file="$WORK/$NAME.$input.cg" \
    "$BIN" throughput "$WORK/$input.txt" "${FLAGS[@]}" >/dev/null 2>"$WORK/$NAME.$input.log"
done
python3 - "$WORK/$NAME.$A.cg" "$WORK/$NAME.$B.cg" "$WORK/$A.txt" "$WORK/$B.txt" "$MODE" <<'PY'
import os, sys
def total(f):
    for line in open(f):
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
a, b, fa, fb, mode = sys.argv[1:]
bytes_ = os.path.getsize(fb) - os.path.getsize(fa)
print(f"{mode}: {(total(b) - total(a)) / bytes_:.2f} instructions a byte ({total(b) - total(a)} / {bytes_})")
PY
