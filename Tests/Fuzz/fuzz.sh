#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS, seeded from Fixtures/ and from the regressions kept
# here; exits non-zero on a crash, leaving the input in Tests/Fuzz/Regressions/TARGET/.
#   bash Tests/Fuzz/fuzz.sh fuzz-diff 600
# Targets: fuzz-diff fuzz-facts fuzz-html fuzz-markdown fuzz-warc fuzz-http fuzz-feed
# Built with AddressSanitizer and libFuzzer's coverage (swift build --sanitize=fuzzer,address)
# in Tests/Fuzz/.build, apart from the project's own build.
set -euo pipefail
target=${1:?usage: fuzz.sh TARGET SECONDS}
seconds=${2:-60}
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
# FUZZ_PREBUILT=1 runs the binary already built (for a chain of runs while the sources change).
if [ "${FUZZ_PREBUILT:-0}" != 1 ]; then
    # SwiftPM keeps a stale build plan when the project gains a source file: plan afresh.
    rm -f .build/x86_64-unknown-linux-gnu/debug/description.json
    swift build --package-path . -c debug --sanitize=fuzzer --sanitize=address \
        -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --product "$target" \
        --scratch-path .build 2>&1 | grep -E "error|warning: unre" || true
fi
binary=.build/debug/$target
[ -x "$binary" ] || { echo "fuzz.sh: $target did not build" >&2; exit 2; }

corpus=.build/corpus/$target
mkdir -p "$corpus" "Regressions/$target"
case $target in
    fuzz-html) seeds=$(find "$root/Fixtures" -name '*.html' | head -200) ;;
    fuzz-markdown) seeds=$(find "$root/Fixtures" -name '*.md' | head -200) ;;
    fuzz-warc) seeds=$(find "$root/Fixtures" -name '*.warc*' | head -50) ;;
    fuzz-http) seeds=$(find "$root/Fixtures" -name '*.http' | head -50) ;;
    fuzz-feed) seeds=$(find "$root/Fixtures" \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' -o -name '*.opml' \) | head -50) ;;
    *) seeds=$(find "$root/Fixtures" -name '*.txt' | head -300) ;;
esac
for seed in $seeds; do cp "$seed" "$corpus/" 2>/dev/null || true; done
cp Regressions/"$target"/* "$corpus/" 2>/dev/null || true

# Leaks inside Foundation (not Redline's memory) are suppressed as in the sanitizer runs.
export LSAN_OPTIONS="suppressions=$root/Tests/Sanitizers/lsan.supp:print_suppressions=0"
# 4 GiB of memory and 10 s per input at most: a time-out or an allocation over the limit is a
# finding too, like a crash.
set +e
"$binary" "$corpus" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 -max_len=65536 \
    -artifact_prefix="Regressions/$target/" -print_final_stats=1 2>&1 | tee ".build/$target.log" | tail -25
status=${PIPESTATUS[0]}
set -e
# Every run's totals, kept for Docs/Reliability.md (time and executions per target add up).
{ echo "$(date -u +%FT%TZ) $target ${seconds}s exit $status"
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov: .*ft:" ".build/$target.log" | tail -3
} >> .build/fuzz-history.log
exit "$status"
