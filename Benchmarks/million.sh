#!/usr/bin/env bash
# A million revisions (issue 17): `import --jsonl` of ARTICLES x 50 generated revisions into a new
# SQLite store (time, revisions/s, size on disk, peak memory), then the latency of `log`,
# `show ARTICLE@1` (the deepest revision) and `diff ARTICLE@1 ARTICLE@50`, warm and cold (the
# page cache dropped when this user may), next to the same on 10,000 revisions.
#   bash Benchmarks/million.sh [ARTICLES] [postgres://USER@HOST:PORT]   (default 20000: 1,000,000 revisions)
# With a server address the stores are new databases on that PostgreSQL server (the binary is built
# with the Postgres trait; its size on disk is what `stats` counts: the schema's tables and indexes).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-20000}
server=${2:-}
if [ -n "$server" ]; then
    swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline --traits Postgres >/dev/null 2>&1
else
    swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
fi
redline=$PWD/.build/release/redline
work=bench-build/million
mkdir -p "$work"

generate() {  # ARTICLES OUT
    python3 - "$1" "$2" <<'PY'
import hashlib, json, random, sys
articles, out = int(sys.argv[1]), sys.argv[2]
words = ("the council said on a plan for new river homes after storm police report city state week year people "
         "officials minister court judge budget school hospital water road bridge fire flood election vote").split()
with open(out, "w") as f:
    for a in range(articles):
        rng = random.Random(a)
        paragraphs = [" ".join(rng.choice(words) for _ in range(40)).capitalize() + "." for _ in range(12)]
        for r in range(1, 51):
            if r > 1:  # a real edit: one paragraph gains a figure or a sentence
                k = rng.randrange(len(paragraphs))
                paragraphs[k] += " The toll rose to %d." % rng.randrange(2, 500)
            text = "Story %d\n\n" % a + "\n\n".join(paragraphs) + "\n"
            f.write(json.dumps({"article": "story-%d" % a, "captured_at": 1767225600 + a * 3600 + r * 60,
                                "revision": r, "schema_version": 1,
                                "sha256": hashlib.sha256(text.encode()).hexdigest(), "text": text}) + "\n")
PY
}

latency() {  # STORE LABEL
    local store=$1 label=$2 article=story-$(( ${3:-1} / 2 ))
    for command in "log $article" "show $article@1" "diff $article@1 $article@50 --no-facts"; do
        if [ "$label" = cold ]; then
            # The store's pages leave the cache; the binary is read back in first (it is not the store).
            sync
            echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || label="warm (no cache drop allowed)"
            "$redline" --version >/dev/null
        fi
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        "$redline" $command --store "$store" >/dev/null || true
        end=$(date +%s.%N)
        printf '| %s | `%s` | %.1f ms |\n' "$label" "$command" "$(echo "($end - $start) * 1000" | bc -l)"
    done
}

for count in 200 "$articles"; do
    dump=$work/dump-$count.jsonl
    [ -f "$dump" ] || generate "$count" "$dump"
    if [ -n "$server" ]; then
        store=$server/million_${count}_$$_$SECONDS  # a new database each time, even for the same count
        "$redline" init --store "$store" >/dev/null
    else
        store=$work/store-$count
        rm -rf "$store" && "$redline" init "$store" >/dev/null
    fi
    revisions=$((count * 50))
    echo "## $revisions revisions ($count articles x 50), dump $(du -h "$dump" | cut -f1)"
    echo
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$redline" import --jsonl "$dump" --store "$store" 2>/dev/null
    read -r seconds peak < "$work/time.txt"
    if [ -n "$server" ]; then
        size=$("$redline" stats --format json --store "$store" | python3 -c "import json,sys; print(json.load(sys.stdin)['fileBytes'])")
    else
        size=$(du -sb "$store/.redline" | cut -f1)
    fi
    printf 'import: %.1f s, %.0f revisions/s, store %.1f MB (%.0f bytes a revision), peak memory %d MB\n\n' \
        "$seconds" "$(echo "$revisions / $seconds" | bc -l)" "$(echo "$size / 1000000" | bc -l)" \
        "$(echo "$size / $revisions" | bc -l)" $((peak / 1024))
    echo "| cache | command | time |"
    echo "|---|---|---|"
    latency "$store" warm "$count"
    latency "$store" warm "$count"
    latency "$store" cold "$count"
    echo
done
