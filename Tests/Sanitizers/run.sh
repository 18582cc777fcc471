#!/usr/bin/env bash
# The whole test suite under a sanitizer, in its own build folder (the normal build is untouched):
#   bash Tests/Sanitizers/run.sh address      (AddressSanitizer + LeakSanitizer)
#   bash Tests/Sanitizers/run.sh thread       (ThreadSanitizer)
# Extra arguments go to `swift test` (e.g. --filter StoreTests). The child processes the CLI
# tests start are sanitized too and inherit the options below.
set -euo pipefail
cd "$(dirname "$0")/../.."
sanitizer=${1:?usage: run.sh address|thread [swift test arguments]}
shift
export LSAN_OPTIONS="suppressions=$PWD/Tests/Sanitizers/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1"
case $sanitizer in address) folder=.build-asan ;; thread) folder=.build-tsan ;; *) folder=.build-$sanitizer ;; esac
swift test --disable-xctest --sanitize="$sanitizer" --scratch-path "$folder" "$@"
