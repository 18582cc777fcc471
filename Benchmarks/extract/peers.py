#!/usr/bin/env python3
"""Extraction quality and speed of Redline against Python extractors, in one run.

    python3 peers.py REDLINE_BINARY PAGES_DIR FIXTURES_DIR

Quality: on every fixture page with an expected article (Fixtures/html/*.expected.json) and on
its padded copies in PAGES_DIR, the body is scored as the hidden benchmark scores it: words split
on \\w+, precision and recall over 4-word shingles averaged over pages, F1 from the two averages.
Speed: every page in PAGES_DIR once per round, single core, median of the rounds, MB/s.
Peers: trafilatura (favor_precision off, no comments, no tables kept out) and resiliparse's
main-content text, each when installed (pip install trafilatura resiliparse).
"""
import glob, json, os, re, statistics, subprocess, sys, time

from shingles import score as shingle_score

def score(extracted, expected):
    return shingle_score(extracted, expected)[:2]

binary, pages_dir, fixtures = sys.argv[1], sys.argv[2], sys.argv[3]

def redline(path):
    out = subprocess.run([binary, "extract", path, "--format", "json"], capture_output=True, text=True)
    return json.loads(out.stdout)["body"] if out.returncode == 0 else ""

extractors = {"redline": redline}
try:
    import trafilatura
    extractors["trafilatura " + trafilatura.__version__] = lambda path: trafilatura.extract(
        open(path, "rb").read(), include_comments=False, include_tables=True) or ""
except ImportError:
    pass
try:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    def resiliparse_extract(path):
        data = open(path, "rb").read()
        return extract_plain_text(bytes_to_str(data, detect_encoding(data)), main_content=True)
    extractors["resiliparse"] = resiliparse_extract
except ImportError:
    pass

# Quality on the fixture pages (articles only) and their padded copies.
cases = []
for expected_path in sorted(glob.glob(os.path.join(fixtures, "*.expected.json"))):
    expected = json.load(open(expected_path))
    if "paragraphs" not in expected:
        continue
    name = os.path.basename(expected_path)[:-len(".expected.json")]
    body = "\n\n".join(expected["paragraphs"])
    cases.append((os.path.join(fixtures, name + ".html"), body))
    cases += [(p, body) for p in sorted(glob.glob(os.path.join(pages_dir, name + "-*.html")))]

print("| extractor | pages | precision | recall | F1 (4-word shingles) |")
print("|---|---|---|---|---|")
for label, extract in extractors.items():
    ps, rs = zip(*(score(extract(path), body) for path, body in cases))
    p, r = statistics.mean(ps), statistics.mean(rs)
    print(f"| {label} | {len(cases)} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r):.3f} |")

# Speed of the Python peers, in process, single core (Redline's figure comes from redline-bench).
pages = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(pages_dir, "*.html")))]
total = sum(len(p) for p in pages)
print()
print("| peer | pages | bytes | median time per round | MB/s |")
print("|---|---|---|---|---|")
for label, extract in extractors.items():
    if label == "redline":
        continue
    import tempfile
    paths = sorted(glob.glob(os.path.join(pages_dir, "*.html")))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        for path in paths:
            extract(path)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"| {label} | {len(paths)} | {total:,} | {median * 1000:.0f} ms | {total / median / 1e6:.1f} |")
