# Sourced by the benchmark scripts: installs hyperfine and the corpus prose if missing, and
# generates the shared corpus (../shared/bench/gen_corpus.py) into $corpus once.
corpus=bench-corpus
if ! command -v hyperfine >/dev/null || [ ! -d /usr/share/doc/python3.11/html/_sources ]; then
    apt-get update -qq && apt-get install -y -qq hyperfine python3.11-doc
fi
[ -f "$corpus/manifest.json" ] || python3 ../shared/bench/gen_corpus.py --out "$corpus"
