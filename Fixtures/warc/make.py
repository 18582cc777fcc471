#!/usr/bin/env python3
"""Rebuilds the WARC fixtures here: two captures of two pages (one plain, one chunked and
gzip-coded), with a warcinfo and request records, as one plain WARC and as one gzip member per
record; and two HTTP responses as archives keep them. Seeds for the WARC and HTTP fuzz targets
and input for the import tests.   python3 Fixtures/warc/make.py"""
import gzip, os

os.chdir(os.path.dirname(os.path.abspath(__file__)))

def page(n, toll):
    return ("""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flood toll rises | The Example Post</title>
<link rel="canonical" href="https://news.example/flood-%d">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood toll rises","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Flood toll rises</h1><p class="byline">By Ana Ruiz</p>
<p>At least %d people died when the river burst its banks on Tuesday, the regional governor, Marta Vidal, said.</p>
<p>"We are doing everything we can," she told reporters in Valencia. Some 1,200 homes were evacuated.</p>
<p>The Red Cross said 40%% of the town was without power.</p></article><footer>The Example Post</footer></body></html>""" % (n, toll)).encode()

def record(kind, uri, date, block, ctype, rid):
    target = ("WARC-Target-URI: %s\r\n" % uri) if uri else ""
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"
            "WARC-Date: %s\r\n%sContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, rid, date, target, ctype, len(block)))
    return head.encode() + block + b"\r\n\r\n"

records = [record("warcinfo", None, "2026-03-01T08:00:00Z",
                  b"software: redline-fixture\r\nformat: WARC File Format 1.1\r\n", "application/warc-fields", 1)]
rid = 2
for capture, toll in enumerate((12, 15)):
    for n in (1, 2):
        html = page(n, toll + n)
        uri = "https://news.example/flood-%d" % n
        date = "2026-03-%02dT%02d:00:00Z" % (1 + capture, 9 + n)
        if n == 1:
            response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                        % len(html) + html)
        else:
            body = gzip.compress(html, mtime=0)
            chunks = b"".join(b"%x\r\n" % len(body[i:i + 200]) + body[i:i + 200] + b"\r\n"
                              for i in range(0, len(body), 200)) + b"0\r\n\r\n"
            response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                        b"Transfer-Encoding: chunked\r\n\r\n" + chunks)
        if capture == 0:
            open("response-%s.http" % ("plain" if n == 1 else "chunked-gzip"), "wb").write(response)
        request = b"GET /flood-%d HTTP/1.1\r\nHost: news.example\r\n\r\n" % n
        records.append(record("request", uri, date, request, "application/http; msgtype=request", rid))
        records.append(record("response", uri, date, response, "application/http; msgtype=response", rid + 1))
        rid += 2
open("two-captures.warc", "wb").write(b"".join(records))
open("two-captures.warc.gz", "wb").write(b"".join(gzip.compress(r, mtime=0) for r in records))
