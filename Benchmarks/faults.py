#!/usr/bin/env python3
"""Crash consistency, concurrency and full filesystems at scale, through the real binary (the
figures in Docs/Reliability.md). Each check prints one line of figures and exits non-zero when
anything is lost or damaged.

    python3 Benchmarks/faults.py [CHECK ...] [--redline PATH] [--postgres postgres://USER@HOST:PORT]

Checks: kill-snapshot (100 random SIGKILLs of `snapshot`), kill-import (20 SIGKILLs of a
10,000-revision `import --jsonl`), writers-one (8 processes x 60 snapshots into one article,
readers running), writers-many (8 x 500 into different articles, readers running), disk-full
(`import --jsonl`, WARC import and `export` onto a filesystem that fills up: a 4 MiB tmpfs when
this user may mount one, else RLIMIT_FSIZE), writer-scaling (1, 4 and 8 processes of 200 snapshots:
revisions/s; not in the default set). Default: the five fault checks, with .build/release/redline.
With --postgres, every store is a new database on that server (the binary must be built with
`--traits Postgres`; disk-full stays on SQLite)."""
import gzip, hashlib, json, os, random, resource, shutil, signal, subprocess, sys, tempfile, threading, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
redline = os.path.join(root, ".build/release/redline")
if "--redline" in args:
    at = args.index("--redline")
    redline = os.path.abspath(args[at + 1])
    del args[at:at + 2]
postgres = None
if "--postgres" in args:
    at = args.index("--postgres")
    postgres = args[at + 1].rstrip("/")
    del args[at:at + 2]
checks = args or ["kill-snapshot", "kill-import", "writers-one", "writers-many", "disk-full"]
work = tempfile.mkdtemp(prefix="redline-faults-")
rng = random.Random(7)
failures = []


def run(*arguments, **options):
    return subprocess.run([redline, *arguments], capture_output=True, text=True, **options)


def fail(message):
    failures.append(message)
    print("  FAILED:", message, flush=True)


def new_store(name, sqlite=False):
    """A new, empty store: a directory, or with --postgres a new database on that server."""
    if postgres and not sqlite:
        address = f"{postgres}/faults_{name.replace('-', '_')}_{os.getpid()}_{rng.randrange(10**9)}"
        result = run("init", "--store", address)
        assert result.returncode == 0, result.stderr
        return address
    directory = os.path.join(work, name)
    os.makedirs(directory)
    assert run("init", directory).returncode == 0
    return directory


def text(article, n):
    """A distinct ~2 KB article text for revision n."""
    words = "council river flood toll rescue homes minister budget vote court bridge storm".split()
    body = " ".join(words[(n * 7 + k) % len(words)] for k in range(300))
    return f"Article {article}, revision {n}: the toll rose to {n * 3 + 1}.\n\n{body}\n"


def present(store):
    """Every revision in the store as {"article@n": sha256 of its text}, read through `export`."""
    result = run("export", "--store", store)
    if result.returncode != 0:
        fail(f"export of {store} failed: {result.stderr.strip()}")
        return {}
    revisions = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        revisions[f"{record['article']}@{record['revision']}"] = hashlib.sha256(record["text"].encode()).hexdigest()
    return revisions


def fsck(store, when):
    result = run("fsck", "--store", store)
    if result.returncode != 0:
        fail(f"fsck after {when}: {result.stdout.strip()} {result.stderr.strip()}")


def gapless(revisions, article):
    numbers = sorted(int(key.rsplit("@", 1)[1]) for key in revisions if key.rsplit("@", 1)[0] == article)
    return numbers == list(range(1, len(numbers) + 1)), len(numbers)


