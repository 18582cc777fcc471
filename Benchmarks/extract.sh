#!/usr/bin/env bash
# The extraction figures in Docs/Extraction.md: speed (MB/s of HTML, one core) and peak memory,
# and quality (F1) on the fixture pages, against Python extractors in the same run.
#   bash Benchmarks/extract.sh        (from the project root; pip install trafilatura resiliparse for the peers)
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench-build/extract
rm -rf "$work" && mkdir -p "$work/pages"
python3 Benchmarks/extract/make_pages.py Fixtures/html "$work/pages" 10
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
swift build -c release --package-path Benchmarks >/dev/null 2>&1
redline=$PWD/.build/release/redline

echo "## Speed, in process (redline-bench extract: every page once per round, one core)"
echo
Benchmarks/.build/release/redline-bench extract "$work/pages" 10
echo
echo "## Quality and the peers' speed"
echo
python3 Benchmarks/extract/peers.py "$redline" "$work/pages" Fixtures/html
echo
echo "## Whole process on one 50 MB page (/usr/bin/time)"
python3 -c "
p = '<p>The committee heard evidence from 14 witnesses over three days, and its report runs to 600 pages.</p>\n'
open('$work/huge.html', 'w').write('<html><head><title>Long report</title></head><body><article>' + p * (50_000_000 // len(p) + 1) + '</article></body></html>')"
/usr/bin/time -f "50 MB page: %e s, peak RSS %M KB" "$redline" extract "$work/huge.html" >/dev/null
