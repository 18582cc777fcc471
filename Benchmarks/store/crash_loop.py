#!/usr/bin/env python3
"""The SIGKILL loop at length: a writer committing one revision per transaction is killed at a
random moment, ROUNDS times (default 200); after each kill the store must open, `fsck` must be
clean, and every revision the writer reported as committed must be there.

    python3 Benchmarks/store/crash_loop.py REDLINE_BINARY [ROUNDS]

Exit status 0 when every round passed, 1 otherwise (each failure is printed).
"""
import json, hashlib, os, random, signal, subprocess, sys, tempfile, time

binary = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(2026)
work = tempfile.mkdtemp(prefix="redline-crash-")
subprocess.run([binary, "init", work], check=True, capture_output=True)

def dump(path, round_number, count=3000):
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            article = "round-%d" % round_number if n % 2 == 0 else "shared"
            text = "Round %d, revision %d: the toll rose to %d on day %d.\n" % (round_number, n, n * 3 + round_number, n)
            out.write(json.dumps({"article": article, "revision": n + 1, "captured_at": n,
                                  "sha256": hashlib.sha256(text.encode()).hexdigest(), "text": text},
                                 sort_keys=True) + "\n")

committed, fsck_failures, kills_mid_write = [], 0, 0
started = time.time()
for r in range(rounds):
    path = os.path.join(work, "dump.jsonl")
    dump(path, r)
    child = subprocess.Popen([binary, "import", "--jsonl", path, "--batch", "1", "--progress", "--store", work],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.02, 0.4))
    if child.poll() is None:
        kills_mid_write += 1
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    committed += out.decode().split()
    fsck = subprocess.run([binary, "fsck", "--store", work], capture_output=True, text=True)
    if fsck.returncode != 0:
        fsck_failures += 1
        print("round %d: fsck failed: %s" % (r, fsck.stderr.strip()))

# Every reported revision is present.
present = set()
articles = subprocess.run([binary, "articles", "--store", work], capture_output=True, text=True, check=True).stdout
for line in articles.splitlines():
    key, count = line.split("\t")[0], int(line.split("\t")[1].split()[0])
    present.update("%s@%d" % (key, n) for n in range(1, count + 1))
missing = [c for c in committed if c not in present]
if missing:
    print("%d committed revisions missing, e.g. %s" % (len(missing), missing[:5]))
print("%d rounds (%d killed mid-write) in %.0f s: fsck clean after %d of %d kills; %d revisions reported committed, %d missing"
      % (rounds, kills_mid_write, time.time() - started, rounds - fsck_failures, rounds, len(committed), len(missing)))
sys.exit(1 if fsck_failures or missing else 0)
