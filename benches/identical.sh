#!/usr/bin/env bash
# Whether two builds give byte-identical outputs: every file `figmine run` writes (with CSV,
# SQLite and the report) on 10,000 generated articles, corpus/ and the 181 real bodies of
# ../shared/article-benchmark, and `figmine numbers` on the lines of those bodies and of the
# peer cases. The check every speed step of README "Scale" passed.
#
#   benches/identical.sh BASE_BIN NEW_BIN [WORKDIR]
set -euo pipefail
BASE=$(realpath "$1"); NEW=$(realpath "$2"); WORK=${3:-/tmp/figmine-identical}
cd "$(dirname "$0")/.."
mkdir -p "$WORK"
if [ ! -d "$WORK/g10k" ]; then
  "$BASE" gen --articles 10000 --out "$WORK/g10k" --seed 7 2>/dev/null
  python3 - "$WORK" <<'PY'
import glob, json, os, sys
w = sys.argv[1]; lines = []
real = "../shared/article-benchmark/ground-truth.json"
os.makedirs(os.path.join(w, "real"), exist_ok=True)
if os.path.exists(real):
    for i, (_, v) in enumerate(sorted(json.load(open(real, encoding="utf-8")).items())):
        open(os.path.join(w, "real", f"{i:03d}.txt"), "w", encoding="utf-8").write(v["articleBody"])
        lines += [x for x in v["articleBody"].split("\n") if x.strip()]
for f in sorted(glob.glob("../shared/peer-cases/*.jsonl")):
    lines += [json.loads(l)["text"].replace("\n", " ") for l in open(f, encoding="utf-8")]
open(os.path.join(w, "lines.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
fi
for side in base new; do
  bin=$BASE; [ $side = new ] && bin=$NEW
  rm -rf "$WORK/$side"; mkdir -p "$WORK/$side"
  for input in g10k/articles real; do
    "$bin" run "$WORK/$input" --out "$WORK/$side/${input%%/*}" --jobs 2 --quiet --format csv,sqlite,report >/dev/null || true
  done
  "$bin" run corpus --out "$WORK/$side/corpus" --jobs 2 --quiet --format csv,sqlite,report >/dev/null || true
  "$bin" numbers < "$WORK/lines.txt" > "$WORK/$side/numbers.jsonl"
done
# Journals are compared by their entries, one a line: where a chunk ends (and so the sizes each
# checkpoint records) may depend on timing for slow sources, and the options and originals that
# checkpoints record since 2026-12-04 are left out, so that builds before and after compare.
python3 - "$WORK" <<'PY'
import json, pathlib, sys
for journal in pathlib.Path(sys.argv[1]).glob("*/*/journal.jsonl"):
    entries = []
    for line in journal.read_text(encoding="utf-8").splitlines():
        for entry in json.loads(line)["entries"]:
            entry.pop("duplicate_of", None)
            entries.append(json.dumps(entry, sort_keys=True))
    journal.write_text("\n".join(entries) + "\n", encoding="utf-8")
PY
if diff -rq "$WORK/base" "$WORK/new"; then
  echo "identical: $(find "$WORK/base" -type f | wc -l) files"
else
  echo "DIFFERENT"; exit 1
fi
