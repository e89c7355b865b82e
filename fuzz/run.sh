#!/usr/bin/env bash
# Fuzzes every target for SECONDS each (default 60) with libFuzzer through cargo-fuzz, seeded from
# the corpus and fixtures, and prints executions and coverage per target.
#   fuzz/run.sh 300            # five minutes a target
#   TARGETS="html numbers" fuzz/run.sh 60
# Needs the nightly toolchain (rustup) and cargo-fuzz (`cargo install cargo-fuzz`; the script
# installs it when missing). A crash leaves its input in fuzz/artifacts/<target>/: turn it into a
# regression test, fix, re-run.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${1:-60}"
TARGETS="${TARGETS:-numbers periods extract html map_input warc}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

seed() {
  local target=$1 dir=corpus/$1
  mkdir -p "$dir"
  case $target in
    html) cp ../corpus/*.html ../fixtures/bad/*.html "$dir"/ 2>/dev/null || true ;;
    warc)
      # Small WARC files, plain and one gzip member a record, made from corpus pages.
      python3 - "$dir" ../corpus/*.html <<'PY'
import sys, gzip, pathlib
out = pathlib.Path(sys.argv[1])
def record(uri, html):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"
for i, name in enumerate(sys.argv[2:]):
    rec = record(f"https://example.test/{i}", open(name, "rb").read()[:4000])
    (out / f"{i}.warc").write_bytes(rec)
    (out / f"{i}.warc.gz").write_bytes(gzip.compress(rec))
PY
      ;;
    map_input)
      for f in ../corpus/*.txt; do
        python3 -c 'import json,sys; print(json.dumps({"id":sys.argv[1],"text":open(sys.argv[1]).read()}))' "$f" \
          > "$dir/$(basename "$f").jsonl"
      done ;;
    *)
      # One seed a paragraph: short inputs let libFuzzer mutate numbers, periods and quotes.
      python3 - "$dir" ../corpus/*.txt <<'PY'
import sys, hashlib, pathlib
out = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    for para in open(name, encoding="utf-8").read().split("\n\n"):
        if para.strip():
            (out / hashlib.sha1(para.encode()).hexdigest()).write_text(para, encoding="utf-8")
PY
      ;;
  esac
}

printf '%-10s %12s %8s %8s %s\n' target executions cov features result
for t in $TARGETS; do
  seed "$t"
  log=$(mktemp)
  # -timeout catches hangs, -rss_limit_mb runaway memory, -max_len lets quadratic cases show.
  if cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result="FAILED: see $log and fuzz/artifacts/$t/"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  printf '%-10s %12s %8s %8s %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
