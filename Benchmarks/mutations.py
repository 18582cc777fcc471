#!/usr/bin/env python3
"""Mutation check: applies each one-line mutation in Benchmarks/mutations/mutations.json, builds,
runs the tests named for it, and restores the file. A mutation is killed when a test fails by an
expectation; a crash (signal) or a time-out is reported apart, as the issue asks, because a bug
caught only that way is caught by luck.

    python3 Benchmarks/mutations.py [FIRST [COUNT]]     (from the project root)
    python3 Benchmarks/mutations.py 3,5,18              (only these)

Each test run gets 8 GiB of address space and 300 s. Results: bench-build/mutations.json and a
table on stdout (the kill rate goes in Docs/Reliability.md)."""
import json, os, re, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
mutations = json.load(open("Benchmarks/mutations/mutations.json"))
if len(sys.argv) > 1 and "," in sys.argv[1]:   # a list of indices: mutations.py 3,5,18
    chosen = [int(i) for i in sys.argv[1].split(",")]
    first, count = chosen[0], len(chosen)
else:
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    count = int(sys.argv[2]) if len(sys.argv) > 2 else len(mutations)
    chosen = list(range(first, min(first + count, len(mutations))))
results = []
for index in chosen:
    path, old, new, tests, label = mutations[index]
    source = open(path).read()
    if source.count(old) != 1:
        results.append({"index": index, "label": label, "outcome": "not applicable (snippet not found once)"})
        print(f"{index:2} {label}: snippet found {source.count(old)} times", flush=True)
        continue
    started = time.time()
    try:
        open(path, "w").write(source.replace(old, new))
        build = subprocess.run(["swift", "build", "--build-tests"], capture_output=True, text=True)
        if build.returncode != 0:
            outcome = "not viable (does not compile)"
        else:
            test = subprocess.run(
                ["bash", "-c", f"ulimit -v 8388608; timeout 300 swift test --disable-xctest --skip-build --filter '{tests}'"],
                capture_output=True, text=True)
            output = test.stdout + test.stderr
            if test.returncode == 0:
                outcome = "survived"
            elif test.returncode == 124:
                outcome = "time-out"
            elif re.search(r"Expectation failed|recorded an issue", output):
                outcome = "killed"
            else:
                outcome = f"crash (exit {test.returncode})"
    finally:
        open(path, "w").write(source)
    results.append({"index": index, "label": label, "file": path, "tests": tests, "outcome": outcome,
                    "seconds": round(time.time() - started, 1)})
    print(f"{index:2} {outcome:10} {label} ({path.split('/')[-1]}, {time.time() - started:.0f} s)", flush=True)
subprocess.run(["swift", "build", "--build-tests"], capture_output=True)
os.makedirs("bench-build", exist_ok=True)
name = sys.argv[1].replace(",", "_") if len(sys.argv) > 1 and "," in sys.argv[1] else f"{first}-{first + count}"
json.dump(results, open(f"bench-build/mutations-{name}.json", "w"), indent=1)
killed = sum(r["outcome"] == "killed" for r in results)
viable = sum(r["outcome"] not in ("not viable (does not compile)",) and not r["outcome"].startswith("not applicable") for r in results)
print(f"\nkilled by an expectation: {killed} of {viable} viable mutations ({100 * killed / max(1, viable):.0f}%)")
