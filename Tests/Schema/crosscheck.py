#!/usr/bin/env python3
"""Cross-checks Redline's JSON outputs against the published schemas with a full JSON Schema
draft 2020-12 validator (the `jsonschema` package), beside the test suite's own validator.

    python3 Tests/Schema/crosscheck.py [REDLINE]      (from the project root; pip install jsonschema)

Runs `diff`, `facts`, `extract` and the store commands on the bundled fixtures and validates
each output against its schema in Docs/schema; exits 1 naming every failure.
"""
import json, os, subprocess, sys, tempfile

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REDLINE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/redline"))
SCHEMAS = os.path.join(ROOT, "Docs/schema")
FIXTURES = os.path.join(ROOT, "Fixtures")


def run(arguments):
    result = subprocess.run([REDLINE, *arguments], capture_output=True, text=True)
    if result.returncode > 1:
        raise SystemExit(f"crosscheck: redline {' '.join(arguments)} failed: {result.stderr}")
    return json.loads(result.stdout)


def main():
    validators = {}
    for name in os.listdir(SCHEMAS):
        schema = json.load(open(os.path.join(SCHEMAS, name)))
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    cases = []
    old, new = (os.path.join(FIXTURES, "articles/flood-toll", f) for f in ("old.txt", "new.txt"))
    for options in ([], ["--by", "sentence"], ["--no-facts"]):
        cases.append((["diff", old, new, "--format", "json", *options], "report.schema.json"))
    revisions = os.path.join(FIXTURES, "revisions")
    for pair in sorted(os.listdir(revisions)):
        cases.append((["diff", f"{revisions}/{pair}/old.txt", f"{revisions}/{pair}/new.txt", "--format", "json"],
                      "report.schema.json"))
    pages = os.path.join(FIXTURES, "html-pairs")
    for pair in sorted(os.listdir(pages)):
        cases.append((["diff", f"{pages}/{pair}/a.html", f"{pages}/{pair}/b.html", "--format", "json"],
                      "report.schema.json"))
    cases.append((["facts", new, "--format", "json"], "facts.schema.json"))
    cases.append((["check", old, new, "--format", "json"], "check.schema.json"))
    html = os.path.join(FIXTURES, "html")
    for page in sorted(os.listdir(html)):
        if page.endswith(".html"):
            cases.append((["extract", f"{html}/{page}", "--format", "json"], "article.schema.json"))
    store = tempfile.mkdtemp(prefix="redline-crosscheck-")
    subprocess.run([REDLINE, "init", store], check=True, capture_output=True)
    for path in (old, new, old):
        subprocess.run([REDLINE, "snapshot", path, "--article", "flood", "--store", store], check=True,
                       capture_output=True)
    for arguments, schema in ((["log", "flood", "--facts"], "log.schema.json"), (["articles"], "articles.schema.json"),
                              (["stats"], "stats.schema.json"), (["fsck"], "fsck.schema.json")):
        cases.append(([*arguments, "--format", "json", "--store", store], schema))
    failures = 0
    for arguments, schema in cases:
        try:
            output = run(arguments)
        except json.JSONDecodeError:
            continue  # not an article (a page the extractor refuses prints no JSON)
        errors = sorted(validators[schema].iter_errors(output), key=lambda e: list(e.path))
        for error in errors[:3]:
            failures += 1
            print(f"crosscheck: {' '.join(arguments[:2])}: {schema}: {list(error.path)}: {error.message}")
    print(f"crosscheck: {len(cases)} outputs against {len(validators)} schemas (draft 2020-12): "
          f"{'all valid' if not failures else f'{failures} errors'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
