#!/usr/bin/env python3
"""Build crates/text/data/stems.tsv and the generated part of protected.txt from ANERcorp.

Source: ANERcorp (Benajiba, Rosso & Benedi 2007; CAMeL Lab split, Obeid et al. 2020),
CC BY-SA 4.0, read from ../shared/data/anercorp/ANERcorp_train.txt (CoNLL `token TAG`): the TRAIN split only, so that
the NER evaluation on ANERcorp_test.txt never sees test names through this lexicon.

Usage (from the repository root, with shared/ beside it):
    python3 crates/text/data/build_lexicon.py ../shared/data/anercorp/ANERcorp_train.txt

Writes:
  * crates/text/data/stems.tsv: every Arabic word type of ANERcorp with its frequency, plus the
    remainder of article-bearing types (ال, وال, بال, فال, لل + at least 3 letters; ال + at
    least 2), which are stems seen with the article. Match-normalised (diacritics/tatweel removed,
    أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي).
  * crates/text/data/protected_names.txt: single-token names tagged B-LOC/B-PERS/B-ORG in ANERcorp
    (frequency >= 2) that start with a proclitic letter or end with an enclitic, are not
    article-bearing, and are not a clitic + another seen name (so ولبنان is dropped, لبنان kept).
"""
import collections
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARABIC = re.compile(r"^[\u0621-\u064A\u0670-\u06D3\u064B-\u065F\u0640]+$")
MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def norm(w: str) -> str:
    return MARKS.sub("", w).translate(FOLD)


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/anercorp/ANERcorp_train.txt")
    words = collections.Counter()
    names = collections.Counter()
    rows = []
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.rsplit(" ", 1)
        if len(parts) != 2 or not parts[0]:
            continue
        rows.append((parts[0], parts[1]))
    for i, (tok, tag) in enumerate(rows):
        if not ARABIC.match(tok):
            continue
        w = norm(tok)
        if len(w) < 1:
            continue
        words[w] += 1
        nxt = rows[i + 1][1] if i + 1 < len(rows) else "O"
        if tag.startswith("B-") and not nxt.startswith("I-"):
            names[w] += 1

    stems = collections.Counter(words)
    for w, n in words.items():
        for p, min_rest in (("وال", 3), ("بال", 3), ("فال", 3), ("لل", 3), ("ال", 2)):
            if w.startswith(p) and len(w) - len(p) >= min_rest:
                stems[w[len(p):]] += n
                break

    out = HERE / "stems.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# Stem-validation lexicon for clitic segmentation (crates/text/src/clitics.rs).\n")
        f.write("# Source: ANERcorp train split (Benajiba et al. 2007; CAMeL Lab 2020), CC BY-SA 4.0.\n")
        f.write("# Built by crates/text/data/build_lexicon.py: word types with frequency, plus the\n")
        f.write("# stems left after removing an article-bearing proclitic. Match-normalised.\n")
        f.write("# This file is a derivative of ANERcorp and is shared under CC BY-SA 4.0.\n")
        for w, n in sorted(stems.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{w}\t{n}\n")

    proclitic = ("و", "ف", "ب", "ل", "ك", "س")
    enclitic = ("ه", "ها", "هم", "كم", "نا", "ي", "ك")
    keep = []
    for w, n in names.items():
        if n < 2 or len(w) < 4 or w.startswith(("ال", "وال", "بال", "لل", "فال", "كال")):
            continue
        if not (w.startswith(proclitic) or w.endswith(enclitic)):
            continue
        if w[0] in proclitic and (names.get(w[1:], 0) > 0 or words.get(w[1:], 0) > 0):
            continue  # a clitic on another name or word
        keep.append(w)
    out = HERE / "protected_names.txt"
    with out.open("w", encoding="utf-8") as f:
        f.write("# Names never split by the clitic segmenter (generated; see protected.txt for the hand list).\n")
        f.write("# Source: ANERcorp (Benajiba et al. 2007; CAMeL Lab 2020), CC BY-SA 4.0: single-token\n")
        f.write("# B-LOC/B-PERS/B-ORG names of 4+ letters seen at least twice that start with a proclitic letter or end\n")
        f.write("# like an enclitic, minus clitic + another seen word. Built by build_lexicon.py.\n")
        for w in sorted(keep):
            f.write(w + "\n")
    print(f"{len(stems)} stems, {len(keep)} protected names", file=sys.stderr)


if __name__ == "__main__":
    main()
