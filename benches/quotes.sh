#!/bin/sh
# Quote extraction stays linear: times `figmine run` on generated articles of growing size
# (each doubling the number of quoted paragraphs, names and pronouns) and on a long paragraph
# of stray straight marks. Usage: benches/quotes.sh [path/to/figmine]
set -eu
bin=${1:-target/release/figmine}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
article() { # $1 = number of paragraph groups; names are letters only, as names are
    awk -v n="$1" 'function name(i,  s) { s = ""; do { s = s sprintf("%c", 97 + i % 26); i = int(i / 26) } while (i > 0); return toupper(substr(s, 1, 1)) substr(s, 2) "son" }
    BEGIN {
        print "Headline\n"
        for (i = 0; i < n; i++) {
            printf "Anna %s, a spokeswoman for Org, said the company had received %d requests.\n\n", name(i), i
            printf "\"We read every one of the %d requests, and we pushed back on many,\" she said. \"Then we published them.\"\n\n", i
            printf "\"It is a so-called \"backdoor\" by another name,\" said %s.\n\n", name(i)
        }
    }'
}
for n in 1000 2000 4000 8000; do
    mkdir -p "$dir/$n"
    article "$n" > "$dir/$n/a.txt"
    start=$(date +%s.%N)
    "$bin" run "$dir/$n" --out "$dir/out-$n" --quiet > /dev/null
    end=$(date +%s.%N)
    printf '%6d paragraphs, %8d bytes: %.2f s, %d quotes\n' "$((n * 3))" "$(wc -c < "$dir/$n/a.txt")" \
        "$(echo "$end - $start" | bc)" "$(wc -l < "$dir/out-$n/quotes.jsonl")"
done
mkdir -p "$dir/marks"
{ printf 'Headline\n\n'; i=0; while [ "$i" -lt 200000 ]; do printf '" a '; i=$((i + 1)); done; printf '\n'; } > "$dir/marks/m.txt"
start=$(date +%s.%N)
"$bin" run "$dir/marks" --out "$dir/out-marks" --quiet > /dev/null || true
end=$(date +%s.%N)
printf 'stray marks, %d bytes: %.2f s\n' "$(wc -c < "$dir/marks/m.txt")" "$(echo "$end - $start" | bc)"
