//! Token features for the tagger, hashed to 32-bit keys.
//!
//! Each feature is a template id plus one or more strings (the normalised word, its stem, a
//! neighbour, a gazetteer list name …) turned into a `u32` key. Every string of a token is hashed
//! once per sentence (xxh3, [`SentenceCtx`]); a feature's key then mixes the template id with those
//! 64-bit hashes by integer arithmetic, so a neighbour's word or a word pair costs no rehashing.
//! The model stores weights per key, so feature strings never need to be kept. Collisions between
//! 32-bit keys are rare at the model's size (a few hundred thousand keys) and only add a little
//! noise.
//!
//! Token information comes from the text layer: `norm` is `text::normalize::match_form`, and the
//! prefix/stem/suffix are `text::clitics::segment` of it, whether the tokens come from a
//! [`text::Analysis`] or from pre-tokenised words. The features do not look beyond the sentence.
//! Besides ANERcorp and the name lists, one outside source: how frequent the word and its stem
//! are in general Arabic ([`wordfreq`]), a token-local feature (version 5).
//! Changing any template changes what a model means: bump [`FEATURE_VERSION`] and retrain.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::gazetteer::{self, GazHit, bits, trig};
use super::wordfreq;

/// Version of the feature templates; stored in model files and checked on load.
pub const FEATURE_VERSION: u32 = 5;

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
    gaz: Vec<GazHit>,
    trig: Vec<u8>,
    /// Per-token string hashes (see [`Hashes`]).
    h: Vec<Hashes>,
}

/// xxh3 hashes of one token's strings, computed once per sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hashes {
    norm: u64,
    key: u64,
    lstem: u64,
    shape: u64,
    prefix: u64,
    prefix1: u64,
    suffix: u64,
    /// Character affixes: key head 2/3, key tail 1/2/3, light-stem head 2/3 and tail 2/3/4,
    /// form head 1/2.
    affix: [u64; 12],
    /// General-Arabic frequency bucket of the form and of the stem ([`wordfreq::bucket`]).
    freq: u8,
    sfreq: u8,
}

/// One hash of everything a token's local features depend on (form, proclitics, stem,
/// enclitic): the key of the tagger's per-word cache. `buf` is reused between calls.
pub(crate) fn word_id(t: &TokInfo<'_>, buf: &mut Vec<u8>) -> u64 {
    buf.clear();
    for (i, part) in [&t.norm, &t.prefix, &t.stem, &t.suffix]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            buf.push(0x1f);
        }
        buf.extend_from_slice(part.as_bytes());
    }
    xxh3_64(buf)
}

fn hs(s: &str) -> u64 {
    xxh3_64(s.as_bytes())
}

/// Hashes standing for the positions before and after the sentence.
const H_BOS: u64 = 0x0b05_0b05_0b05_0b05;
const H_EOS: u64 = 0x0e05_0e05_0e05_0e05;

impl Hashes {
    /// Hashes of a token's strings; `key` is its gazetteer key ([`gazetteer::token_key`]).
    pub(crate) fn of(t: &TokInfo<'_>, key: &str) -> Hashes {
        let lstem = light_stem(&t.norm);
        let w0: &str = &t.norm;
        Hashes {
            norm: hs(w0),
            key: hs(key),
            lstem: hs(lstem),
            shape: hs(&shape(w0)),
            prefix: hs(&t.prefix),
            prefix1: hs(head(&t.prefix, 1)),
            suffix: hs(&t.suffix),
            affix: [
                hs(head(key, 2)),
                hs(head(key, 3)),
                hs(tail(key, 1)),
                hs(tail(key, 2)),
                hs(tail(key, 3)),
                hs(head(lstem, 2)),
                hs(head(lstem, 3)),
                hs(tail(lstem, 2)),
                hs(tail(lstem, 3)),
                hs(tail(lstem, 4)),
                hs(head(w0, 1)),
                hs(head(w0, 2)),
            ],
            freq: wordfreq::bucket(w0),
            sfreq: wordfreq::bucket(&t.stem),
        }
    }
}

