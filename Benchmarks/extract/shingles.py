"""The extraction metric of the independent check, shared by the extraction benchmarks:
words are \\w+ runs (lower-cased), precision and recall over 4-word shingles of one page."""
import re


def shingles(text, n=4):
    words = re.findall(r"\w+", text.lower())
    counts = {}
    for i in range(max(0, len(words) - n + 1)):
        key = " ".join(words[i:i + n])
        counts[key] = counts.get(key, 0) + 1
    return counts


def score(extracted, expected):
    """Precision, recall, and whether the shingles match exactly."""
    got, want = shingles(extracted or ""), shingles(expected)
    common = sum(min(c, want.get(k, 0)) for k, c in got.items())
    p = common / sum(got.values()) if got else (1.0 if not want else 0.0)
    r = common / sum(want.values()) if want else 1.0
    return p, r, got == want
