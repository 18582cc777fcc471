#!/usr/bin/env python3
"""Builds the real revision-pair development set (issue 14) from fetched copies of its sources.

    python3 Benchmarks/revisions-real/load.py OUT_DIR [--show ID]

Each pair in pairs.json (beside this script) becomes OUT_DIR/ID/{old.txt,new.txt,expected.json},
the layout ../shared/eval/score_facts.py reads. Two kinds of pair:

  "git"   a real published revision: the post at `path` before and after `commit` in a public
          repository that keeps a newsroom's or agency's published articles under version control.
          18F/18f.gsa.gov and GSA/digitalgov.gov (both US government works, public domain / CC0),
          openSUSE/news-o-o (openSUSE News, posts under CC-BY-SA-3.0: rebuilt here, not committed).
          The window is the changed paragraphs with `context` paragraphs around them (default 2).
  "page"  real article text with an edit modelled on a real correction or update: paragraphs
          `paras` of a real news page from the real-page set (Benchmarks/realpages/load.py:
          mozilla/readability's test pages, Apache-2.0 suite; the texts belong to their
          publishers, so they are rebuilt here, never committed), with `edits` applied to make the
          new version ([old, new] pairs, each old string must occur exactly once); `old_edits`
          likewise put a modelled mistake into the old version, for corrections.

Ids: g = real revisions and m = modelled corrections, both used to develop the rules; h = real
revisions labelled after those rules were written (scored once, then their error classes were
fixed too); j = a second batch labelled before Redline was run on it and scored once as it came
(the honest estimate; its error classes were fixed afterwards, so it is no longer held out).
Labels follow ../shared/DESIGN.md ("how fact changes are counted"). The independent check's
reserved sets (newspaper4k and goose3 test data, alex2awesome/edit-pathways) are never used.
"""
import argparse, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIRRORS = "/work/.mirror"
PAGES = os.path.join(HERE, "..", "..", "bench-build", "realpages")


def git(repo, *args):
    path = os.path.join(MIRRORS, repo.replace("/", "+"), "repo")
    if not os.path.isdir(path):
        sys.exit(f"load.py: no copy of {repo} at {path}; fetch it first (the search tool's fetch verb)")
    out = subprocess.run(["git", "-C", path, *args], capture_output=True)
    if out.returncode != 0:
        sys.exit(f"load.py: git {' '.join(args)} failed in {repo}: {out.stderr.decode(errors='replace')}")
    return out.stdout.decode("utf-8", errors="replace")


def markdown_text(md):
    """The readable paragraphs of a Hugo/Jekyll post: front matter, shortcodes, tags, images and
    link targets dropped, character references decoded, one paragraph per block."""
    import html
    md = md.replace("\r\n", "\n")
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    md = re.sub(r"\{\{<.*?>\}\}|\{%.*?%\}|\{\{.*?\}\}", "", md, flags=re.S)
    md = re.sub(r"<[^>]+>", "", md)
    md = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", md)
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", md)
    md = re.sub(r"^\s*\[[^\]]+\]:.*$", "", md, flags=re.M)
    md = re.sub(r"\{:[^}]*\}", "", md)
    paras = []
    for block in re.split(r"\n\s*\n", md):
        p = " ".join(line.strip() for line in block.splitlines()).strip()
        p = re.sub(r"^#+\s*", "", p)
        p = re.sub(r"^([-*+]|\d+\.)\s+", "", p)
        p = re.sub(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])", "", p)
        p = p.replace("\\$", "$").replace("\\", "")
        p = html.unescape(p).strip()
        if p and not re.fullmatch(r"[-*_=\s]+", p):
            paras.append(p)
    return paras


def window(old, new, context):
    """The changed paragraphs of two versions with `context` unchanged ones around them."""
    import difflib
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    ops = sm.get_opcodes()
    changed = [op for op in ops if op[0] != "equal"]
    if not changed:
        return old, new
    a0 = max(0, changed[0][1] - context)
    b0 = max(0, changed[0][3] - context)
    a1 = min(len(old), changed[-1][2] + context)
    b1 = min(len(new), changed[-1][4] + context)
    return old[a0:a1], new[b0:b1]


def apply(pair, text, edits):
    for before, after in edits:
        count = text.count(before)
        if count != 1:
            sys.exit(f"load.py: pair {pair['id']}: {before!r} occurs {count} times, expected once")
        text = text.replace(before, after)
    return text


def build(pair):
    if "git" in pair:
        repo, commit, path = pair["git"], pair["commit"], pair["path"]
        old = markdown_text(git(repo, "show", f"{commit}^:{path}"))
        new = markdown_text(git(repo, "show", f"{commit}:{path}"))
        old, new = window(old, new, pair.get("context", 2))
        source = f"{repo} {path} at {commit[:12]} and its parent (public domain / CC0)"
        return "\n\n".join(old), "\n\n".join(new), source
    page = pair["page"]
    text = open(os.path.join(PAGES, page + ".txt"), encoding="utf-8").read()
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    start, end = pair["paras"]
    published = "\n\n".join(paras[start:end])
    # `old_edits` put a modelled error into the old version (a misspelling the new one corrects);
    # `edits` turn the published text into the new version.
    old = apply(pair, published, pair.get("old_edits", []))
    new = apply(pair, published, pair.get("edits", []))
    return old, new, f"{page} paragraphs {start}-{end} ({pair.get('origin', 'mozilla/readability test page')}), edit modelled on a real correction"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?")
    parser.add_argument("--show", help="print one pair's texts and labels instead of writing")
    parser.add_argument("--prefix", default="", help="only the pairs whose id starts so (h: the held-out pairs)")
    args = parser.parse_args()
    pairs = json.load(open(os.path.join(HERE, "pairs.json"), encoding="utf-8"))
    pairs = [pair for pair in pairs if pair["id"].startswith(args.prefix)]
    for pair in pairs:
        if args.show and pair["id"] != args.show:
            continue
        old, new, source = build(pair)
        if args.show:
            print(f"--- old\n{old}\n--- new\n{new}\n--- labels\n{json.dumps(pair.get('changes', []), indent=1)}")
            continue
        directory = os.path.join(args.out, pair["id"])
        os.makedirs(directory, exist_ok=True)
        open(os.path.join(directory, "old.txt"), "w", encoding="utf-8").write(old + "\n")
        open(os.path.join(directory, "new.txt"), "w", encoding="utf-8").write(new + "\n")
        expected = {"id": pair["id"], "source": source, "edit_types": pair.get("edit_types", []),
                    "changes": pair.get("changes", []), "notes": pair.get("notes", "")}
        json.dump(expected, open(os.path.join(directory, "expected.json"), "w", encoding="utf-8"), indent=1)
    if not args.show:
        print(f"{len(pairs)} pairs written to {args.out}")


if __name__ == "__main__":
    main()