def kill_snapshot(rounds=100):
    """Snapshots killed at random moments: each reported revision is there whole; fsck clean."""
    store = new_store("kill-snapshot")
    reported = {}
    killed = 0
    timings = []
    for n in range(12):  # how long one snapshot takes, to aim the kills inside it
        path = os.path.join(work, "warm.txt")
        open(path, "w").write(text("warm", n))
        started = time.perf_counter()
        run("snapshot", path, "--article", "warm", "--store", store)
        timings.append(time.perf_counter() - started)
    span = sorted(timings)[len(timings) // 2]
    for n in range(rounds):
        article = f"a{n % 5}"
        path = os.path.join(work, f"snap-{n}.txt")
        content = text(article, n)
        open(path, "w").write(content)
        process = subprocess.Popen([redline, "snapshot", path, "--article", article, "--store", store],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0, span * 1.2))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        if process.returncode == -signal.SIGKILL:
            killed += 1
        for line in out.splitlines():  # "a0@3: added, 2112 bytes"
            if ": added" in line:
                reported[line.split(":")[0]] = hashlib.sha256(content.encode()).hexdigest()
        if n % 10 == 9:
            fsck(store, f"kill {n + 1}")
    fsck(store, "the last kill")
    revisions = present(store)
    lost = [key for key, digest in reported.items() if revisions.get(key) != digest]
    if lost:
        fail(f"kill-snapshot: reported but missing or different: {lost[:5]}")
    for article in {key.rsplit('@', 1)[0] for key in revisions}:
        if not gapless(revisions, article)[0]:
            fail(f"kill-snapshot: numbering of {article} has gaps")
    print(f"kill-snapshot: {rounds} runs (median run {span * 1000:.1f} ms), {killed} killed before finishing, "
          f"{len(reported)} reported committed, {len(lost)} lost; fsck clean: {not failures}", flush=True)


def noise(seed, kilobytes):
    """Text that does not compress or delta well: hexadecimal digests."""
    return " ".join(hashlib.sha256(f"{seed}-{k}".encode()).hexdigest() for k in range(kilobytes * 16))


def dump(path, articles, revisions, incompressible=False):
    with open(path, "w") as out:
        for a in range(articles):
            for r in range(1, revisions + 1):
                body = text(f"story-{a}", r) + (noise(f"{a}-{r}", 4) + "\n" if incompressible else "")
                out.write(json.dumps({"article": f"story-{a}", "captured_at": 1767225600 + r * 60, "revision": r,
                                      "schema_version": 1, "sha256": hashlib.sha256(body.encode()).hexdigest(),
                                      "text": body}) + "\n")


