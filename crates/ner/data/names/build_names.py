#!/usr/bin/env python3
"""Build the personal-name lists of crates/ner/data/names/ from two PyPI wheels.

    cd /tmp && pip download --no-deps arabnamer==0.1.3 arabic-name-romanizer==0.2.0
    python3 crates/ner/data/names/build_names.py /tmp/arabnamer-0.1.3-py3-none-any.whl \
        /tmp/arabic_name_romanizer-0.2.0-py3-none-any.whl crates/ner/data/names

Writes given_names.txt and family_names.txt (single name words of the romanizer's index, by the
role the index gives them) and foreign_names.txt (the Arabic side of arabnamer's English->Arabic
name dictionary, split into words). Only words of Arabic letters (no Persian/Urdu-only letters),
at least two letters, diacritics and tatweel removed; sorted, duplicates removed.
"""
import json
import os
import re
import sqlite3
import sys
import tempfile
import zipfile

ARABIC = re.compile(r"^[\u0621-\u063A\u0641-\u064A]{2,}$")
STRIP = re.compile(r"[\u064B-\u0652\u0670\u0640]")


def clean_words(s):
    for w in STRIP.sub("", s).replace("-", " ").split():
        if ARABIC.match(w):
            yield w


def write(path, header, words):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for w in sorted(words):
            f.write(w + "\n")


def main(arabnamer_whl, romanizer_whl, out):
    with zipfile.ZipFile(arabnamer_whl) as z:
        d = json.loads(z.read("arabnamer/data/dict_FINAL.json"))
    foreign = set()
    for ar in d.values():
        foreign.update(clean_words(ar))
    with zipfile.ZipFile(romanizer_whl) as z, tempfile.TemporaryDirectory() as tmp:
        db = z.extract("arabic_name_romanizer/resources/names.sqlite3", tmp)
        con = sqlite3.connect(db)
        given, family = set(), set()
        for key, role, n in con.execute(
            "select arabic_key, role, sum(count) from units group by arabic_key, role"
        ):
            # A unit seen once only is often a data slip; keep units attested twice or more.
            if n < 2:
                continue
            words = list(clean_words(key))
            if len(words) != 1:
                continue
            if role == "given":
                given.add(words[0])
            elif role == "surname":
                family.add(words[0])
        con.close()
    src = "# {} ({} words). Built by build_names.py, see README.md.\n"
    write(os.path.join(out, "given_names.txt"), src.format("given names, arabic-name-romanizer 0.2.0 (Wikidata CC0, Algerian Name Transcription Corpus CC0)", len(given)), given)
    write(os.path.join(out, "family_names.txt"), src.format("family names, arabic-name-romanizer 0.2.0 (Wikidata CC0, Algerian Name Transcription Corpus CC0)", len(family)), family)
    write(os.path.join(out, "foreign_names.txt"), src.format("Arabic spellings of names, arabnamer 0.1.3 dict_FINAL.json (CC BY 4.0)", len(foreign)), foreign)


if __name__ == "__main__":
    main(*sys.argv[1:4])
