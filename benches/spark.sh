#!/usr/bin/env bash
# The Spark job (examples/spark/job.py, local[2]) against `figmine run` on the same generated
# articles, and the overhead per partition: the same job with few and with many partitions.
#
#   CARGO_TARGET_DIR=... benches/spark.sh [WORK_DIR]    (ARTICLES=1000, PARTITIONS="2 32")
#
# Needs a release build (cargo build --release) and the venv .ci/run creates.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/figmine-spark-bench}"
articles="${ARTICLES:-1000}"
figmine="${FIGMINE:-${CARGO_TARGET_DIR:-target}/release/figmine}"
figmine="$(realpath "$figmine")"
python="${FIGMINE_SPARK_PYTHON:-$HOME/.cache/figmine-spark-venv/bin/python}"
rm -rf "$work" && mkdir -p "$work"

"$figmine" gen --articles "$articles" --duplicates 0 --out "$work/gen" >/dev/null
python3 examples/spark/files_to_jsonl.py "$work/gen/articles" >"$work/input.jsonl"

start=$(date +%s.%N)
"$figmine" run "$work/gen/articles" --out "$work/run" --quiet
run_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "figmine run: $articles articles in ${run_s} s"

for p in ${PARTITIONS:-2 32}; do
    start=$(date +%s.%N)
    "$python" examples/spark/job.py --master 'local[2]' --partitions "$p" --reduce-partitions "$p" \
        --figmine "$figmine" --out "$work/spark-$p" "$work/input.jsonl" 2>/dev/null | grep '^figmine under Spark'
    echo "  whole process: $(echo "$(date +%s.%N) - $start" | bc) s"
    cmp -s <(cat "$work"/spark-"$p"/dataset.json/part-*.json | wc -l) <(wc -l <"$work/run/dataset.jsonl") \
        || echo "  dataset row count differs from figmine run's"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
