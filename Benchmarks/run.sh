#!/usr/bin/env bash
# Reproduces every figure in Docs/DiffEngine.md. Run from the project root:
#   bash Benchmarks/run.sh
# Needs python3.11-doc (corpus prose), hyperfine, git and GNU diff; installs the first two.
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/prepare-corpus.sh

# The binary README installs: fully static, so no dynamic loader runs at start-up (about 1.5 ms).
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
mkdir -p bench-build
redline=.build/release/redline
git_word=(git diff --no-index --no-color --diff-algorithm=myers --word-diff=porcelain)
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C

bench() {  # name, then commands (redline first, the peer second); prints medians and the ratio
    local name=$1; shift
    echo "### $name"
    hyperfine -N -i --warmup 5 --runs 60 --export-json bench-build/run.json "$@" >/dev/null 2>&1
    python3 - <<'PY'
import json
results = json.load(open("bench-build/run.json"))["results"]
print("| command | median | min | ratio to the peer (median) |")
print("|---|---|---|---|")
peer = results[-1]["median"]
for r in results:
    print(f"| `{r['command']}` | {r['median'] * 1e3:.1f} ms | {r['min'] * 1e3:.1f} ms | {r['median'] / peer:.2f}× |")
PY
    echo
}

echo "## Whole-process figures"
echo
c=$corpus/c2_10m_1pct
bench "10 MB pair, line diff (redline unified vs GNU diff)" \
    "$redline diff --by paragraph --format unified $c/a.txt $c/b.txt" \
    "diff $c/a.txt $c/b.txt"
bench "10 MB pair, word diff (redline vs git --word-diff=porcelain)" \
    "$redline diff --color never $c/a.txt $c/b.txt" \
    "${git_word[*]} $c/a.txt $c/b.txt"
u=$corpus/d_unrelated_100k
bench "Unrelated 100 KB pair, word diff" \
    "$redline diff --color never $u/a.txt $u/b.txt" \
    "${git_word[*]} $u/a.txt $u/b.txt"

swift run -c release --package-path Benchmarks redline-bench "$corpus"
