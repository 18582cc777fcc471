#!/usr/bin/env python3
"""Article histories for the store benchmark: ARTICLES articles x REVISIONS revisions of ~6 KB,
each revision a small edit of the one before (a figure changed, a word swapped, a sentence added
or dropped), every article its own text (real articles share little).

Writes a Redline dump (JSON lines, see Docs/Store.md) and a git fast-import stream of the same
histories, so both stores are built from identical content.

    python3 make_histories.py SOURCE_TEXT OUT_DIR [ARTICLES] [REVISIONS]
"""
import hashlib, json, os, random, sys

source, out = sys.argv[1], sys.argv[2]
articles = int(sys.argv[3]) if len(sys.argv) > 3 else 200
revisions = int(sys.argv[4]) if len(sys.argv) > 4 else 50
rng = random.Random(42)
words = open(source, encoding="utf-8").read().split()
os.makedirs(out, exist_ok=True)

def article_text(a):
    # ~6 KB of consecutive prose from a different place for each article, in paragraphs.
    start = (a * 7919 * 131) % (len(words) - 2000)
    chunk = words[start:start + 1000]
    paragraphs = [" ".join(chunk[i:i + 60]) + "." for i in range(0, len(chunk), 60)]
    return paragraphs

def edit(paragraphs, n):
    p = list(paragraphs)
    i = rng.randrange(len(p))
    tokens = p[i].split()
    kind = rng.random()
    if kind < 0.5:      # a figure changes
        j = rng.randrange(len(tokens))
        tokens[j] = str(rng.randrange(2, 5000))
        p[i] = " ".join(tokens)
    elif kind < 0.8:    # a word is reworded
        j = rng.randrange(len(tokens))
        tokens[j] = rng.choice(words)
        p[i] = " ".join(tokens)
    elif kind < 0.9:    # a sentence is added
        p.insert(i, "Update %d: officials said %d more people were affected." % (n, rng.randrange(1, 90)))
    elif len(p) > 5:    # a paragraph is dropped
        del p[i]
    return p

dump = open(os.path.join(out, "histories.jsonl"), "w", encoding="utf-8")
fast = open(os.path.join(out, "histories.fastimport"), "w", encoding="utf-8", newline="\n")
mark = 0
for a in range(articles):
    paragraphs = article_text(a)
    for r in range(1, revisions + 1):
        if r > 1:
            paragraphs = edit(paragraphs, r)
        text = "\n\n".join(paragraphs) + "\n"
        data = text.encode("utf-8")
        when = 1_700_000_000 + a * 100_000 + r * 600
        dump.write(json.dumps({"article": "article-%03d" % a, "revision": r, "captured_at": when,
                               "sha256": hashlib.sha256(data).hexdigest(), "text": text},
                              sort_keys=True, ensure_ascii=False) + "\n")
        mark += 1
        fast.write("blob\nmark :%d\ndata %d\n" % (mark, len(data)))
        fast.flush()
        fast.buffer.write(data) if hasattr(fast, "buffer") else None
        fast.write("\ncommit refs/heads/main\ncommitter bench <bench@example.com> %d +0000\ndata 0\n" % when)
        fast.write("M 100644 :%d article-%03d.txt\n\n" % (mark, a))
dump.close()
fast.close()
