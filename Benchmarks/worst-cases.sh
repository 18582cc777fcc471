#!/usr/bin/env bash
# The worst cases in Docs/Reliability.md: each limit's hostile input, generated here, through the
# static release binary, with its time and peak memory (/usr/bin/time).
#   bash Benchmarks/worst-cases.sh            (from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product redline >/dev/null 2>&1
redline=$PWD/.build/release/redline
work=bench-build/worst
mkdir -p "$work"
cd "$work"

python3 - <<'PY'
import gzip, random
rng = random.Random(3)
words = "the council said on a plan for new river homes after storm police report city state week year people".split()
body = "<article><h1>Flood toll rises</h1><p>At least 12 people died when the river burst its banks.</p></article>"
def page(head):
    return "<html><head>%s</head><body>%s</body></html>" % (head, body)
authors = lambda n: ",".join('{"@type":"Person","name":"Author %d"}' % k for k in range(n))
open("ld-100k.html", "w").write(page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":[%s]}</script>' % authors(100_000)))
open("ld-deep.html", "w").write(page('<script type="application/ld+json">%s{}%s</script>' % ("[" * 100_000, "]" * 100_000)))
open("divs.html", "w").write("<html><body>" + "<div>" * 100_000 + body + "</div>" * 100_000 + "</body></html>")
open("attribute.html", "w").write('<html><body><p %s="x">x</p>%s</body></html>' % ("a" * 10_000_000, body))
open("quotes.md", "w").write(">" * 100_000 + " text\n")
open("brackets.md", "w").write("[" * 8000 + "x" + "](y)" * 8000 + "\n")
open("lines.txt", "w").write("".join(" ".join(rng.choice(words) for _ in range(6)).capitalize() + " %d.\n" % i for i in range(1_000_000)))
a = " ".join(rng.choice(words) for _ in range(10_000_000))[:50_000_000]
b = list(a)
for k in range(0, len(b), 100_000):
    b[k] = "X"
open("page-60mb.html", "w").write("<html><head><title>Big</title></head><body><article><h1>Big page</h1>"
    + "".join("<p>%s</p>" % " ".join(rng.choice(words) for _ in range(60)) for _ in range(150_000)) + "</article></body></html>")
paragraphs = [" ".join(rng.choice(words) for _ in range(30)).capitalize() + " %d." % k for k in range(3000)]
shuffled = paragraphs[:]
rng.shuffle(shuffled)
open("moves-a.txt", "w").write("\n\n".join(paragraphs) + "\n")
open("moves-b.txt", "w").write("\n\n".join(shuffled) + "\n")
open("line-a.txt", "w").write(a + "\n")
open("line-b.txt", "w").write("".join(b) + "\n")
# A WARC whose one record claims 10^15 bytes, and one whose gzip member inflates to 1 GiB.
def record(block, length=None):
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
            "WARC-Target-URI: https://news.example/a\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (length or len(block)))
    return head.encode() + block + b"\r\n\r\n"
html = page("").encode()
good = record(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html)
open("runaway.warc", "wb").write(record(b"x" * 1000, 10**15) + good)
with open("bomb.warc.gz", "wb") as out:
    out.write(gzip.compress(b"\0" * (1 << 30), compresslevel=1))
    out.write(gzip.compress(good))
PY

measure() {  # label, then the command
    local label=$1
    shift
    /usr/bin/time -o time.txt -f "%e s|%M" "$@" >/dev/null 2>stderr.txt || true
    local figures
    figures=$(tail -1 time.txt)
    printf '| %s | %s | %s MB |\n' "$label" "${figures%%|*}" "$(( ${figures##*|} / 1024 ))"
}

echo "| input | time | peak memory |"
echo "|---|---|---|"
measure "JSON-LD listing 100,000 authors (5 MB page), extract" "$redline" extract ld-100k.html
measure "JSON-LD nested 100,000 deep, extract" "$redline" extract ld-deep.html
measure "100,000 nested <div>s, extract" "$redline" extract divs.html
measure "one 10 MB attribute name, extract" "$redline" extract attribute.html
measure "Markdown '>' x 100,000, extract" "$redline" extract quotes.md
measure "Markdown '[' x 8,000 'x' '](y)' x 8,000, extract" "$redline" extract brackets.md
truncate -s 1100M sparse-1100mb.txt
measure "a 1.1 GB input file, diff: refused before reading" "$redline" diff sparse-1100mb.txt line-a.txt
measure "a 60 MB page (150,000 paragraphs), extract" "$redline" extract page-60mb.html
measure "3,000 paragraphs shuffled (9 million move pairs, over the 40,000 limit), diff" "$redline" diff moves-a.txt moves-b.txt --stat
measure "10^6 one-line paragraphs (39 MB), facts: refused past 100,000 sentences" "$redline" facts lines.txt
measure "the same, facts --max-sentences 2000000" "$redline" facts lines.txt --max-sentences 2000000
measure "50 MB line vs one byte in 100,000 changed, diff (words)" "$redline" diff line-a.txt line-b.txt --stat
measure "the same, diff --by char" "$redline" diff line-a.txt line-b.txt --by char --stat
measure "the same, diff --format html" "$redline" diff line-a.txt line-b.txt --format html -o report.html
rm -rf store && "$redline" init store >/dev/null
measure "WARC record claiming 10^15 bytes, then a good one, import" "$redline" import runaway.warc --store store
measure "WARC gzip member inflating to 1 GiB, then a good one, import" "$redline" import bomb.warc.gz --store store

# Hostile HTTP answers from a local server: a gzip body inflating to 1 GiB, a body announcing
# 2 GB, a body trickling 5 bytes every 0.5 s.
cat > server.py <<'PY'
import gzip, http.server, sys, time
bomb = gzip.compress(b" " * (1 << 30), compresslevel=9)
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        try:
            if self.path == "/bomb":
                self.send_response(200); self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip"); self.send_header("Content-Length", str(len(bomb)))
                self.end_headers(); self.wfile.write(bomb)
            elif self.path == "/huge":
                self.send_response(200); self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(2 << 30)); self.end_headers()
                chunk = b"a" * (1 << 20)
                for _ in range(2048): self.wfile.write(chunk)
            elif self.path == "/trickle":
                self.send_response(200); self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "100000"); self.end_headers()
                for _ in range(20000): self.wfile.write(b"<p>x "); self.wfile.flush(); time.sleep(0.5)
        except (BrokenPipeError, ConnectionResetError):
            pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
rm -f port.txt
python3 server.py > port.txt 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
while [ ! -s port.txt ]; do sleep 0.2; done
port=$(cat port.txt)
measure "HTTP answer gzip-inflating to 1 GiB (1 MB sent), snapshot" "$redline" snapshot "http://127.0.0.1:$port/bomb" --store store
measure "HTTP answer announcing 2 GB, snapshot" "$redline" snapshot "http://127.0.0.1:$port/huge" --store store
measure "HTTP answer trickling 5 bytes every 0.5 s, snapshot --timeout 5" "$redline" snapshot "http://127.0.0.1:$port/trickle" --store store --timeout 5
