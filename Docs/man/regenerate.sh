#!/usr/bin/env bash
# Regenerates the man pages in this folder from the CLI's own definitions, with
# swift-argument-parser's generate-manual tool (`CompletionTests` fails when they drift):
#   bash Docs/man/regenerate.sh        (from the project root)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product redline >/dev/null
swift build --product generate-manual >/dev/null
rm -f Docs/man/*.1
.build/debug/generate-manual-tool .build/debug/redline --multi-page --authors "The Redline authors" \
    --output-directory Docs/man
