#!/usr/bin/env python3
"""Rebuilds the schema-v1 store kept as the migration fixture (issue 17).

It must be run with a Redline binary that writes schema v1 — any build of commit f84f135 or
earlier (`git worktree add /tmp/v1 f84f135 && swift build -c release --package-path /tmp/v1`):

    python3 Fixtures/store-v1/make.py /tmp/v1/.build/release/redline

It writes `dump.jsonl` (the histories: 4 articles, 88 revisions, with metadata, fractional capture
times, a keyframe, both delta codecs, a revert, Unicode and an empty text), imports it into a new
store `v1/.redline/store.sqlite` and exports that store again as `expected.jsonl` — what every
Redline must read back from the v1 file after migrating it.
"""
import hashlib, json, os, random, shutil, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
redline = sys.argv[1]
rng = random.Random(1717)
words = ("the council said on a plan for new river homes after storm police report city state week year people "
         "officials minister court judge budget school hospital water road bridge fire flood election vote").split()
records = []


def add(article, texts, start, metadata=lambda r: None):
    for r, text in enumerate(texts, 1):
        record = {"article": article, "captured_at": start + r * 3600.25, "revision": r, "schema_version": 1,
                  "sha256": hashlib.sha256(text.encode()).hexdigest(), "text": text}
        if metadata(r):
            record["metadata"] = metadata(r)
        records.append(record)


# 70 revisions of small word edits: revision 64 stays whole (a keyframe), the rest word scripts.
flood = [rng.choice(words) for _ in range(400)]
texts = []
for r in range(70):
    if r:
        for _ in range(rng.randint(1, 4)):
            flood[rng.randrange(len(flood))] = rng.choice(words)
    texts.append(" ".join(w if (k + 1) % 30 else w + ".\n\n" for k, w in enumerate(flood)) + "\n")
add("flood", texts, 1767225600, lambda r: {"headline": "Flood: %d dead" % (r // 10 + 1), "byline": "A. Reporter"})

# A revert (A, B, A), a rewrite (a dictionary delta), Unicode, an empty text.
story = "Der Bürgermeister sagte: „Wir bauen neu.“ Über 40 Häuser sind zerstört. 🏠\n"
rewrite = ("Police said on Tuesday that the bridge had been closed after inspectors found cracks in two of its "
           "supports; the council will meet on Friday to decide whether to rebuild it.\n") * 3
add("https://example.com/news/bridge", [story, story.replace("40", "41"), story, rewrite, ""], 1767312000.5,
    lambda r: {"headline": "Brücke", "sourceURL": "https://example.com/news/bridge"} if r < 4 else None)
add("short", ["One line.\n", "One line, edited.\n", "Two lines.\nNow.\n"], 1767398400)
add("moved", ["\n\n".join("Paragraph %d says %s." % (k, " ".join(rng.choice(words) for _ in range(30)))
                          for k in order) + "\n"
              for order in ([1, 2, 3, 4, 5], [1, 2, 4, 3, 5], [5, 1, 2, 4, 3], [5, 1, 2, 4, 3, 6],
                            [6, 5, 1, 2, 4, 3], [6, 5, 1, 2, 3], [6, 5, 1, 3], [6, 5, 1, 3, 7],
                            [7, 6, 5, 1, 3], [7, 6, 5, 1, 3, 8])],
    1767484800.125)

with open(os.path.join(here, "dump.jsonl"), "w") as out:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
store = os.path.join(here, "v1")
shutil.rmtree(store, ignore_errors=True)
subprocess.run([redline, "init", store], check=True, stdout=subprocess.DEVNULL)
subprocess.run([redline, "import", "--jsonl", os.path.join(here, "dump.jsonl"), "--store", store], check=True)
subprocess.run([redline, "export", "-o", os.path.join(here, "expected.jsonl"), "--store", store], check=True)
print(len(records), "revisions;", os.path.getsize(os.path.join(store, ".redline", "store.sqlite")), "bytes")
