#!/usr/bin/env bash
# The WARC figures in Docs/Ingest.md: the reader alone against warcio (pip install warcio), and
# `redline import` of the whole archive into a new store (time, revisions/s, peak memory).
#   bash Benchmarks/warc.sh [SIZE_MB]      (default 1000: a 1 GB WARC, uncompressed)
#   BASELINE=/path/to/redline bash Benchmarks/warc.sh   (also times that binary, in the same run)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1000}
work=bench-build/warc
mkdir -p "$work"
warc=$work/bench-$size.warc.gz
[ -f "$warc" ] || python3 Benchmarks/warc/make_warc.py "$warc" "$size" 8
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
swift build -c release --package-path Benchmarks >/dev/null 2>&1
redline=$PWD/.build/release/redline

echo "## The reader alone (every record, every block read; no extraction, no store)"
echo
Benchmarks/.build/release/redline-bench warc-read "$warc"
python3 - "$warc" <<'PY'
import resource, sys, time
try:
    from warcio.archiveiterator import ArchiveIterator
except ImportError:
    print("\n(warcio not installed: pip install warcio)")
    sys.exit(0)
start = time.perf_counter()
records = blocks = 0
with open(sys.argv[1], "rb") as stream:
    for record in ArchiveIterator(stream, arc2warc=False, no_record_parse=True):
        blocks += len(record.content_stream().read())
        records += 1
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"\nwarcio (Python), same file: {records} records, {blocks} block bytes in {elapsed:.2f} s, peak RSS {peak} MiB")
PY

echo
echo "## redline import into a new store"
rm -rf "$work/store" && "$redline" init "$work/store" >/dev/null
/usr/bin/time -f "%e s, peak RSS %M KB" -o "$work/import-time.txt" "$redline" import "$warc" --store "$work/store" | tee "$work/import.txt"
cat "$work/import-time.txt"
python3 - "$work/import.txt" "$work/import-time.txt" "$size" <<'PY'
import re, sys
report, timing, size = open(sys.argv[1]).read(), open(sys.argv[2]).read(), float(sys.argv[3])
seconds = float(timing.split()[0])
added = int(re.search(r"imported (\d+) revisions", report).group(1))
pages = int(re.search(r"\((\d+) pages", report).group(1))
print(f"import: {size / seconds:.1f} MB/s of WARC, {pages / seconds:,.0f} pages/s, {added / seconds:,.0f} revisions added/s")
PY
du -sb "$work/store/.redline" | awk '{print "store: " $1 " bytes"}'

# The same import on one extraction thread (--jobs 1), and with BASELINE=path/to/an/older/redline
# that binary too, in this run: the speed-up of the pipeline is a ratio measured side by side.
echo
echo "## the same import: every core against one, and against a baseline binary"
for run in "jobs-2:$redline --jobs $(nproc)" "jobs-1:$redline --jobs 1" ${BASELINE:+"baseline:$BASELINE"}; do
    label=${run%%:*}
    read -r -a command <<< "${run#*:}"
    rm -rf "$work/store-$label" && "${command[0]}" init "$work/store-$label" >/dev/null
    /usr/bin/time -f "$label: %e s, peak RSS %M KB" "${command[0]}" import "$warc" "${command[@]:1}" \
        --store "$work/store-$label" 2>&1 >/dev/null | tail -1
done