impl<'s, 'a> SentenceCtx<'s, 'a> {
    /// Look up gazetteers and triggers for a sentence.
    pub fn new(toks: &'s [TokInfo<'a>]) -> Self {
        Self::with_hashes(toks, |_, t, k| Hashes::of(t, k))
    }

    /// Like [`SentenceCtx::new`], with each token's [`Hashes`] from `hash(index, token, key)`
    /// (the tagger answers from its per-word cache).
    pub(crate) fn with_hashes(
        toks: &'s [TokInfo<'a>],
        mut hash: impl FnMut(usize, &TokInfo<'a>, &str) -> Hashes,
    ) -> Self {
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
        let h = toks
            .iter()
            .zip(&keys)
            .enumerate()
            .map(|(i, (t, k))| hash(i, t, k))
            .collect();
        SentenceCtx { toks, gaz, trig, h }
    }

    /// The string hashes of token `i`.
    pub(crate) fn hashes(&self, i: usize) -> Hashes {
        self.h[i]
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

/// Which of a token's features [`extract`] emits. Training takes them all, in template order
/// (feature dropout draws per key in that order). Inference splits them: the token-local part
/// depends on the word alone, so the tagger sums its weights once per distinct word and caches
/// the sum, and only the context part is looked up for every token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    /// Every feature, in template order.
    #[default]
    All,
    /// Features of the token's own strings only (form, stem, affixes, shape, bias).
    Local,
    /// Features that look at neighbours, gazetteer matches or triggers.
    Context,
}

/// Reusable buffers for feature extraction.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The feature keys of the last extracted token.
    pub keys: Vec<u32>,
    /// Which features [`extract`] emits.
    pub part: Part,
    buf: Vec<u8>,
}

/// Mix a template id with up to three string hashes into a feature key.
#[inline]
fn mix(template: u8, a: u64, b: u64, c: u64) -> u32 {
    let mut x = a ^ u64::from(template).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 31)).wrapping_mul(0xff51_afd7_ed55_8ccd) ^ b.rotate_left(23);
    x = (x ^ (x >> 29)).wrapping_mul(0xc4ce_b9fe_1a85_ec53) ^ c.rotate_left(41);
    x = (x ^ (x >> 32)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (x ^ (x >> 29)) as u32
}

impl Scratch {
    /// A context feature (skipped when only the local part is asked for).
    #[inline]
    fn k(&mut self, template: u8, a: u64, b: u64, c: u64) {
        if self.part != Part::Local {
            self.keys.push(mix(template, a, b, c));
        }
    }

    /// A token-local feature (skipped when only the context part is asked for).
    #[inline]
    fn local(&mut self, template: u8, a: u64, b: u64, c: u64) {
        if self.part != Part::Context {
            self.keys.push(mix(template, a, b, c));
        }
    }

    /// A context feature keyed by strings.
    fn add(&mut self, template: u8, parts: &[&str]) {
        if self.part == Part::Local {
            return;
        }
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
        } else if ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphabetic() {
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

/// Append the feature keys of token `i` to `sc.keys` (cleared first).
pub fn extract(ctx: &SentenceCtx<'_, '_>, i: usize, sc: &mut Scratch) {
    sc.keys.clear();
    let n = ctx.len();
    let at = |j: isize| -> Option<&Hashes> {
        let k = i as isize + j;
        (k >= 0 && (k as usize) < n).then(|| &ctx.h[k as usize])
    };
    let edge = |j: isize| if j < 0 { H_BOS } else { H_EOS };
    let w = |j: isize| at(j).map_or(edge(j), |h| h.norm);
    let key = |j: isize| at(j).map_or(edge(j), |h| h.key);
    let ls = |j: isize| at(j).map_or(edge(j), |h| h.lstem);
    let h = &ctx.h[i];
    sc.local(0, 0, 0, 0);
    sc.local(1, h.norm, 0, 0);
    sc.local(2, h.key, 0, 0);
    sc.local(3, h.prefix, 0, 0);
    sc.local(4, h.suffix, 0, 0);
    for (t, a) in (5u8..=9).zip(&h.affix[..5]) {
        sc.local(t, *a, 0, 0);
    }
    sc.local(10, h.shape, 0, 0);
    sc.k(11, w(-1), 0, 0);
    sc.k(12, w(1), 0, 0);
    sc.k(13, w(-2), 0, 0);
    sc.k(14, w(2), 0, 0);
    sc.k(15, key(-1), 0, 0);
    sc.k(16, key(1), 0, 0);
    sc.k(17, w(-1), h.norm, 0);
    sc.k(18, h.norm, w(1), 0);
    sc.k(19, key(-1), h.key, 0);
    sc.k(20, h.key, key(1), 0);
    sc.local(21, h.prefix1, h.shape, 0);

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
            let hit = ctx.gaz[k as usize];
            if hit.begin & m != 0 {
                sc.add(tpl, &[name, "b"]);
            }
            if hit.inside & m != 0 {
                sc.add(tpl, &[name, "i"]);
            }
        }
    }
    if g.begin | g.inside == 0 {
        sc.k(35, 0, 0, 0);
    }

