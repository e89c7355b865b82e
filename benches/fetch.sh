#!/bin/sh
# Fetch throughput against one local server posing as 100 hosts (pages per second).
# Usage: benches/fetch.sh [JOBS] [PAGES_PER_HOST] [ORDER: interleaved|by-host]
set -eu
JOBS="${1:-32}" PAGES_PER_HOST="${2:-20}" ORDER="${3:-interleaved}" \
    cargo test --release --test tests measure_fetch_throughput -- --ignored --nocapture 2>&1 | grep "pages/s"
