#!/usr/bin/env python3
"""Compare Marsad's clitic segmentation with the Farasa segmenter (pure-Python port, PyPI
`farasa` 0.0.1, github.com/disooqi/PyFarasa) on the most frequent word types of SaudiNewsNet, and
time Python normalisation peers (pyarabic, camel-tools utils) on the same text.

Setup (once, from the repository root; everything installs from PyPI, nothing downloads at run
time — the Farasa package ships its model tables):
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install farasa pyarabic emoji
    bench/.venv/bin/pip install --no-deps camel-tools   # only its pure-Python utils are used
    cargo build --release -p marsad-text --example segment
Run:
    bench/.venv/bin/python bench/farasa/compare.py [--top 20000] [--zips ../shared/data/saudinewsnet/zips]

What is compared: Farasa also splits inflections (ات، ة، ين، ون); Marsad only splits clitics.
Both outputs are reduced to (proclitics, enclitic): Farasa's leading segments among
و ف ب ك ل س ال (لل = ل + ال) and a final segment among the enclitic pronouns; everything between
is "stem". A word agrees when both give the same proclitics and the same enclitic. The word list
is derived from SaudiNewsNet (CC BY-NC-SA) at run time and is not stored in the repository.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3][\u0621-\u063A\u0640-\u0652\u0670-\u06D3]*")
PROCLITICS = {"و", "ف", "ب", "ك", "ل", "س", "ال", "لل"}
ENCLITICS = {"ه", "ها", "هم", "هن", "هما", "كم", "كما", "كن", "نا", "ني", "ي", "ك"}


def load_texts(zips: Path, limit_bytes: int):
    out, n = [], 0
    for p in sorted(zips.glob("*.zip")):
        with zipfile.ZipFile(p) as z:
            for name in z.namelist():
                for art in json.loads(z.read(name).decode("utf-8")):
                    c = art.get("content") or ""
                    out.append(c)
                    n += len(c.encode("utf-8"))
                    if limit_bytes and n >= limit_bytes:
                        return out
    return out


def farasa_reduce(seg: str):
    parts = [p for p in seg.split("+") if p]
    pro = []
    while len(parts) > 1 and parts[0] in PROCLITICS:
        p = parts.pop(0)
        pro.extend(["ل", "ال"] if p == "لل" else [p])
    enc = ""
    if len(parts) > 1 and parts[-1] in ENCLITICS:
        enc = parts.pop()
    elif len(parts) == 1 and parts[0] in ENCLITICS and pro and pro[-1] in ("ل", "ب"):
        # ل+ه: the preposition hosts the pronoun (Marsad: stem ل, enclitic ه)
        enc = parts.pop()
        pro.pop()
    return tuple(pro), enc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=20000)
    ap.add_argument("--zips", default=str(ROOT.parent / "shared/data/saudinewsnet/zips"))
    ap.add_argument("--segment-bin", default=os.environ.get("SEGMENT_BIN", ""))
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results.json"))
    a = ap.parse_args()
    zips = Path(a.zips)
    if not zips.is_dir():
        print(f"SKIP: {zips} not found; the comparison needs the SaudiNewsNet zips", file=sys.stderr)
        return 0

    t0 = time.time()
    texts = load_texts(zips, 0)
    counts = collections.Counter()
    for t in texts:
        counts.update(ARABIC_WORD.findall(t))
    words = [w for w, _ in counts.most_common(a.top)]
    print(f"{len(texts)} articles, {sum(counts.values())} Arabic tokens, {len(counts)} types; "
          f"top {len(words)} types ({time.time() - t0:.1f}s)", file=sys.stderr)

    # Marsad
    bin_ = a.segment_bin or str(Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release/examples/segment")
    t0 = time.time()
    res = subprocess.run([bin_], input="\n".join(words) + "\n", capture_output=True, text=True, check=True)
    t_ours = time.time() - t0
    ours = {}
    for line in res.stdout.splitlines():
        w, segd, pro, stem, enc = line.split("\t")
        ours[w] = (tuple(p for p in pro.split("+") if p), enc, segd)

    # Farasa
    from farasa import segmentation as fs
    fs.segmentLine("تهيئة")  # load the tables before timing
    t0 = time.time()
    far = {w: fs.segmentLine(w)[0] for w in words}
    t_far = time.time() - t0

    agree = 0
    classes = collections.Counter()
    examples = collections.defaultdict(list)
    for w in words:
        o_pro, o_enc, o_seg = ours[w]
        f_pro, f_enc = farasa_reduce(far[w])
        if (o_pro, o_enc) == (f_pro, f_enc):
            agree += 1
            continue
        keys = []
        for p in sorted(set(o_pro) | set(f_pro)):
            if o_pro.count(p) > f_pro.count(p):
                keys.append(f"proclitic {p}: Marsad splits, Farasa not")
            elif o_pro.count(p) < f_pro.count(p):
                keys.append(f"proclitic {p}: Farasa splits, Marsad not")
        if o_enc != f_enc:
            if o_enc and not f_enc:
                keys.append(f"enclitic {o_enc}: Marsad splits, Farasa not")
            elif f_enc and not o_enc:
                keys.append(f"enclitic {f_enc}: Farasa splits, Marsad not")
            else:
                keys.append(f"enclitic differs ({o_enc} vs {f_enc})")
        if not keys:
            keys = ["order differs"]
        for k in keys:
            classes[k] += 1
            if len(examples[k]) < 6:
                examples[k].append(f"{w}: {o_seg} | {far[w]}")

    n = len(words)
    summary = {
        "words": n,
        "agree": agree,
        "agreement_pct": round(100 * agree / n, 2),
        "marsad_seconds_incl_startup": round(t_ours, 3),
        "marsad_words_per_s_incl_startup": round(n / t_ours),
        "farasa_seconds": round(t_far, 2),
        "farasa_words_per_s": round(n / t_far),
        "classes": [{"class": k, "count": v, "examples": examples[k]} for k, v in classes.most_common()],
    }

    # Python normalisation peers on the same corpus text
    sample = "\n".join(texts)[: 20 << 20]
    mb = len(sample.encode("utf-8")) / 1e6
    peers = {}
    try:
        import pyarabic.araby as araby
        t0 = time.time()
        x = araby.strip_tashkeel(araby.strip_tatweel(sample))
        x = araby.normalize_hamza(x)
        peers["pyarabic strip_tashkeel+strip_tatweel+normalize_hamza"] = round(mb / (time.time() - t0), 1)
    except Exception as e:  # noqa: BLE001 - report and go on
        peers["pyarabic"] = f"unavailable: {e}"
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                                 normalize_teh_marbuta_ar, normalize_unicode)
        t0 = time.time()
        x = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(sample))))
        peers["camel-tools dediac+alef+maksura+teh_marbuta"] = round(mb / (time.time() - t0), 1)
        t0 = time.time()
        normalize_unicode(sample)
        peers["camel-tools normalize_unicode"] = round(mb / (time.time() - t0), 1)
    except Exception as e:  # noqa: BLE001
        peers["camel-tools"] = f"unavailable: {e}"
    summary["python_normalisation_MB_per_s"] = peers
    summary["python_normalisation_input_MB"] = round(mb, 1)

    Path(a.out).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
