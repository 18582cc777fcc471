#!/usr/bin/env bash
# The store's figures in Docs/Store.md: ingest rate, size against git, read latency.
#   bash Benchmarks/store.sh            (from the project root; uses bench-corpus from run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=bench-corpus
[ -f "$corpus/manifest.json" ] || python3 ../shared/bench/gen_corpus.py --out "$corpus"
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
redline=$PWD/.build/release/redline
work=bench-build/store
rm -rf "$work" && mkdir -p "$work"
python3 Benchmarks/store/make_histories.py "$corpus/c2_10m_1pct/a.txt" "$work" 200 50
raw=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$work/histories.jsonl")
deflated=$(python3 -c "
import json,sys,zlib
print(sum(len(zlib.compress(json.loads(l)['text'].encode(), 9)) - 6 for l in open(sys.argv[1])))" "$work/histories.jsonl")
count=$(wc -l < "$work/histories.jsonl")

echo "## Store: $count revisions (200 articles x 50), $raw bytes of text"
echo
"$redline" init "$work/redline" >/dev/null
start=$(date +%s.%N)
"$redline" import --jsonl "$work/histories.jsonl" --store "$work/redline" 2>/dev/null
end=$(date +%s.%N)
ingest=$(python3 -c "print(f'{$count / ($end - $start):.0f}')")
redline_bytes=$(du -sb "$work/redline/.redline" | cut -f1)
"$redline" fsck --store "$work/redline" >/dev/null

git init -q "$work/git"
(cd "$work/git" && git fast-import --quiet < ../histories.fastimport && git gc --aggressive --prune=now -q)
git_bytes=$(cat "$work"/git/.git/objects/pack/*.pack "$work"/git/.git/objects/pack/*.idx | wc -c)

python3 - "$raw" "$deflated" "$redline_bytes" "$git_bytes" "$count" "$ingest" <<'PY'
import sys
raw, deflated, red, git, n, ingest = map(float, sys.argv[1:])
print("| what | bytes | bytes per revision | vs git |")
print("|---|---|---|---|")
for label, size in [("raw text", raw), ("each revision deflated alone", deflated),
                    ("Redline store (.redline after close)", red), ("git pack + idx after gc --aggressive", git)]:
    print(f"| {label} | {size:,.0f} | {size / n:,.0f} | {size / git:.2f}x |")
print()
print(f"ingest (`redline import --jsonl`, 6 KB revisions): {ingest:,.0f} revisions/s")
PY

echo
echo "### Read latency (whole process, \`redline show\`, hyperfine)"
hyperfine -N -w 3 -r 30 "$redline show article-100@25 --store $work/redline" "$redline show article-100@50 --store $work/redline" "$redline show article-100@1 --store $work/redline" 2>/dev/null | grep -E "Time|redline show"
