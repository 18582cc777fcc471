#!/usr/bin/env python3
"""Builds the real-page development set from fetched copies of public extraction test suites.

    python3 Benchmarks/realpages/load.py OUT_DIR [--readability GIT_DIR] [--wceb2025 GIT_DIR]

Nothing here is committed: the pages belong to their publishers, so this script rebuilds the set
from local git copies of the repositories (the search tool's `fetch` puts them under
/work/.mirror/OWNER+NAME/repo, the default paths below):

  readability  mozilla/readability (Apache-2.0): test/test-pages/*/source.html with the article
               Readability.js is expected to find (expected.html). Only real pages are taken
               (source.html of 10 KB or more; the smaller ones are synthetic unit-test inputs).
  wceb2025     Murrough-Foley/web-content-extraction-benchmark (Apache-2.0): dev/html/*.html.gz,
               2025 pages from 1,507 sites, with main_content annotated (machine-made, reviewed).
               Pages marked as articles (page_type primary "article", verified), first 150 by id.

For each page OUT_DIR/SOURCE/ID.html and OUT_DIR/SOURCE/ID.txt (the expected body text) are
written. scrapinghub/article-extraction-benchmark is reserved for the independent check and is
never used here.
"""
import argparse, gzip, html.parser, json, os, subprocess, sys

MIRRORS = "/work/.mirror"

class TextOf(html.parser.HTMLParser):
    """The text of an HTML fragment, blocks separated by blank lines."""
    BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
              "tr", "td", "th", "figcaption", "figure", "section", "article", "br", "dd", "dt", "dl", "header",
              "footer", "aside"}
    SKIP = {"script", "style", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    def text(self):
        blocks = " ".join("".join(self.parts).replace("\xa0", " ").split(" ")).split("\n\n")
        return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())

def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], capture_output=True, check=True).stdout

def readability(repo, out):
    names = git(repo, "ls-tree", "--name-only", "HEAD:test/test-pages").decode().split()
    count = 0
    for name in names:
        try:
            source = git(repo, "show", f"HEAD:test/test-pages/{name}/source.html")
            expected = git(repo, "show", f"HEAD:test/test-pages/{name}/expected.html").decode("utf-8")
        except subprocess.CalledProcessError:
            continue
        if len(source) < 10_000:
            continue
        parser = TextOf()
        parser.feed(expected)
        open(os.path.join(out, name + ".html"), "wb").write(source)
        open(os.path.join(out, name + ".txt"), "w").write(parser.text())
        count += 1
    return count

def wceb2025(repo, out, limit=150):
    names = sorted(n for n in git(repo, "ls-tree", "--name-only", "HEAD:dev/ground-truth/").decode().split())
    count = 0
    for name in names:
        truth = json.loads(git(repo, "show", f"HEAD:dev/ground-truth/{name}"))
        page_type = truth.get("_internal", {}).get("page_type", {})
        if page_type.get("primary") != "article" or page_type.get("confidence") != "verified":
            continue
        page_id = name[:-len(".json")]
        try:
            source = gzip.decompress(git(repo, "show", f"HEAD:dev/html/{page_id}.html.gz"))
        except (subprocess.CalledProcessError, OSError):
            continue
        body = truth.get("ground_truth", {}).get("main_content") or ""
        if len(body) < 200:
            continue
        open(os.path.join(out, page_id + ".html"), "wb").write(source)
        open(os.path.join(out, page_id + ".txt"), "w").write(body)
        count += 1
        if count == limit:
            break
    return count

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--readability", default=f"{MIRRORS}/mozilla+readability/repo")
    parser.add_argument("--wceb2025", default=f"{MIRRORS}/Murrough-Foley+web-content-extraction-benchmark/repo")
    args = parser.parse_args()
    for source, repo, build in [("readability", args.readability, readability), ("wceb2025", args.wceb2025, wceb2025)]:
        if not os.path.isdir(repo):
            print(f"{source}: no copy at {repo} (fetch it first); skipped", file=sys.stderr)
            continue
        out = os.path.join(args.out, source)
        os.makedirs(out, exist_ok=True)
        print(f"{source}: {build(repo, out)} pages")

if __name__ == "__main__":
    main()