    // Trigger words before, at and after the token.
    for (j, tpl) in [(-2isize, 40u8), (-1, 41), (0, 42), (1, 43)] {
        let k = i as isize + j;
        if k < 0 || k as usize >= n {
            continue;
        }
        let tr = ctx.trig[k as usize];
        for (bit, name) in TRIGGER_KINDS {
            if tr & bit != 0 {
                sc.add(tpl, &[name]);
                if j == -1 {
                    // A trigger right before: conjoin with this token's shape and gazetteer hit.
                    sc.k(44, hs(name), h.shape, 0);
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
    for (bit, name) in TRIGGER_KINDS {
        if window & bit != 0 {
            sc.add(46, &[name]);
            sc.k(47, hs(name), h.shape, 0);
        }
    }
    if i == 0 {
        sc.k(50, 0, 0, 0);
    }
    sc.local(60, h.lstem, 0, 0);
    sc.k(61, ls(-1), 0, 0);
    sc.k(62, ls(1), 0, 0);
    sc.k(63, ls(-1), h.lstem, 0);
    sc.k(64, h.lstem, ls(1), 0);
    for (t, a) in (65u8..=71).zip(&h.affix[5..]) {
        sc.local(t, *a, 0, 0);
    }
    sc.k(72, ls(-2), 0, 0);
    sc.k(73, ls(2), 0, 0);
    sc.k(74, ls(-2), ls(-1), 0);
    sc.k(75, ls(1), ls(2), 0);
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
        // Person, location, other list, none.
        let c = |b: u16| -> u64 {
            if b & pers != 0 {
                1
            } else if b & loc != 0 {
                2
            } else if b != 0 {
                3
            } else {
                4
            }
        };
        sc.k(76, c(gb(-1)), c(gb(0)), c(gb(1)));
        sc.k(77, c(gb(-1)), c(gb(0)), 0);
        sc.k(78, c(gb(0)), c(gb(1)), 0);
    }
    // How common the word and its stem are in general Arabic (names are rare words).
    sc.local(90, u64::from(h.freq), 0, 0);
    sc.local(91, u64::from(h.sfreq), 0, 0);
    sc.local(92, u64::from(h.freq), u64::from(h.sfreq), 0);
}

/// Trigger kinds and the names their features use.
const TRIGGER_KINDS: [(u8, &str); 4] = [
    (trig::PERS, "P"),
    (trig::LOC, "L"),
    (trig::ORG, "O"),
    (trig::MISC, "M"),
];

/// What the first stage predicted for each word (by light stem) across a document: how many
/// tokens of each entity type. Second-stage features read it, so a name tagged confidently in
/// one sentence ("وزير الدفاع دونالد رامسفيلد") helps its bare repetitions ("رامسفيلد").
#[derive(Debug, Default)]
pub struct DocMemory {
    counts: FxHashMap<String, [u16; 4]>,
}

/// Words that can carry document memory: at least two letters.
fn memorable(key: &str) -> bool {
    key.chars()
        .filter(|&c| ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphabetic())
        .count()
        >= 2
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
