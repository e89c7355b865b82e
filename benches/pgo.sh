#!/usr/bin/env bash
# Builds figmine with profile-guided optimisation (PGO): an instrumented build does figmine's own
# work (a generated corpus, corpus/ and, when present, the real pages of
# ../shared/article-benchmark), and the release build is made again with the counts it wrote,
# so that the compiler lays out and inlines code for the paths articles take (README, "Scale":
# outputs byte-identical to the plain build's; extraction faster).
#
#   benches/pgo.sh [OUT]      # default OUT: target/pgo/figmine
#
# Needs an llvm-profdata of LLVM 19 up to rustc's own LLVM (19 reads the raw profiles of LLVM 22;
# a newer one may write a profile rustc cannot read): $LLVM_PROFDATA when set, or else the first
# of rustup's llvm-tools (`rustup component add llvm-tools`), llvm-profdata-NN on the PATH (NN
# rustc's LLVM first, then the newest; Debian: `apt install llvm-19`) and llvm-profdata whose
# version fits. Two release builds: 6 to 20 minutes on 2 cores. Work files go to target/pgo
# (CARGO_TARGET_DIR/pgo when that is set).
set -euo pipefail
OUT=${1:+$(realpath -m "$1")}
if [ -n "${LLVM_PROFDATA:-}" ] && [ -e "$LLVM_PROFDATA" ]; then LLVM_PROFDATA=$(realpath "$LLVM_PROFDATA"); fi
cd "$(dirname "$0")/.."
WORK=$(realpath -m "${CARGO_TARGET_DIR:-target}/pgo")
OUT=${OUT:-$WORK/figmine}
HOST=$(rustc -vV | sed -n 's/^host: //p')
RUSTC_LLVM=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
fail() { echo "pgo.sh: $*" >&2; exit 2; }

# The builds add their flags to the host's list in .cargo/config.toml; either variable would
# replace that list, and the builds would not be instrumented.
if [ -n "${RUSTFLAGS:-}${CARGO_ENCODED_RUSTFLAGS:-}" ]; then
  fail "RUSTFLAGS or CARGO_ENCODED_RUSTFLAGS is set: unset it (on a processor without x86-64-v3," \
    "set the target CPU in .cargo/config.toml instead)"
fi
case $WORK in *'"'* | *'\'*) fail "the work folder $WORK holds a quote or a backslash" ;; esac

# The LLVM major version of an llvm-profdata (nothing when it does not run).
llvm_major() { "$1" --version 2>/dev/null | sed -n 's/.*LLVM version \([0-9]*\).*/\1/p' | head -n 1; }

# Whether an llvm-profdata's LLVM is 19 or later, and not newer than rustc's.
fits() {
  local major
  major=$(llvm_major "$1")
  [ -n "$major" ] && [ "$major" -ge 19 ] && [ "$major" -le "$RUSTC_LLVM" ]
}

# The llvm-profdata to use, told before any build.
find_profdata() {
  local candidate
  if [ -n "${LLVM_PROFDATA:-}" ]; then
    fits "$LLVM_PROFDATA" || fail "LLVM_PROFDATA=$LLVM_PROFDATA is not an llvm-profdata of LLVM 19 to $RUSTC_LLVM"
    echo "$LLVM_PROFDATA"
    return
  fi
  for candidate in "$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata" "llvm-profdata-$RUSTC_LLVM" \
    $(compgen -c llvm-profdata- | sort -t- -k3 -rn | uniq) llvm-profdata; do
    if command -v "$candidate" >/dev/null && fits "$candidate"; then
      echo "$candidate"
      return
    fi
  done
  fail "no llvm-profdata of LLVM 19 to $RUSTC_LLVM found: set LLVM_PROFDATA, run" \
    "'rustup component add llvm-tools' or install one (Debian: apt install llvm-19)"
}
PROFDATA=$(find_profdata)
echo "pgo.sh: $PROFDATA (LLVM $(llvm_major "$PROFDATA"); rustc's LLVM $RUSTC_LLVM)"

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
"$TRAINER" gen --articles 4000 --out "$WORK/train/gen" --seed 11
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