def kill_import(rounds=20):
    """An import of 10,000 revisions killed 20 times, then finished: every revision it reported
    is there after each kill, fsck is clean, and the finished store holds all 10,000 exactly."""
    store = new_store("kill-import")
    path = os.path.join(work, "dump.jsonl")
    dump(path, 200, 50)
    expected = {}
    for line in open(path):
        record = json.loads(line)
        expected[f"{record['article']}@{record['revision']}"] = hashlib.sha256(record["text"].encode()).hexdigest()
    started = time.perf_counter()
    full = new_store("kill-import-timing")
    run("import", "--jsonl", path, "--store", full)
    duration = time.perf_counter() - started
    reported = set()
    killed = 0
    for n in range(rounds):
        process = subprocess.Popen([redline, "import", "--jsonl", path, "--progress", "--batch", "64",
                                    "--store", store], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        # Somewhere in the first 80% of what is left (the import resumes where the last one stopped).
        left = duration * max(0.05, 1 - len(reported) / len(expected))
        time.sleep(rng.uniform(0.01, left * 0.8))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        killed += process.returncode == -signal.SIGKILL
        reported |= set(out.split())
        fsck(store, f"import kill {n + 1}")
        revisions = present(store)
        missing = [key for key in reported if key not in revisions]
        if missing:
            fail(f"kill-import round {n + 1}: reported but missing: {missing[:5]}")
    before = len(present(store))
    finish = run("import", "--jsonl", path, "--store", store)
    revisions = present(store)
    if finish.returncode != 0 or revisions != expected:
        fail(f"kill-import: the finishing import gave {len(revisions)} revisions (exit {finish.returncode})")
    fsck(store, "the finishing import")
    print(f"kill-import: {rounds} kills of a 10,000-revision import ({duration:.1f} s whole), "
          f"{killed} killed before finishing, {len(reported)} revisions reported committed, "
          f"{before} in the store after the last kill, "
          f"0 lost, all 10,000 exact after finishing: {revisions == expected}", flush=True)


def snapshot_writers(store, processes, each, article_of):
    """`processes` threads, each running `each` `redline snapshot`s of distinct texts into
    `article_of(writer)`: (seconds, error messages, revisions added)."""
    errors, added = [], [0]

    def writer(w):
        article = article_of(w)
        for n in range(each):
            result = run("snapshot", "-", "--article", article, "--store", store, input=text(f"{article}-{w}", n))
            if result.returncode != 0:
                errors.append(result.stderr.strip())
            elif ": added" in result.stdout:
                added[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=writer, args=(w,)) for w in range(processes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, errors, added


def readers(store, article, stop, errors, reads):
    """`log`, `show` and `diff` in a loop until `stop` is set; non-zero exits are errors."""
    while not stop.is_set():
        for command in (["log", article], ["show", f"{article}@1"], ["show", article],
                        ["diff", f"{article}@1", f"{article}@2", "--no-facts"]):
            result = run(*command, "--store", store)
            reads[0] += 1
            if result.returncode not in (0, 1):
                errors.append(f"{' '.join(command)}: {result.stderr.strip()}")


def writers(name, processes, each, one_article):
    """`processes` writers of `each` snapshots, one article or one each, with two readers."""
    store = new_store(name)
    articles = ["shared"] if one_article else [f"w{w}" for w in range(processes)]
    for article in articles:  # two revisions so readers have something to read from the start
        for n in (0, 1):
            run("snapshot", "-", "--article", article, "--store", store, input=text(article, -1 - n))
    stop = threading.Event()
    read_errors, reads = [], [0]
    reader_threads = [threading.Thread(target=readers, args=(store, articles[i % len(articles)], stop, read_errors, reads))
                      for i in range(2)]
    for thread in reader_threads:
        thread.start()
    elapsed, write_errors, added = snapshot_writers(
        store, processes, each, lambda w: articles[0] if one_article else articles[w])
    stop.set()
    for thread in reader_threads:
        thread.join()
    revisions = present(store)
    expected = processes * each + 2 * len(articles)
    gaps = [a for a in articles if not gapless(revisions, a)[0]]
    if len(revisions) != expected:
        fail(f"{name}: {len(revisions)} revisions, expected {expected}")
    if gaps:
        fail(f"{name}: gaps in {gaps}")
    if write_errors:
        fail(f"{name}: {len(write_errors)} writer errors, e.g. {write_errors[0]}")
    if read_errors:
        fail(f"{name}: {len(read_errors)} reader errors, e.g. {read_errors[0]}")
    fsck(store, name)
    print(f"{name}: {processes} writers x {each} snapshots into {'one article' if one_article else 'one article each'}"
          f" in {elapsed:.1f} s ({processes * each / elapsed:.0f} revisions/s), {added[0]} added, "
          f"{len(revisions)} in the store (expected {expected}), gapless: {not gaps}, writer errors "
          f"{len(write_errors)}, {reads[0]} reads with {len(read_errors)} errors", flush=True)


def writer_scaling(each=200):
    """1, 4 and 8 processes of `each` snapshots (one article each, no readers): revisions/s and
    errors, for Docs/Store.md (issue 17)."""
    for processes in (1, 4, 8):
        store = new_store(f"scaling-{processes}")
        elapsed, errors, _ = snapshot_writers(store, processes, each, lambda w: f"w{w}")
        revisions = present(store)
        if len(revisions) != processes * each or errors:
            fail(f"writer-scaling {processes}: {len(revisions)} revisions, {len(errors)} errors")
        print(f"writer-scaling: {processes} writer(s) x {each} snapshots: {elapsed:.1f} s, "
              f"{processes * each / elapsed:.0f} revisions/s, {len(errors)} errors", flush=True)


def filling_place(name):
    """A folder that fills up at 4 MiB: a tmpfs when this user may mount one, else a plain folder
    whose writers get a 4 MiB RLIMIT_FSIZE. Returns (path, the file-size limit or None, what it is)."""
    path = os.path.join(work, name)
    os.makedirs(path)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", path], capture_output=True).returncode == 0:
        return path, None, "tmpfs 4 MiB"
    return path, 4 << 20, "RLIMIT_FSIZE 4 MiB"


def run_limited(arguments, limit):
    """`redline ARGUMENTS` with its file size limited to `limit` bytes (none when None)."""
    def limited():
        if limit:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([redline, *arguments], capture_output=True, text=True, preexec_fn=limited)


def disk_full():
    """Import and export onto a filesystem that fills up: exit 2, the store intact, no partial file."""
    dump_path = os.path.join(work, "big.jsonl")
    dump(dump_path, 60, 40, incompressible=True)  # 2,400 revisions, ~14 MB that barely compress
    warc_path = os.path.join(work, "big.warc.gz")
    with open(warc_path, "wb") as out:
        for n in range(2000):
            words = " ".join(hashlib.sha256(f"{n}-{k}".encode()).hexdigest() for k in range(40))
            html = (f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
                    f"<p>The toll rose to {n} on Tuesday, officials said. {words}</p></article></body></html>").encode()
            response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html) + html
            head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n:08d}>\r\n"
                    f"WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: https://news.example/{n}\r\n"
                    f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(response)}\r\n\r\n")
            out.write(gzip.compress(head.encode() + response + b"\r\n\r\n"))
    for index, (label, command) in enumerate(
            (("import --jsonl", ["import", "--jsonl", dump_path]), ("WARC import", ["import", warc_path]))):
        place, limit, kind = filling_place(f"full-{index}")
        store = os.path.join(place, "store")
        assert run("init", store).returncode == 0
        seed = run("snapshot", "-", "--article", "kept", "--store", store, input=text("kept", 1))
        assert seed.returncode == 0
        result = run_limited([*command, "--store", store], limit)
        intact = run("fsck", "--store", store).returncode == 0
        kept = run("show", "kept", "--store", store).stdout == text("kept", 1)
        if result.returncode != 2 or not intact or not kept:
            fail(f"disk-full {label}: exit {result.returncode}, fsck clean {intact}, earlier revision kept {kept}")
        print(f"disk-full {label}: {kind}: exit {result.returncode}, store intact {intact}, earlier revision kept "
              f"{kept}; says: {result.stderr.strip().splitlines()[-1][:110]}", flush=True)
    # Export of a store larger than the space left: exit 2 and no partial file.
    source = new_store("export-source", sqlite=True)
    assert run("import", "--jsonl", dump_path, "--store", source).returncode == 0
    place, limit, kind = filling_place("full-export")
    result = run_limited(["export", "-o", os.path.join(place, "dump.jsonl"), "--store", source], limit)
    leftovers = os.listdir(place)
    if result.returncode != 2 or leftovers:
        fail(f"disk-full export: exit {result.returncode}, files left: {leftovers}")
    print(f"disk-full export: {kind}: exit {result.returncode}, files left {leftovers}; "
          f"says: {result.stderr.strip().splitlines()[-1][:110]}", flush=True)


try:
    for check in checks:
        {"kill-snapshot": kill_snapshot, "kill-import": kill_import,
         "writers-one": lambda: writers("writers-one", 8, 60, True),
         "writers-many": lambda: writers("writers-many", 8, 500, False),
         "disk-full": disk_full, "writer-scaling": writer_scaling}[check]()
finally:
    for line in open("/proc/mounts").read().splitlines():
        if work in line:
            subprocess.run(["umount", line.split()[1]])
    shutil.rmtree(work, ignore_errors=True)
print("all checks passed" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
