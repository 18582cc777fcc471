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

# The other fill path: snapshot by snapshot, as a crawler fills it (revision r of every article,
# then r + 1…), one `redline snapshot` process per revision.
"$redline" init "$work/snapshots" >/dev/null
python3 - "$work" "$redline" <<'PY'
import datetime, json, os, subprocess, sys
work, redline = sys.argv[1], sys.argv[2]
records = [json.loads(line) for line in open(os.path.join(work, "histories.jsonl"))]
records.sort(key=lambda r: (r["revision"], r["article"]))
path = os.path.join(work, "revision.txt")
for r in records:
    with open(path, "w") as f:
        f.write(r["text"])
    subprocess.run([redline, "snapshot", path, "--article", r["article"], "--at",
                    datetime.datetime.fromtimestamp(r["captured_at"], datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "--store", os.path.join(work, "snapshots")], check=True, stdout=subprocess.DEVNULL)
PY
snapshot_bytes=$(du -sb "$work/snapshots/.redline" | cut -f1)
"$redline" fsck --store "$work/snapshots" >/dev/null

git init -q "$work/git"
(cd "$work/git" && git fast-import --quiet < ../histories.fastimport && git gc --aggressive --prune=now -q)
git_bytes=$(cat "$work"/git/.git/objects/pack/*.pack "$work"/git/.git/objects/pack/*.idx | wc -c)

python3 - "$raw" "$deflated" "$redline_bytes" "$snapshot_bytes" "$git_bytes" "$count" "$ingest" <<'PY'
import sys
raw, deflated, red, snap, git, n, ingest = map(float, sys.argv[1:])
print("| what | bytes | bytes per revision | vs git |")
print("|---|---|---|---|")
for label, size in [("raw text", raw), ("each revision deflated alone", deflated),
                    ("Redline store filled by `import --jsonl`", red),
                    ("Redline store filled snapshot by snapshot", snap),
                    ("git pack + idx after gc --aggressive", git)]:
    print(f"| {label} | {size:,.0f} | {size / n:,.0f} | {size / git:.2f}x |")
print()
print(f"ingest (`redline import --jsonl`, 6 KB revisions): {ingest:,.0f} revisions/s")
PY

echo
echo "### Read latency in process (\`SQLiteStore.text(of:_:)\`, random articles, 2,000 reads each)"
echo
swift build -c release --package-path Benchmarks >/dev/null 2>&1
Benchmarks/.build/release/redline-bench store-read "$work/redline" 200 50
echo
echo "Peer: one \`git cat-file --batch\` process reading 2,000 blobs of random articles at each depth:"
echo
python3 - "$work/git" <<'PY'
import random, subprocess, sys, time
repo = sys.argv[1]
log = subprocess.run(["git", "-C", repo, "log", "main", "--reverse", "--format=", "--raw", "--no-abbrev"],
                     capture_output=True, text=True, check=True).stdout
blobs = {}
for line in log.splitlines():
    if line.startswith(":"):
        meta, name = line.split("\t")
        blobs.setdefault(name, []).append(meta.split()[3])
names = sorted(blobs)
rng = random.Random(1)
print("| revision read | git cat-file --batch, mean per blob |")
print("|---|---|")
for number in [50, 49, 25, 1]:
    # The same depth from the newest (identical consecutive texts add no blob, as in Redline).
    picks = [blobs[rng.choice(names)] for _ in range(2000)]
    wanted = "".join(b[max(0, len(b) - 1 - (50 - number))] + "\n" for b in picks)
    best = None
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(["git", "-C", repo, "cat-file", "--batch"], input=wanted.encode(), capture_output=True, check=True)
        elapsed = (time.perf_counter() - start) / 2000
        best = elapsed if best is None else min(best, elapsed)
    print(f"| @{number} of 50 | {best * 1e6:.1f} µs |")
PY

echo
echo "### Read latency, whole process: \`redline show\` against \`git show\` (hyperfine)"
echo
first=$(git -C "$work/git" log main --format=%H -- article-100.txt | tail -1)
middle=$(git -C "$work/git" log main --format=%H -- article-100.txt | sed -n 26p)
hyperfine -N -w 3 -r 30 --export-markdown "$work/read.md" \
  "$redline show article-100@50 --store $work/redline" "git -C $work/git show main:article-100.txt" \
  "$redline show article-100@25 --store $work/redline" "git -C $work/git show $middle:article-100.txt" \
  "$redline show article-100@1 --store $work/redline" "git -C $work/git show $first:article-100.txt" >/dev/null 2>&1
cat "$work/read.md"

echo
echo "### SIGKILL loop (200 kills of a writer mid-import)"
echo
python3 Benchmarks/store/crash_loop.py "$redline" 200
