#!/usr/bin/env python3
"""Build `ar_zipf.txt`: Arabic words of general text bucketed by Zipf frequency.

Why: the tagger's features know a word only from ANERcorp (about 130k tokens), where most names
occur once. How often a word occurs in general Arabic says something the corpus cannot: names
are rare words, common nouns and verbs are frequent, transliterated foreign names are often
absent. `build.rs` normalises these words with the text layer's `match_form` (keeping the
highest bucket per normalised form) and the tagger turns the bucket of a word and of its stem
into features (`src/tagger/wordfreq.rs`).

Source: the `wordfreq` Python package, version 3.1.1 (PyPI), its `large` Arabic list
(`large_ar`), by Robyn Speer and contributors. The word lists are licensed CC BY-SA 4.0
(https://creativecommons.org/licenses/by-sa/4.0/); see ATTRIBUTION.md beside this script.

Kept: words of Arabic letters only (U+0621..U+064A) with Zipf frequency >= 2.0 (about one
occurrence per hundred million words), in half-Zipf buckets. Output format: `#` comment lines,
then for each bucket a line `@NN` (NN = lower bound of the bucket times ten: 20, 25, ..., 60;
60 holds everything from 6.0 up) followed by its words, one per line, sorted.

Run: `pip install wordfreq==3.1.1 && python3 build_wordfreq.py > ar_zipf.txt`
"""

import importlib.metadata
import math
import re
import sys

import wordfreq

MIN_ZIPF = 2.0
TOP = 60

VERSION = importlib.metadata.version("wordfreq")
if VERSION != "3.1.1":
    sys.exit(f"expected wordfreq 3.1.1, found {VERSION}")

ARABIC = re.compile("^[\u0621-\u064a]+$")


def main() -> None:
    freqs = wordfreq.get_frequency_dict("ar", wordlist="large")
    buckets: dict[int, list[str]] = {}
    for word, f in freqs.items():
        if not ARABIC.match(word) or f <= 0:
            continue
        zipf = math.log10(f) + 9.0
        if zipf < MIN_ZIPF:
            continue
        b = min(TOP, int(zipf * 2) * 5)
        buckets.setdefault(b, []).append(word)
    out = sys.stdout
    out.write("# Arabic word -> Zipf-frequency bucket (half-Zipf steps).\n")
    out.write("# Source: wordfreq 3.1.1 (PyPI), list large_ar, by Robyn Speer et al.\n")
    out.write("# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).\n")
    out.write("# Built by build_wordfreq.py; Arabic-letter words with Zipf >= 2.0 only.\n")
    out.write(f"# {sum(len(v) for v in buckets.values())} words.\n")
    for b in sorted(buckets):
        out.write(f"@{b}\n")
        for w in sorted(buckets[b]):
            out.write(w + "\n")


if __name__ == "__main__":
    main()
