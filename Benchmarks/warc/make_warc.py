#!/usr/bin/env python3
"""A WARC for the import benchmark: ARTICLES news pages of ~6 KB, each captured CAPTURES times
(most captures repeat the page unchanged or with new ads and stamps; some carry a real edit),
with a request record before every response, written as one gzip member per record.

    python3 make_warc.py OUT.warc.gz [TARGET_MB_UNCOMPRESSED] [CAPTURES]
"""
import gzip, random, sys, uuid, zlib

out = sys.argv[1]
target = int(sys.argv[2]) * 1_000_000 if len(sys.argv) > 2 else 1_000_000_000
captures = int(sys.argv[3]) if len(sys.argv) > 3 else 8
rng = random.Random(11)
words = ("the council said on a plan for new river homes after storm police report city state week year people "
         "officials minister court judge budget school hospital water road bridge fire flood election vote").split()

def sentence(n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

def page(article, version, paragraphs, stamp, ad):
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story %d | The Bench Times</title>
<link rel="canonical" href="https://bench.example/news/story-%d">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Story %d","datePublished":"2026-01-01T00:00:00Z","author":{"@type":"Person","name":"Jo Bench"}}</script>
<script>var build="%s";</script><style>.a{color:red}</style></head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="ad-slot">%s</div><main><article><h1>Story %d</h1><p class="byline">By Jo Bench</p>
<p class="updated">Updated %s</p><div class="article-body">
%s</div></article><aside class="related"><h2>Related</h2><ul><li><a href="/x">%s</a></li></ul></aside></main>
<footer class="site-footer">The Bench Times</footer></body></html>""" % (
        article, article, article, uuid.uuid4().hex[:8], ad, article, stamp, body, sentence(6)))

def record(warc_type, uri, date, block, content_type):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: %s\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (warc_type, uuid.uuid4(), date, uri, content_type, len(block)))
    return head.encode() + block + b"\r\n\r\n"

written = 0
records = 0
article = 0
with open(out, "wb") as f:
    while written < target:
        paragraphs = [" ".join(sentence(rng.randrange(12, 25)) for _ in range(3)) for _ in range(14)]
        uri = "https://bench.example/news/story-%d" % article
        for capture in range(captures):
            if capture and rng.random() < 0.3:   # a real edit: a figure changes
                i = rng.randrange(len(paragraphs))
                paragraphs[i] = paragraphs[i] + " The toll rose to %d." % rng.randrange(2, 500)
            date = "2026-%02d-%02dT%02d:%02d:00Z" % (1 + article % 12, 1 + article % 28, capture, article % 60)
            html = page(article, capture, paragraphs, "%d:%02d PM ET" % (1 + capture, article % 60), sentence(4)).encode()
            response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html) + html
            request = b"GET /news/story-%d HTTP/1.1\r\nHost: bench.example\r\nUser-Agent: bench\r\n\r\n" % article
            for rec in (record("request", uri, date, request, "application/http; msgtype=request"),
                        record("response", uri, date, response, "application/http; msgtype=response")):
                f.write(gzip.compress(rec, compresslevel=6))
                written += len(rec)
                records += 1
        article += 1
print("%d records, %d articles, %.1f MB uncompressed" % (records, article, written / 1e6))
