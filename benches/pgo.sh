#!/usr/bin/env bash
# Builds figmine with profile-guided optimisation (PGO): an instrumented build does figmine's own
# work (a generated corpus, corpus/ and, when present, the real pages of
# ../shared/article-benchmark), and the release build is made again with the counts it wrote,
# so that the compiler lays out and inlines code for the paths articles take (README, "Scale":
# outputs byte-identical to the plain build's; extraction faster).
#
#   benches/pgo.sh [OUT]      # default OUT: target/pgo/figmine
#
# Needs llvm-profdata of LLVM 19 or later (it reads the raw profiles of rustc's LLVM): taken
# from $LLVM_PROFDATA, from rustup's llvm-tools (`rustup component add llvm-tools`) or as an
# llvm-profdata-NN on the PATH (Debian: `apt install llvm-19`). Two release builds: 10 to 20
# minutes on 2 cores. Work files go to target/pgo (CARGO_TARGET_DIR/pgo when that is set).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(realpath -m "${CARGO_TARGET_DIR:-target}/pgo")
OUT=$(realpath -m "${1:-$WORK/figmine}")
HOST=$(rustc -vV | sed -n 's/^host: //p')

# The llvm-profdata to use: the first found, the newest LLVM first.
find_profdata() {
  local candidate
  for candidate in "${LLVM_PROFDATA:-}" "$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata" \
    $(compgen -c llvm-profdata- | sort -t- -k3 -rn | uniq) llvm-profdata; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "pgo.sh: no llvm-profdata found: set LLVM_PROFDATA, run 'rustup component add llvm-tools'" \
    "or install LLVM 19 or later (Debian: apt install llvm-19)" >&2
  exit 2
}
PROFDATA=$(find_profdata)

# build TARGET_DIR FLAGS: a release build with FLAGS (a TOML list) added to the flags
# .cargo/config.toml gives the host (the target CPU on x86-64): --config adds to that list,
# where RUSTFLAGS would replace it.
build() {
  CARGO_TARGET_DIR=$1 cargo build --release --quiet --config "target.$HOST.rustflags=$2"
}

rm -rf "$WORK/raw" "$WORK/train"
mkdir -p "$WORK/train" "$(dirname "$OUT")"
echo "pgo.sh: instrumented build in $WORK/generate"
# Names are left uncompressed: a packaged llvm-profdata built without zlib reads them too.
build "$WORK/generate" "[\"-Cprofile-generate=$WORK/raw\", \"-Cllvm-args=-enable-name-compression=false\"]"
# the build scripts were instrumented too, and wrote counts as they ran: not figmine's
rm -rf "$WORK/raw"

echo "pgo.sh: training runs in $WORK/train"
TRAINER=$WORK/generate/release/figmine
"$TRAINER" gen --articles 4000 --out "$WORK/train/gen" --seed 11 2>/dev/null
"$TRAINER" run "$WORK/train/gen/articles" --out "$WORK/train/out-gen" --jobs 2 --quiet \
  --format csv,sqlite,report >/dev/null
"$TRAINER" run corpus --out "$WORK/train/out-corpus" --quiet >/dev/null
REAL=../shared/article-benchmark/html
if [ -d "$REAL" ]; then
  # real pages: HTML of every kind, and text outside ASCII, which takes paths of its own
  "$TRAINER" run "$REAL" --out "$WORK/train/out-real" --jobs 2 --quiet >/dev/null
fi
"$PROFDATA" merge -o "$WORK/figmine.profdata" "$WORK/raw"

echo "pgo.sh: optimised build in $WORK/use"
build "$WORK/use" "[\"-Cprofile-use=$WORK/figmine.profdata\"]"
cp "$WORK/use/release/figmine" "$OUT"
echo "pgo.sh: built $OUT"
