#!/usr/bin/env python3
"""Extraction quality and speed on the real-page development set (see load.py), per source.

    python3 Benchmarks/realpages/score.py REDLINE_BINARY SET_DIR [--peers] [--worst N] [--only SOURCE]

The metric is the one of issue 5 and of the independent check: words are \\w+ runs (lower-cased),
precision and recall over 4-word shingles per page, averaged over pages, F1 from the two
averages; "exact" counts pages whose shingles match the expected body exactly.
Redline runs whole-process, one `redline extract --format json` per page (its body), timed.
With --peers, trafilatura and resiliparse run on the same pages in process (their outputs are
cached in SET_DIR/.peers.json, keyed by page and version). --worst N lists the N lowest-F1 pages
of Redline with their precision and recall.
"""
import argparse, glob, json, os, re, statistics, subprocess, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "extract"))
from shingles import score  # noqa: E402  (the metric, shared with Benchmarks/extract/peers.py)

def summary(results):
    ps = [r[0] for r in results]
    rs = [r[1] for r in results]
    p, r = statistics.mean(ps), statistics.mean(rs)
    f = 2 * p * r / (p + r) if p + r else 0.0
    exact = sum(1 for x in results if x[2]) / len(results)
    return p, r, f, exact

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("set")
    parser.add_argument("--peers", action="store_true")
    parser.add_argument("--worst", type=int, default=0)
    parser.add_argument("--only")
    parser.add_argument("--dump", help="write each page's Redline precision and recall to this JSON file")
    args = parser.parse_args()

    pages = []
    for source in sorted(os.listdir(args.set)):
        if args.only and source != args.only:
            continue
        for html in sorted(glob.glob(os.path.join(args.set, source, "*.html"))):
            pages.append((source, html, open(html[:-5] + ".txt").read()))

    extractors = {"redline": None}
    if args.peers:
        import trafilatura
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        import resiliparse
        extractors[f"trafilatura {trafilatura.__version__}"] = lambda data: trafilatura.extract(
            data, include_comments=False, include_tables=True) or ""
        extractors[f"resiliparse {getattr(resiliparse, '__version__', '')}".strip()] = lambda data: extract_plain_text(
            bytes_to_str(data, detect_encoding(data)), main_content=True)

    cache_path = os.path.join(args.set, ".peers.json")
    cache = json.load(open(cache_path)) if os.path.exists(cache_path) else {}
    rows, worst, speeds = [], [], {}
    for label in extractors:
        per_source, total_bytes, total_time, slowest = {}, 0, 0.0, []
        for source, html, expected in pages:
            data = open(html, "rb").read()
            if label == "redline":
                start = time.perf_counter()
                out = subprocess.run([args.binary, "extract", html, "--format", "json"], capture_output=True)
                elapsed = time.perf_counter() - start
                body = json.loads(out.stdout)["body"] if out.returncode == 0 and out.stdout else ""
                slowest.append((len(data) / elapsed / 1e6, elapsed * 1000, html))
            else:
                key = f"{label}:{html}"
                if key in cache:
                    body, elapsed = cache[key]
                else:
                    start = time.perf_counter()
                    body = extractors[label](data)
                    elapsed = time.perf_counter() - start
                    cache[key] = (body, elapsed)
            total_bytes += len(data)
            total_time += elapsed
            result = score(body, expected)
            per_source.setdefault(source, []).append(result)
            if label == "redline":
                worst.append((2 * result[0] * result[1] / (result[0] + result[1]) if sum(result[:2]) else 0, result, html))
        for source, results in per_source.items():
            rows.append((label, source, len(results)) + summary(results))
        everything = [r for results in per_source.values() for r in results]
        rows.append((label, "all", len(everything)) + summary(everything))
        speeds[label] = (total_bytes, total_time, sorted(slowest)[:3])
    json.dump(cache, open(cache_path, "w"))

    print("| extractor | source | pages | precision | recall | F1 | exact |")
    print("|---|---|---|---|---|---|---|")
    for label, source, n, p, r, f, exact in rows:
        print(f"| {label} | {source} | {n} | {p:.3f} | {r:.3f} | **{f:.3f}** | {exact:.0%} |")
    print()
    print("| extractor | bytes | time | MB/s |")
    print("|---|---|---|---|")
    for label, (total, elapsed, slowest) in speeds.items():
        kind = "whole process, one per page" if label == "redline" else "in process"
        print(f"| {label} ({kind}) | {total:,} | {elapsed:.2f} s | {total / elapsed / 1e6:.1f} |")
    if speeds["redline"][2]:
        print()
        print("Slowest pages for Redline (MB/s, ms): " + "; ".join(
            f"{os.path.basename(h)} {mbs:.1f} MB/s {ms:.0f} ms" for mbs, ms, h in speeds["redline"][2]))
    if args.dump:
        json.dump({html: [p, r] for _, (p, r, _), html in worst}, open(args.dump, "w"), indent=0)
    if args.worst:
        print()
        for f, (p, r, _), html in sorted(worst)[:args.worst]:
            print(f"{f:.3f} P {p:.3f} R {r:.3f} {html}")

if __name__ == "__main__":
    main()
