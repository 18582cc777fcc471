#!/usr/bin/env bash
# Extraction on real pages (Docs/Extraction.md, "Real pages"): quality per source against
# trafilatura and resiliparse on the same pages, whole-process speed (one `redline extract` per
# page), in-process speed and the slowest pages.
#   bash Benchmarks/realpages.sh      (from the project root)
# Needs local copies of mozilla/readability and Murrough-Foley/web-content-extraction-benchmark
# (the search tool's fetch puts them under /work/.mirror; see Benchmarks/realpages/load.py), and
# pip install trafilatura resiliparse lxml_html_clean for the peers.
set -euo pipefail
cd "$(dirname "$0")/.."
set_dir=bench-build/realpages
rm -rf "$set_dir" && python3 Benchmarks/realpages/load.py "$set_dir"
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
swift build -c release --package-path Benchmarks >/dev/null 2>&1

echo "## Quality per source, and whole-process speed"
echo
python3 Benchmarks/realpages/score.py .build/release/redline "$set_dir" --peers --worst 15
echo
echo "## In process (redline-bench extract: every page once per round, one core)"
echo
Benchmarks/.build/release/redline-bench extract "$set_dir" 5
