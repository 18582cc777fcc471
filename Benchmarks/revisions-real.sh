#!/usr/bin/env bash
# Fact changes on real revision pairs (Docs/Facts.md, "Real revisions"): per kind, per change type
# and no-change pairs left silent, with the independent check's scorer, for the real set
# (Benchmarks/revisions-real/load.py) and for our own fixtures (Fixtures/revisions).
#   bash Benchmarks/revisions-real.sh [REDLINE]      (from the project root)
# Needs local copies of 18F/18f.gsa.gov, GSA/digitalgov.gov, openSUSE/news-o-o and mozilla/readability under
# /work/.mirror (the search tool's fetch), and the real-page set (Benchmarks/realpages/load.py).
set -euo pipefail
cd "$(dirname "$0")/.."
redline=${1:-.build/release/redline}
scorer=${SCORE_FACTS:-../shared/eval/score_facts.py}
[ -d bench-build/realpages/readability ] || python3 Benchmarks/realpages/load.py bench-build/realpages
rm -rf bench-build/revisions-real bench-build/revisions-heldout bench-build/revisions-heldout2
python3 Benchmarks/revisions-real/load.py bench-build/revisions-real >/dev/null
python3 Benchmarks/revisions-real/load.py bench-build/revisions-heldout --prefix h >/dev/null
python3 Benchmarks/revisions-real/load.py bench-build/revisions-heldout2 --prefix j >/dev/null
score() { # NAME PAIRS_DIR
  local pred="bench-build/pred-$1"
  rm -rf "$pred" && mkdir -p "$pred"
  for d in "$2"/*/; do
    n=$(basename "$d")
    "$redline" diff --format json "$d/old.txt" "$d/new.txt" >"$pred/$n.json" || [ $? -eq 1 ]
  done
  echo "### $1"
  echo
  python3 "$scorer" --pred "$pred" --pairs "$2" --json "bench-build/report-$1.json"
  echo
}
score real bench-build/revisions-real
score held-out bench-build/revisions-heldout
score held-out-2 bench-build/revisions-heldout2
# Our own fixtures keep their folder names; the scorer wants the same names for predictions.
score fixtures Fixtures/revisions
# Per source: the same pairs and predictions, grouped by where the text comes from.
python3 - <<'PY'
import json, os, subprocess
pairs, pred = "bench-build/revisions-real", "bench-build/pred-real"
groups = {}
for pid in sorted(os.listdir(pairs)):
    source = json.load(open(f"{pairs}/{pid}/expected.json"))["source"]
    name = {"h": "held-out ", "j": "held-out 2: "}.get(pid[0], "") + (
        "18F" if "18F/" in source else "digital.gov" if "digitalgov" in source else
        "openSUSE News" if "openSUSE" in source else "news text, modelled edits")
    groups.setdefault(name, []).append(pid)
print("### by source\n")
print("| source | pairs | no-change silent | TP | FP | FN | P | R | F1 |")
print("|---|---|---|---|---|---|---|---|---|")
for name, ids in sorted(groups.items()):
    sub_pairs, sub_pred = f"bench-build/src/{name}/pairs", f"bench-build/src/{name}/pred"
    os.makedirs(sub_pairs, exist_ok=True); os.makedirs(sub_pred, exist_ok=True)
    for pid in ids:
        for src, dst in ((f"{pairs}/{pid}", f"{sub_pairs}/{pid}"), (f"{pred}/{pid}.json", f"{sub_pred}/{pid}.json")):
            if not os.path.lexists(dst): os.symlink(os.path.abspath(src), dst)
    report = f"bench-build/src/{name}/report.json"
    subprocess.run(["python3", os.environ.get("SCORE_FACTS", "../shared/eval/score_facts.py"), "--pred", sub_pred,
                    "--pairs", sub_pairs, "--json", report], check=True, capture_output=True)
    per = json.load(open(report))["per_pair"]
    tp = sum(v["matched"] for v in per.values()); fp = sum(len(v["spurious"]) for v in per.values())
    fn = sum(len(v["missed"]) for v in per.values())
    silent = sum(1 for v in per.values() if v["expected"] == 0 and v["predicted"] == 0)
    quiet = sum(1 for v in per.values() if v["expected"] == 0)
    p = tp / (tp + fp) if tp + fp else 1.0; r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"| {name} | {len(ids)} | {silent}/{quiet} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f:.3f} |")
PY
echo
echo "### sentence alignment (text.alignment) against an independent reference"
echo
rm -rf bench-build/revisions-all && python3 Benchmarks/revisions-real/load.py bench-build/revisions-all >/dev/null
python3 Benchmarks/revisions-real/alignment.py "$redline" bench-build/revisions-all | tail -1
