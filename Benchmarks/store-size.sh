#!/usr/bin/env bash
# The store's size against git (issue 17, §1): ARTICLES articles x REVISIONS revisions of ~4.6 KB,
# each revision 1 to 6 words edited, stored two ways — snapshot by snapshot (`redline snapshot`,
# as a crawler fills it) and by one `import --jsonl` — against a `git gc --aggressive` pack and
# index of the same histories (one file per article, one commit per revision).
#   bash Benchmarks/store-size.sh [ARTICLES [REVISIONS]]      (default 50 30)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-50}
revisions=${2:-30}
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
redline=$PWD/.build/release/redline
work=bench-build/store-size
rm -rf "$work" && mkdir -p "$work/texts"

python3 - "$articles" "$revisions" "$work" <<'PY'
import hashlib, json, os, random, sys
articles, revisions, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(17)
words = ("the council said on a plan for new river homes after storm police report city state week year people "
         "officials minister court judge budget school hospital water road bridge fire flood election vote").split()
with open(os.path.join(work, "dump.jsonl"), "w") as dump:
    for a in range(articles):
        text = [rng.choice(words) for _ in range(760)]  # ~4.6 KB
        for r in range(1, revisions + 1):
            if r > 1:
                for _ in range(rng.randint(1, 6)):
                    text[rng.randrange(len(text))] = rng.choice(words)
            body = " ".join(text[k] if (k + 1) % 40 else text[k] + ".\n\n" for k in range(len(text))) + "\n"
            open(os.path.join(work, "texts", "a%03d-r%03d.txt" % (a, r)), "w").write(body)
            dump.write(json.dumps({"article": "a%03d" % a, "captured_at": 1767225600 + r * 3600 + a, "revision": r,
                                   "schema_version": 1, "sha256": hashlib.sha256(body.encode()).hexdigest(),
                                   "text": body}) + "\n")
PY

raw=$(cat "$work"/texts/*.txt | wc -c)
"$redline" init "$work/snapshots" >/dev/null
for r in $(seq -f "%03g" 1 "$revisions"); do
    for a in $(seq -f "%03g" 0 $((articles - 1))); do
        "$redline" snapshot "$work/texts/a$a-r$r.txt" --article "a$a" --store "$work/snapshots" >/dev/null
    done
done
"$redline" init "$work/import" >/dev/null
"$redline" import --jsonl "$work/dump.jsonl" --store "$work/import" 2>/dev/null

git init -q "$work/git"
for r in $(seq -f "%03g" 1 "$revisions"); do
    for a in $(seq -f "%03g" 0 $((articles - 1))); do cp "$work/texts/a$a-r$r.txt" "$work/git/a$a.txt"; done
    (cd "$work/git" && git add -A && git -c user.name=b -c user.email=b@b commit -qm "r$r")
done
(cd "$work/git" && git gc --aggressive --prune=now -q)
pack=$(du -cb "$work"/git/.git/objects/pack/*.pack "$work"/git/.git/objects/pack/*.idx | tail -1 | cut -f1)

size() { du -sb "$1/.redline" | cut -f1; }
payloads() { sqlite3 "$1/.redline/store.sqlite" "SELECT (SELECT SUM(LENGTH(payload)) FROM heads) + (SELECT SUM(LENGTH(payload)) FROM history)"; }
echo "## $((articles * revisions)) revisions ($articles articles x $revisions), $raw bytes of text"
echo
echo "| store | bytes | ÷ git pack + index | payloads alone |"
echo "|---|---|---|---|"
echo "| git gc --aggressive (pack + index) | $pack | 1.00× | |"
for fill in snapshots import; do
    bytes=$(size "$work/$fill")
    printf '| redline, filled by %s | %d | %.2f× | %d (%.2f×) |\n' "$fill" "$bytes" "$(echo "$bytes / $pack" | bc -l)" \
        "$(payloads "$work/$fill")" "$(echo "$(payloads "$work/$fill") / $pack" | bc -l)"
done
