#!/usr/bin/env bash
# Start-up cost of the facts (Docs/Facts.md, "Speed"): whole-process medians of the static release
# build, `redline diff` of a 6 KB article pair with facts against the same with --no-facts, and
# `redline facts` of a one-line file; then the in-process fact-diff throughput.
#   bash Benchmarks/facts-startup.sh      (from the project root; needs hyperfine, python3.11-doc)
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/prepare-corpus.sh
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null
swift build -c release --package-path Benchmarks >/dev/null
redline=.build/release/redline
mkdir -p bench-build
echo "One line, with a figure and a name: Floods killed 12 people in Lower Hollin on Tuesday." >bench-build/one-line.txt
pair=$corpus/a1_article_6k_1pct
hyperfine -N -i --warmup 10 --runs 100 --export-json bench-build/startup.json \
    "$redline diff --format json $pair/a.txt $pair/b.txt" \
    "$redline diff --format json --no-facts $pair/a.txt $pair/b.txt" \
    "$redline facts bench-build/one-line.txt" >/dev/null 2>&1
python3 - <<'PY'
import json
results = json.load(open("bench-build/startup.json"))["results"]
facts, plain, one = (r["median"] * 1e3 for r in results)
print("| command | median |")
print("|---|---|")
for r in results:
    print(f"| `{r['command'].replace('.build/release/', '')}` | {r['median'] * 1e3:.2f} ms |")
print(f"\nwith facts ÷ --no-facts: {facts / plain:.2f}× (goal ≤ 2.5×)")
PY
echo
Benchmarks/.build/release/redline-bench "$corpus" facts | grep -E "fact diff|^\| what|^\|---"
