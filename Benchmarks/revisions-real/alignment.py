#!/usr/bin/env python3
"""Sentence alignment on real revisions: Redline's `text.alignment` against a reference.

    python3 Benchmarks/revisions-real/alignment.py REDLINE PAIRS_DIR

The reference is built independently of Redline: both texts are split into sentences by a
plain rule (a full stop, question or exclamation mark, optionally closed by a quote or bracket,
then a space and a capital or digit; and every line break), identical sentences are matched in
order (difflib), and each changed stretch between them is resolved by word overlap — one old to
one new is `edited`, one old to several new a `split`, several old to one new a `merged`, the
rest `added`/`removed`. Links are (old sentence, new sentence) pairs; Redline's entries are
mapped onto the reference sentences by byte overlap. Pair precision/recall/F1 count links, and
the splits and merges the reference finds are listed with whether Redline found them.

Where the two splitters disagree about a sentence boundary (an abbreviation, say) the link sets
differ without either alignment being wrong, so the figure is a floor, not an exact score.
"""
import difflib, json, os, re, subprocess, sys

BOUNDARY = re.compile(r'(?<=[.!?])["”’)\]]?\s+(?=["“(\[]?[A-Z0-9])')


def sentences(text):
    """Sentences as (start, end) byte ranges and their text."""
    data = text.encode("utf-8")
    out = []
    offset = 0
    for line in data.split(b"\n"):
        decoded = line.decode("utf-8")
        start = 0
        pieces = []
        for match in BOUNDARY.finditer(decoded):
            pieces.append((start, match.start()))
            start = match.end()
        pieces.append((start, len(decoded)))
        for a, b in pieces:
            piece = decoded[a:b].strip()
            if not piece:
                continue
            lead = len(decoded[:a].encode()) + (len(decoded[a:b].encode()) - len(decoded[a:b].lstrip().encode()))
            out.append((offset + lead, offset + lead + len(piece.encode()), piece))
        offset += len(line) + 1
    return out


def words(s):
    return set(re.findall(r"\w+", s.lower()))


def reference(old, new):
    """Links (i, j) and the kind of each changed stretch."""
    a = [s[2] for s in old]
    b = [s[2] for s in new]
    links, events = set(), []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            links.update((i1 + k, j1 + k) for k in range(i2 - i1))
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        # Each new sentence goes to the old one holding most of its words (if any holds half).
        for j in news:
            best = max(olds, key=lambda i: len(words(a[i]) & words(b[j])), default=None)
            if best is not None and len(words(a[best]) & words(b[j])) >= 0.5 * max(1, len(words(b[j]))):
                links.add((best, j))
        # Each old sentence whose words went mostly into one new sentence (a merge) links to it.
        for i in olds:
            if any(l[0] == i for l in links):
                continue
            best = max(news, key=lambda j: len(words(a[i]) & words(b[j])), default=None)
            if best is not None and len(words(a[i]) & words(b[best])) >= 0.5 * max(1, len(words(a[i]))):
                links.add((i, best))
        for i in olds:
            targets = [j for (x, j) in links if x == i and j in news]
            if len(targets) > 1:
                events.append(("split", i, tuple(sorted(targets))))
        for j in news:
            sources = [i for (i, y) in links if y == j and i in olds]
            if len(sources) > 1:
                events.append(("merged", tuple(sorted(sources)), j))
    return links, events


def index_of(ranges, start, end):
    """Reference sentences a byte range overlaps."""
    return [k for k, (a, b, _) in enumerate(ranges) if a < end and start < b]


def redline_links(report, old, new):
    links = set()
    for entry in report["text"]["alignment"]:
        olds = sorted({k for s, e in entry["old"] for k in index_of(old, s, e)})
        news = sorted({k for s, e in entry["new"] for k in index_of(new, s, e)})
        if entry["change"] in ("unchanged", "moved", "edited") and len(olds) == len(news):
            # One Redline sentence the reference splits in several, on both sides alike: a
            # segmentation difference, linked piece by piece.
            links.update(zip(olds, news))
        else:
            links.update((i, j) for i in olds for j in news)
    return links


def main():
    redline, pairs = sys.argv[1], sys.argv[2]
    tp = fp = fn = 0
    found = missed = 0
    for pid in sorted(os.listdir(pairs)):
        directory = os.path.join(pairs, pid)
        old_text = open(os.path.join(directory, "old.txt"), encoding="utf-8").read()
        new_text = open(os.path.join(directory, "new.txt"), encoding="utf-8").read()
        old, new = sentences(old_text), sentences(new_text)
        gold, events = reference(old, new)
        run = subprocess.run([redline, "diff", "--format", "json", os.path.join(directory, "old.txt"),
                              os.path.join(directory, "new.txt")], capture_output=True)
        ours = redline_links(json.loads(run.stdout), old, new)
        tp += len(gold & ours)
        fp += len(ours - gold)
        fn += len(gold - ours)
        for kind, i, j in events:
            want = {(x, j) for x in i} if kind == "merged" else {(i, y) for y in j}
            ok = want <= ours
            found += ok
            missed += not ok
            print(f"{pid}: {kind} {'found' if ok else 'MISSED'}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"pairs={len(os.listdir(pairs))} links: TP={tp} FP={fp} FN={fn} P={p:.3f} R={r:.3f} F1={f:.3f}; "
          f"splits/merges found {found}/{found + missed}")


if __name__ == "__main__":
    main()
