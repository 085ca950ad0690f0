//! Token features for the tagger, hashed to 32-bit keys.
//!
//! Each feature is a template id plus one or more strings (the normalised word, its stem, a
//! neighbour, a gazetteer list name …) hashed with xxh3 to a `u32`. The model stores weights per
//! key, so feature strings never need to be kept. Collisions between 32-bit keys are rare at the
//! model's size (a few hundred thousand keys) and only add a little noise.
//!
//! Token information comes from the text layer: `norm` is `text::normalize::match_form`, and the
//! prefix/stem/suffix are `text::clitics::segment` of it, whether the tokens come from a
//! [`text::Analysis`] or from pre-tokenised words. The features do not look beyond the sentence.
//! Changing any template changes what a model means: bump [`FEATURE_VERSION`] and retrain.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::gazetteer::{self, GazHit, bits, trig};

/// Version of the feature templates; stored in model files and checked on load.
pub const FEATURE_VERSION: u32 = 3;

/// What the features need to know about one token.
#[derive(Debug, Clone)]
pub struct TokInfo<'a> {
    /// Match-normalised form.
    pub norm: Cow<'a, str>,
    /// Proclitics (match form), possibly empty.
    pub prefix: Cow<'a, str>,
    /// Stem (match form).
    pub stem: Cow<'a, str>,
    /// Enclitic (match form), possibly empty.
    pub suffix: Cow<'a, str>,
}

impl<'a> TokInfo<'a> {
    /// From the fields of a text-layer token.
    pub fn from_parts(norm: &'a str, prefix: &'a str, stem: &'a str, suffix: &'a str) -> Self {
        TokInfo {
            norm: Cow::Borrowed(norm),
            prefix: Cow::Borrowed(prefix),
            stem: Cow::Borrowed(stem),
            suffix: Cow::Borrowed(suffix),
        }
    }

    /// From a raw word, normalised and segmented with the text layer's functions.
    pub fn from_word(word: &str) -> TokInfo<'static> {
        let norm = text::normalize::match_form(word);
        let seg = text::clitics::segment(&norm);
        TokInfo {
            norm: Cow::Owned(norm),
            prefix: Cow::Owned(seg.prefix),
            stem: Cow::Owned(seg.stem),
            suffix: Cow::Owned(seg.suffix),
        }
    }
}

/// Per-sentence precomputation shared by all tokens' features.
#[derive(Debug)]
pub struct SentenceCtx<'s, 'a> {
    toks: &'s [TokInfo<'a>],
    keys: Vec<Cow<'s, str>>,
    lstems: Vec<&'s str>,
    shapes: Vec<String>,
    gaz: Vec<GazHit>,
    trig: Vec<u8>,
}

impl<'s, 'a> SentenceCtx<'s, 'a> {
    /// Look up gazetteers and triggers for a sentence.
    pub fn new(toks: &'s [TokInfo<'a>]) -> Self {
        let g = gazetteer::shipped();
        let keys: Vec<Cow<'s, str>> = toks
            .iter()
            .map(|t| gazetteer::token_key(&t.norm, &t.stem))
            .collect();
        let gaz = g.hits(&keys);
        let trig = toks
            .iter()
            .zip(&keys)
            .map(|(t, k)| g.trigger(&t.norm, k))
            .collect();
        let shapes = toks.iter().map(|t| shape(&t.norm)).collect();
        let lstems = toks.iter().map(|t| light_stem(&t.norm)).collect();
        SentenceCtx {
            toks,
            keys,
            lstems,
            shapes,
            gaz,
            trig,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

/// Reusable buffers for feature extraction.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The feature keys of the last extracted token.
    pub keys: Vec<u32>,
    buf: Vec<u8>,
}

impl Scratch {
    fn add(&mut self, template: u8, parts: &[&str]) {
        self.buf.clear();
        self.buf.push(template);
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                self.buf.push(0x1f);
            }
            self.buf.extend_from_slice(p.as_bytes());
        }
        self.keys.push(xxh3_64(&self.buf) as u32);
    }
}

