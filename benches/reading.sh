#!/usr/bin/env bash
# Main-text extraction benchmark: figmine against Python trafilatura, side by side in one run.
#
#   benches/reading.sh [BENCHMARK_DIR]
#
# BENCHMARK_DIR (default $ARTICLE_BENCHMARK, else ../shared/article-benchmark beside the repository)
# holds html/<id>.html.gz, ground-truth.json and score.py. trafilatura (pinned) is installed into a
# temporary virtual environment from the package registry (set READING_VENV to reuse one).
# Both extractors run single-threaded and are timed on extraction alone (pages already read and
# gunzipped); figmine is timed three times and the median is reported. Prints F1, precision,
# recall and pages/s of each, the speed ratio, and figmine's ten worst pages.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bench=${1:-${ARTICLE_BENCHMARK:-$repo/../shared/article-benchmark}}
[[ -f $bench/score.py ]] || { echo "reading.sh: no benchmark at $bench" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=${READING_VENV:-$work/venv}
if [[ ! -x $venv/bin/python ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "trafilatura==2.3.1" lxml_html_clean
fi

(cd "$repo" && cargo build --release --quiet)
figmine=${CARGO_TARGET_DIR:-$repo/target}/release/figmine

pages=("$bench"/html/*.html.gz)
speeds=()
for run in 1 2 3; do
    rm -rf "$work/figmine"
    # Exit status 1 only says some page had no article text; that page then scores as empty.
    line=$({ "$figmine" read --timing --out "$work/figmine" "${pages[@]}" 2>&1 >/dev/null || true; } | tail -1)
    speeds+=("$(sed -E 's/.*: ([0-9.]+) pages\/s/\1/' <<<"$line")")
done
figmine_speed=$(printf '%s\n' "${speeds[@]}" | sort -n | sed -n 2p)
traf_line=$("$venv/bin/python" "$repo/benches/trafilatura_run.py" "$bench/html" "$work/trafilatura")
traf_speed=$(sed -E 's/.*: ([0-9.]+) pages\/s/\1/' <<<"$traf_line")

python3 "$bench/score.py" "$work/figmine" 2>"$work/figmine.pages" >"$work/figmine.score"
python3 "$bench/score.py" "$work/trafilatura" --quiet >"$work/trafilatura.score" 2>/dev/null

echo "extractor     $(cut -d' ' -f1-3 <"$work/figmine.score" | sed 's/=[0-9.]*//g')  pages/s"
echo "figmine       $(cut -d' ' -f1-3 <"$work/figmine.score")  $figmine_speed (runs: ${speeds[*]})"
echo "trafilatura   $(cut -d' ' -f1-3 <"$work/trafilatura.score")  $traf_speed"
awk -v f="$figmine_speed" -v t="$traf_speed" 'BEGIN { printf "speed ratio   figmine / trafilatura = %.1f\n", f / t }'
echo "figmine's worst pages:"
grep -E '^[0-9a-f]{64} ' "$work/figmine.pages" | sort -t= -k2 -n | head -10 | cut -c1-16,65-
