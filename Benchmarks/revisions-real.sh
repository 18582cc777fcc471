#!/usr/bin/env bash
# Fact changes on real revision pairs (Docs/Facts.md, "Real revisions"): per kind, per change type
# and no-change pairs left silent, with the independent check's scorer, for the real set
# (Benchmarks/revisions-real/load.py) and for our own fixtures (Fixtures/revisions).
#   bash Benchmarks/revisions-real.sh [REDLINE]      (from the project root)
# Needs local copies of 18F/18f.gsa.gov, GSA/digitalgov.gov, openSUSE/news-o-o and mozilla/readability under
# /work/.mirror (the search tool's fetch), and the real-page set (Benchmarks/realpages/load.py).
set -euo pipefail
cd "$(dirname "$0")/.."
redline=${1:-.build/release/redline}
scorer=${SCORE_FACTS:-../shared/eval/score_facts.py}
[ -d bench-build/realpages/readability ] || python3 Benchmarks/realpages/load.py bench-build/realpages
rm -rf bench-build/revisions-real bench-build/revisions-heldout
python3 Benchmarks/revisions-real/load.py bench-build/revisions-real >/dev/null
python3 Benchmarks/revisions-real/load.py bench-build/revisions-heldout --prefix h >/dev/null
score() { # NAME PAIRS_DIR
  local pred="bench-build/pred-$1"
  rm -rf "$pred" && mkdir -p "$pred"
  for d in "$2"/*/; do
    n=$(basename "$d")
    "$redline" diff --format json "$d/old.txt" "$d/new.txt" >"$pred/$n.json" || [ $? -eq 1 ]
  done
  echo "### $1"
  echo
  python3 "$scorer" --pred "$pred" --pairs "$2" --json "bench-build/report-$1.json"
  echo
}
score real bench-build/revisions-real
score held-out bench-build/revisions-heldout
# Our own fixtures keep their folder names; the scorer wants the same names for predictions.
score fixtures Fixtures/revisions