/// Coarse word shape: character classes with runs collapsed, plus a length bucket.
fn shape(norm: &str) -> String {
    let mut s = String::with_capacity(6);
    let mut last = ' ';
    let mut n = 0usize;
    for c in norm.chars() {
        n += 1;
        let k = if c.is_ascii_digit() {
            'd'
        } else if c.is_ascii_alphabetic() {
            'L'
        } else if c.is_alphabetic() {
            'a'
        } else {
            'p'
        };
        if k != last {
            s.push(k);
            last = k;
        }
    }
    s.push(match n {
        0..=1 => '1',
        2 => '2',
        3 => '3',
        4..=5 => '4',
        6..=8 => '6',
        _ => '9',
    });
    s
}

/// First `n` chars (or the whole string).
fn head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

/// Last `n` chars (or the whole string).
fn tail(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((b, _)) => &s[b..],
        None => s,
    }
}

/// Strip a conjunction (و/ف), then a preposition (ب/ل/ك), then the article, as long as at
/// least three letters remain. Independent of the text layer's segmenter, so the features stay
/// useful whatever that segmenter decides about a word.
pub fn light_stem(norm: &str) -> &str {
    let mut s = norm;
    let strip = |s: &str, set: &[char]| -> Option<usize> {
        let c = s.chars().next()?;
        (set.contains(&c) && s.chars().count() >= 4).then(|| c.len_utf8())
    };
    if let Some(n) = strip(s, &['و', 'ف']) {
        s = &s[n..];
    }
    if let Some(n) = strip(s, &['ب', 'ل', 'ك']) {
        s = &s[n..];
    }
    if let Some(rest) = s.strip_prefix("ال")
        && rest.chars().count() >= 3
    {
        s = rest;
    } else if let Some(rest) = s.strip_prefix('ل')
        && rest.starts_with('ل')
        && rest.chars().count() >= 3
    {
        s = rest;
    }
    s
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// Append the feature keys of token `i` to `sc.keys` (cleared first).
pub fn extract(ctx: &SentenceCtx<'_, '_>, i: usize, sc: &mut Scratch) {
    sc.keys.clear();
    let n = ctx.len();
    let t = &ctx.toks[i];
    let w = |j: isize| -> &str {
        let k = i as isize + j;
        if k < 0 {
            BOS
        } else if k as usize >= n {
            EOS
        } else {
            &ctx.toks[k as usize].norm
        }
    };
    let key = |j: isize| -> &str {
        let k = i as isize + j;
        if k < 0 {
            BOS
        } else if k as usize >= n {
            EOS
        } else {
            &ctx.keys[k as usize]
        }
    };
    let w0: &str = &t.norm;
    let k0: &str = &ctx.keys[i];
    sc.add(0, &[]);
    sc.add(1, &[w0]);
    sc.add(2, &[k0]);
    sc.add(3, &[&t.prefix]);
    sc.add(4, &[&t.suffix]);
    sc.add(5, &[head(k0, 2)]);
    sc.add(6, &[head(k0, 3)]);
    sc.add(7, &[tail(k0, 1)]);
    sc.add(8, &[tail(k0, 2)]);
    sc.add(9, &[tail(k0, 3)]);
    sc.add(10, &[&ctx.shapes[i]]);
    sc.add(11, &[w(-1)]);
    sc.add(12, &[w(1)]);
    sc.add(13, &[w(-2)]);
    sc.add(14, &[w(2)]);
    sc.add(15, &[key(-1)]);
    sc.add(16, &[key(1)]);
    sc.add(17, &[w(-1), w0]);
    sc.add(18, &[w0, w(1)]);
    sc.add(19, &[key(-1), k0]);
    sc.add(20, &[k0, key(1)]);
    sc.add(21, &[head(&t.prefix, 1), &ctx.shapes[i]]);

    // Gazetteer evidence at this token and its neighbours, one feature per list.
    let g = ctx.gaz[i];
    let len_s = match g.len {
        0 => "0",
        1 => "1",
        2 => "2",
        _ => "3+",
    };
    for (b, name) in bits::NAMES.iter().enumerate() {
        let m = 1u16 << b;
        if g.single & m != 0 {
            sc.add(30, &[name]);
        }
        if g.multi & m != 0 {
            sc.add(31, &[name, len_s]);
        }
        if g.inside & m != 0 {
            sc.add(32, &[name]);
        }
        for (j, tpl) in [(-1isize, 33u8), (1, 34)] {
            let k = i as isize + j;
            if k < 0 || k as usize >= n {
                continue;
            }
            let h = ctx.gaz[k as usize];
            if h.begin & m != 0 {
                sc.add(tpl, &[name, "b"]);
            }
            if h.inside & m != 0 {
                sc.add(tpl, &[name, "i"]);
            }
        }
    }
    if g.begin | g.inside == 0 {
        sc.add(35, &[]);
    }

    // Trigger words before, at and after the token.
    for (j, tpl) in [(-2isize, 40u8), (-1, 41), (0, 42), (1, 43)] {
        let k = i as isize + j;
        if k < 0 || k as usize >= n {
            continue;
        }
        let tr = ctx.trig[k as usize];
        for (bit, name) in [
            (trig::PERS, "P"),
            (trig::LOC, "L"),
            (trig::ORG, "O"),
            (trig::MISC, "M"),
        ] {
            if tr & bit != 0 {
                sc.add(tpl, &[name]);
                if j == -1 {
                    // A trigger right before: conjoin with this token's shape and gazetteer hit.
                    sc.add(44, &[name, &ctx.shapes[i]]);
                    sc.add(45, &[name, if g.begin != 0 { "g" } else { "-" }]);
                }
            }
        }
    }
    // Any trigger in the three tokens before: reaches the second and third words of a name
    // ("حزب التجمع المصري", "وزير الدفاع دونالد رامسفيلد").
    let mut window = 0u8;
    for j in 1..=3 {
        if i >= j {
            window |= ctx.trig[i - j];
        }
    }
    for (bit, name) in [
        (trig::PERS, "P"),
        (trig::LOC, "L"),
        (trig::ORG, "O"),
        (trig::MISC, "M"),
    ] {
        if window & bit != 0 {
            sc.add(46, &[name]);
            sc.add(47, &[name, &ctx.shapes[i]]);
        }
    }
    if i == 0 {
        sc.add(50, &[]);
    }
    let ls = |j: isize| -> &str {
        let k = i as isize + j;
        if k < 0 {
            BOS
        } else if k as usize >= n {
            EOS
        } else {
            ctx.lstems[k as usize]
        }
    };
    {
        let l0 = ls(0);
        sc.add(60, &[l0]);
        sc.add(61, &[ls(-1)]);
        sc.add(62, &[ls(1)]);
        sc.add(63, &[ls(-1), l0]);
        sc.add(64, &[l0, ls(1)]);
    }
    {
        let l0 = ls(0);
        sc.add(65, &[head(l0, 2)]);
        sc.add(66, &[head(l0, 3)]);
        sc.add(67, &[tail(l0, 2)]);
        sc.add(68, &[tail(l0, 3)]);
        sc.add(69, &[tail(l0, 4)]);
        sc.add(70, &[head(w0, 1)]);
        sc.add(71, &[head(w0, 2)]);
    }
    {
        sc.add(72, &[ls(-2)]);
        sc.add(73, &[ls(2)]);
        sc.add(74, &[ls(-2), ls(-1)]);
        sc.add(75, &[ls(1), ls(2)]);
    }
    {
        // Gazetteer conjunctions with the neighbours' evidence.
        let gb = |j: isize| -> u16 {
            let k = i as isize + j;
            if k < 0 || k as usize >= n {
                0
            } else {
                ctx.gaz[k as usize].begin | ctx.gaz[k as usize].inside
            }
        };
        let pers = bits::ANER_PERS | bits::UN_PERS_PART;
        let loc = bits::ANER_LOC | bits::GEONAMES | bits::COUNTRY | bits::ADMIN1;
        let c = |b: u16| {
            if b & pers != 0 {
                "p"
            } else if b & loc != 0 {
                "l"
            } else if b != 0 {
                "o"
            } else {
                "-"
            }
        };
        sc.add(76, &[c(gb(-1)), c(gb(0)), c(gb(1))]);
        sc.add(77, &[c(gb(-1)), c(gb(0))]);
        sc.add(78, &[c(gb(0)), c(gb(1))]);
    }
}

/// What the first stage predicted for each word (by light stem) across a document: how many
/// tokens of each entity type. Second-stage features read it, so a name tagged confidently in
/// one sentence ("وزير الدفاع دونالد رامسفيلد") helps its bare repetitions ("رامسفيلد").
#[derive(Debug, Default)]
pub struct DocMemory {
    counts: FxHashMap<String, [u16; 4]>,
}

/// Words that can carry document memory: at least two letters.
fn memorable(key: &str) -> bool {
    key.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

impl DocMemory {
    /// Collect first-stage labels of every sentence of a document.
    pub fn build(sentences: &[Vec<TokInfo<'_>>], labels: &[Vec<usize>]) -> DocMemory {
        let mut counts: FxHashMap<String, [u16; 4]> = FxHashMap::default();
        for (toks, ls) in sentences.iter().zip(labels) {
            for (t, &l) in toks.iter().zip(ls) {
                let Some((kind, _)) = super::label_parts(l) else {
                    continue;
                };
                let key = light_stem(&t.norm);
                if memorable(key) {
                    let c = counts.entry(key.to_string()).or_default();
                    c[kind.index()] = c[kind.index()].saturating_add(1);
                }
            }
        }
        DocMemory { counts }
    }

    /// Counts per type for a token, minus the token's own first-stage label.
    fn others(&self, t: &TokInfo<'_>, own: usize) -> [u16; 4] {
        let key = light_stem(&t.norm);
        let mut c = self.counts.get(key).copied().unwrap_or_default();
        if let Some((kind, _)) = super::label_parts(own) {
            c[kind.index()] = c[kind.index()].saturating_sub(1);
        }
        c
    }
}

const KIND_NAMES: [&str; 4] = ["P", "L", "O", "M"];

/// Append second-stage features of token `i`: the first-stage labels around it and what the
/// rest of the document says about the same words.
pub fn extract_doc(
    toks: &[TokInfo<'_>],
    i: usize,
    stage1: &[usize],
    mem: &DocMemory,
    sc: &mut Scratch,
) {
    let n = toks.len();
    let lab = |j: isize| -> &str {
        let k = i as isize + j;
        if k < 0 || k as usize >= n {
            "-"
        } else {
            super::LABELS[stage1[k as usize]]
        }
    };
    sc.add(80, &[lab(0)]);
    sc.add(81, &[lab(-1), lab(0)]);
    sc.add(82, &[lab(0), lab(1)]);
    for (j, tpl) in [(-1isize, 83u8), (0, 84), (1, 85)] {
        let k = i as isize + j;
        if k < 0 || k as usize >= n {
            continue;
        }
        let c = mem.others(&toks[k as usize], stage1[k as usize]);
        let total: u32 = c.iter().map(|&x| u32::from(x)).sum();
        if total == 0 {
            continue;
        }
        let mut best = 0;
        for t in 1..4 {
            if c[t] > c[best] {
                best = t;
            }
        }
        let many = if total >= 3 { "3" } else { "1" };
        sc.add(tpl, &[KIND_NAMES[best], many]);
        if j == 0 {
            for (t, &x) in c.iter().enumerate() {
                if x > 0 {
                    sc.add(86, &[KIND_NAMES[t]]);
                }
            }
            sc.add(87, &[KIND_NAMES[best], lab(0)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("بغداد"), "a4");
        assert_eq!(shape("2014"), "d4");
        assert_eq!(shape("،"), "p1");
        assert_eq!(head("بغداد", 2), "بغ");
        assert_eq!(tail("بغداد", 2), "اد");
        assert_eq!(tail("ب", 3), "ب");
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let a: Vec<TokInfo> = ["قال", "الرئيس", "محمد"]
            .iter()
            .map(|w| TokInfo::from_word(w))
            .collect();
        let b: Vec<TokInfo> = ["زار", "الرئيس", "محمد"]
            .iter()
            .map(|w| TokInfo::from_word(w))
            .collect();
        let (ca, cb) = (SentenceCtx::new(&a), SentenceCtx::new(&b));
        let mut s = Scratch::default();
        extract(&ca, 1, &mut s);
        let fa = s.keys.clone();
        extract(&ca, 1, &mut s);
        assert_eq!(fa, s.keys);
        extract(&cb, 1, &mut s);
        assert_ne!(fa, s.keys);
        // The word's own features are shared.
        assert_eq!(fa[1], s.keys[1]);
    }
}
