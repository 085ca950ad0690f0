//! A trained sequence tagger for Arabic named entities (PERS, LOC, ORG, MISC in IOB2).
//!
//! It is a first-order structured perceptron with averaged weights: sparse hashed features per
//! token ([`features`]: normalised form, clitic-stripped stem and segments from the text layer,
//! character affixes, shape, neighbouring words, gazetteer membership and trigger words from the
//! shipped lists in `data/gazetteer/`, general-Arabic word frequency from `data/wordfreq/`
//! ([`wordfreq`])), label-transition weights, and Viterbi decoding restricted
//! to valid IOB2 sequences ([`decode`]). A second stage re-tags each sentence with extra
//! document features: what the first stage said about the same words elsewhere in the text.
//! Training ([`train`]) is deterministic (fixed-seed shuffle).
//! The model file ([`model`]) is a compact quantised binary; the one trained on ANERcorp ships in
//! `model/ner.bin` and is embedded with `include_bytes!` ([`Tagger::bundled`]).
//! [`evaluate`] scores a tagger against gold IOB2 sentences with conlleval's exact-span rules.
//!
//! It does not link names to identities, merge mentions or find relations: that is the
//! recogniser's job above it. It does not split sentences or tokenise: raw text comes in as a
//! [`text::Analysis`], pre-tokenised text as words.

pub mod decode;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod gazetteer_keys;
pub mod model;
pub mod perceptron;
pub mod wordfreq;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;
use text::Analysis;

pub use eval::{EvalReport, TypeScore, evaluate, evaluate_raw, evaluate_sentences};
pub use perceptron::{TrainOptions, train};

use crate::Error;

/// Entity type predicted by the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TagKind {
    /// A person.
    Pers,
    /// A location (country, city, region, natural feature).
    Loc,
    /// An organisation (state body, armed group, company, media outlet).
    Org,
    /// Anything else with a name (events, nationalities in ANERcorp, products).
    Misc,
}

impl TagKind {
    /// All kinds in label order.
    pub const ALL: [TagKind; 4] = [TagKind::Pers, TagKind::Loc, TagKind::Org, TagKind::Misc];

    /// The IOB2 type name (`PERS`, `LOC`, `ORG`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            TagKind::Pers => "PERS",
            TagKind::Loc => "LOC",
            TagKind::Org => "ORG",
            TagKind::Misc => "MISC",
        }
    }

    /// Parse an IOB2 type name; `PER` is accepted for `PERS` (CoNLL spelling).
    pub fn parse(s: &str) -> Option<TagKind> {
        match s {
            "PERS" | "PER" => Some(TagKind::Pers),
            "LOC" => Some(TagKind::Loc),
            "ORG" => Some(TagKind::Org),
            "MISC" => Some(TagKind::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            TagKind::Pers => 0,
            TagKind::Loc => 1,
            TagKind::Org => 2,
            TagKind::Misc => 3,
        }
    }
}

/// Number of IOB2 labels: `O` plus B/I for each of the four kinds.
pub const N_LABELS: usize = 9;

/// Label index → IOB2 string. Index 0 is `O`; then B/I pairs in [`TagKind::ALL`] order.
pub const LABELS: [&str; N_LABELS] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];

/// Label index of an IOB2 string; unknown strings (and `O`) map to 0, `B-PER` to `B-PERS`.
pub fn label_index(s: &str) -> usize {
    let (bio, ty) = match s.split_once('-') {
        Some(x) => x,
        None => return 0,
    };
    let Some(kind) = TagKind::parse(ty) else {
        return 0;
    };
    match bio {
        "B" => 1 + 2 * kind.index(),
        "I" => 2 + 2 * kind.index(),
        _ => 0,
    }
}

/// The kind and "is begin" flag of a label index; `None` for `O`.
pub(crate) fn label_parts(l: usize) -> Option<(TagKind, bool)> {
    if l == 0 || l >= N_LABELS {
        return None;
    }
    Some((TagKind::ALL[(l - 1) / 2], l % 2 == 1))
}

/// One entity span found by the tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedSpan {
    /// Entity type.
    pub kind: TagKind,
    /// Token range in the analysis (or in the word slice for pre-tokenised input).
    pub tokens: Range<usize>,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Confidence in 0..=1: mean over the span's tokens of the chosen label's softmax share of
    /// the token's emission scores. A ranking signal, not a calibrated probability.
    pub score: f32,
}

/// A loaded tagger model: hashed feature weights and label transitions for the sentence-level
/// first stage and (optionally) the document-level second stage.
#[derive(Debug, Clone)]
pub struct Tagger {
    pub(crate) stage1: model::Weights,
    pub(crate) stage2: Option<model::Weights>,
    /// Both stages' sentence-feature weights in one table (built on load; see [`model::Joint`]).
    joint: Option<model::Joint>,
    /// Tells this model's entries in the per-thread word cache from another model's.
    id: u64,
}

/// Source of [`Tagger::id`].
static NEXT_TAGGER_ID: AtomicU64 = AtomicU64::new(0);

/// Per-thread cache of a word's token-local work: its string hashes and the summed integer
/// weights of its local features ([`features::Part::Local`]) under both stages. News repeats
/// a small vocabulary, so most tokens skip about twenty table probes and twenty string hashes.
/// The sums are exact integers, so cached and uncached scores are identical. Entries are keyed
/// by a 64-bit hash of the word's strings ([`features::word_id`]): two words of one thread's
/// 32 k sharing a hash is a chance of about 1 in 10^10 per refill, accepted.
struct WordCache {
    tagger: u64,
    words: FxHashMap<u64, (features::Hashes, [i32; 2 * N_LABELS])>,
}

/// Entries kept before the cache starts afresh: at about 240 bytes an entry and the map's load
/// factor, about 16 MB per thread.
const WORD_CACHE_MAX: usize = 1 << 15;

thread_local! {
    static WORD_CACHE: RefCell<WordCache> = RefCell::new(WordCache {
        tagger: u64::MAX,
        words: FxHashMap::default(),
    });
}

/// The trained model shipped with Marsad (trained on ANERcorp train split; see model/ATTRIBUTION.md).
static BUNDLED: &[u8] = include_bytes!("../../model/ner.bin");

/// Labels and per-token confidences of one sentence.
type Decoded = (Vec<usize>, Vec<f32>);

impl Tagger {
    /// The model shipped with Marsad, parsed from bytes embedded in the binary.
    pub fn bundled() -> Result<Tagger, Error> {
        Self::load_named(BUNDLED, "model/ner.bin")
    }

    /// Parse a model from the bytes written by [`Tagger::to_bytes`].
    pub fn load(bytes: &[u8]) -> Result<Tagger, Error> {
        Self::load_named(bytes, "<ner model>")
    }

    fn load_named(bytes: &[u8], path: &str) -> Result<Tagger, Error> {
        let err = |reason: String| Error::Format {
            path: path.to_string(),
            reason,
        };
        let mut stages = model::decode(bytes).map_err(err)?.into_iter();
        let stage1 = stages
            .next()
            .ok_or_else(|| err("model has no stage".to_string()))?;
        let stage2 = stages.next();
        Ok(Tagger::new(stage1, stage2))
    }

    /// A tagger from trained stage weights.
    pub(crate) fn new(stage1: model::Weights, stage2: Option<model::Weights>) -> Tagger {
        let joint = stage2.as_ref().map(|s2| model::Joint::new(&stage1, s2));
        Tagger {
            stage1,
            stage2,
            joint,
            id: NEXT_TAGGER_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Serialise the model (compact quantised binary; see [`model`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.stage2 {
            Some(s2) => model::encode(&[&self.stage1, s2]),
            None => model::encode(&[&self.stage1]),
        }
    }

    /// Number of feature rows kept in the model (all stages).
    pub fn n_features(&self) -> usize {
        self.stage1.n_rows() + self.stage2.as_ref().map_or(0, |w| w.n_rows())
    }

    /// Tag an analysed text; one span per entity, in text order. The whole analysis is one
    /// document for the second stage's document features.
    pub fn tag(&self, a: &Analysis<'_>) -> Vec<TaggedSpan> {
        let ranges: Vec<Range<usize>> = if a.sentences.is_empty() {
            std::iter::once(0..a.tokens.len()).collect()
        } else {
            a.sentences
                .iter()
                .map(|s| s.tokens.clone())
                .filter(|r| !r.is_empty() && r.end <= a.tokens.len())
                .collect()
        };
        let infos: Vec<Vec<features::TokInfo>> = ranges
            .iter()
            .map(|r| {
                a.tokens[r.clone()]
                    .iter()
                    .map(|t| features::TokInfo::from_parts(&t.norm, &t.prefix, &t.stem, &t.suffix))
                    .collect()
            })
            .collect();
        let decoded = self.decode_document(&infos);
        let mut out = Vec::new();
        for (range, (labels, conf)) in ranges.iter().zip(decoded) {
            for (kind, r, score) in spans_of(&labels, &conf) {
                let s = range.start + r.start;
                let e = range.start + r.end;
                out.push(TaggedSpan {
                    kind,
                    tokens: s..e,
                    start: a.tokens[s].start,
                    end: a.tokens[e - 1].end,
                    score,
                });
            }
        }
        out
    }

    /// IOB2 labels for one pre-tokenised sentence, taken as a document on its own.
    pub fn tag_tokens(&self, words: &[&str]) -> Vec<String> {
        self.tag_indices(words)
            .into_iter()
            .map(|l| LABELS[l].to_string())
            .collect()
    }

    /// Label indices (see [`LABELS`]) for one pre-tokenised sentence.
    pub fn tag_indices(&self, words: &[&str]) -> Vec<usize> {
        let infos: Vec<features::TokInfo> = words
            .iter()
            .map(|w| features::TokInfo::from_word(w))
            .collect();
        self.decode_document(&[infos])
            .pop()
            .map(|d| d.0)
            .unwrap_or_default()
    }

    /// Label indices for the pre-tokenised sentences of one document (document features see
    /// all of them).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
        let infos: Vec<Vec<features::TokInfo>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| features::TokInfo::from_word(w)).collect())
            .collect();
        self.decode_document(&infos)
            .into_iter()
            .map(|d| d.0)
            .collect()
    }

    /// Both stages over a document's sentences: labels and per-token confidence.
    fn decode_document(&self, sentences: &[Vec<features::TokInfo>]) -> Vec<Decoded> {
        let mut scratch = features::Scratch::default();
        // Sentence-feature emissions of every token under both stages.
        let emissions: Vec<(Vec<f32>, Vec<f32>)> = match &self.joint {
            Some(j) => self.emissions_cached(j, sentences, &mut scratch),
            None => sentences
                .iter()
                .map(|toks| {
                    let ctx = features::SentenceCtx::new(toks);
                    let mut e1 = vec![0f32; toks.len() * N_LABELS];
                    for i in 0..toks.len() {
                        features::extract(&ctx, i, &mut scratch);
                        let r = i * N_LABELS..(i + 1) * N_LABELS;
                        self.stage1.score_into(&scratch.keys, &mut e1[r]);
                    }
                    (e1, Vec::new())
                })
                .collect(),
        };
        let mut first: Vec<Decoded> = Vec::with_capacity(sentences.len());
        let mut second_base: Vec<Vec<f32>> = Vec::with_capacity(sentences.len());
        for (toks, (e1, e2)) in sentences.iter().zip(emissions) {
            // The first stage's confidences are only reported when there is no second stage.
            first.push(decode_emissions(
                &self.stage1,
                e1,
                toks.len(),
                self.stage2.is_none(),
            ));
            second_base.push(e2);
        }
        let Some(s2) = &self.stage2 else {
            return first;
        };
        let labels: Vec<Vec<usize>> = first.into_iter().map(|d| d.0).collect();
        let mem = features::DocMemory::build(sentences, &labels);
        sentences
            .iter()
            .zip(second_base)
            .zip(&labels)
            .map(|((toks, mut e2), l1)| {
                // Only the document features are left to score for the second stage.
                for t in 0..toks.len() {
                    scratch.keys.clear();
                    features::extract_doc(toks, t, l1, &mem, &mut scratch);
                    let row = &mut e2[t * N_LABELS..(t + 1) * N_LABELS];
                    match &self.joint {
                        Some(j) => j.score_second(&scratch.keys, row),
                        None => s2.score_into(&scratch.keys, row),
                    }
                }
                decode_emissions(s2, e2, toks.len(), true)
            })
            .collect()
    }
}

impl Tagger {
    /// Both stages' emissions from the sentence features of every token, one table probe per
    /// context feature key; a word's local features come summed from the per-thread
    /// [`WordCache`] after its first occurrence.
    fn emissions_cached(
        &self,
        j: &model::Joint,
        sentences: &[Vec<features::TokInfo>],
        scratch: &mut features::Scratch,
    ) -> Vec<(Vec<f32>, Vec<f32>)> {
        WORD_CACHE.with(|cell| {
            let mut cache = cell.borrow_mut();
            if cache.tagger != self.id || cache.words.len() > WORD_CACHE_MAX {
                cache.tagger = self.id;
                cache.words.clear();
            }
            let mut buf = Vec::new();
            let mut out = Vec::with_capacity(sentences.len());
            for toks in sentences {
                let n = toks.len();
                let mut ids = Vec::with_capacity(n);
                let mut local = Vec::with_capacity(n);
                let ctx = features::SentenceCtx::with_hashes(toks, |_, t, key| {
                    let id = features::word_id(t, &mut buf);
                    ids.push(id);
                    match cache.words.get(&id) {
                        Some((h, acc)) => {
                            local.push(Some(*acc));
                            *h
                        }
                        None => {
                            local.push(None);
                            features::Hashes::of(t, key)
                        }
                    }
                });
                let mut e1 = vec![0f32; n * N_LABELS];
                let mut e2 = vec![0f32; n * N_LABELS];
                for i in 0..n {
                    let acc = match local[i] {
                        Some(acc) => acc,
                        None => {
                            scratch.part = features::Part::Local;
                            features::extract(&ctx, i, scratch);
                            let acc = j.sum([0; 2 * N_LABELS], &scratch.keys);
                            cache.words.insert(ids[i], (ctx.hashes(i), acc));
                            acc
                        }
                    };
                    scratch.part = features::Part::Context;
                    features::extract(&ctx, i, scratch);
                    let r = i * N_LABELS..(i + 1) * N_LABELS;
                    j.score_with(j.sum(acc, &scratch.keys), &mut e1[r.clone()], &mut e2[r]);
                }
                out.push((e1, e2));
            }
            scratch.part = features::Part::All;
            out
        })
    }
}

/// Viterbi labels and per-token confidence (empty unless `conf` is asked for) of one sentence
/// from its emission scores.
fn decode_emissions(w: &model::Weights, emissions: Vec<f32>, n: usize, conf: bool) -> Decoded {
    let labels = decode::viterbi(&emissions, &w.trans, &w.start, n);
    if !conf {
        return (labels, Vec::new());
    }
    let conf = labels
        .iter()
        .enumerate()
        .map(|(i, &l)| softmax_share(&emissions[i * N_LABELS..(i + 1) * N_LABELS], l))
        .collect();
    (labels, conf)
}

/// Softmax probability of label `l` among one token's emission scores.
fn softmax_share(row: &[f32], l: usize) -> f32 {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = row.iter().map(|&x| (x - max).exp()).sum();
    if sum > 0.0 {
        (row[l] - max).exp() / sum
    } else {
        0.0
    }
}

/// Entity spans (kind, token range, mean confidence) in an IOB2 label sequence. An `I-X` that
/// does not continue an `X` chunk starts a new chunk (conlleval's rule).
pub(crate) fn spans_of(labels: &[usize], conf: &[f32]) -> Vec<(TagKind, Range<usize>, f32)> {
    let mut out = Vec::new();
    let mut cur: Option<(TagKind, usize)> = None;
    let close = |cur: Option<(TagKind, usize)>, end: usize, out: &mut Vec<_>| {
        if let Some((k, s)) = cur {
            let c: f32 = conf.get(s..end).map(|c| c.iter().sum()).unwrap_or(0.0);
            out.push((k, s..end, c / (end - s) as f32));
        }
    };
    for (i, &l) in labels.iter().enumerate() {
        match label_parts(l) {
            None => {
                close(cur.take(), i, &mut out);
            }
            Some((k, begin)) => {
                let continues = !begin && matches!(cur, Some((ck, _)) if ck == k);
                if !continues {
                    close(cur.take(), i, &mut out);
                    cur = Some((k, i));
                }
            }
        }
    }
    close(cur, labels.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for (i, l) in LABELS.iter().enumerate() {
            assert_eq!(label_index(l), i);
        }
        assert_eq!(label_index("B-PER"), 1);
        assert_eq!(label_index("X-FOO"), 0);
    }

    /// The per-word cache must not change a score: the local and context parts together are
    /// exactly the full feature set, and cached emissions (first and repeated occurrences of a
    /// word, a second document) equal emissions from all features looked up one by one.
    #[test]
    fn cached_local_sums_give_the_same_emissions() {
        let tagger = Tagger::bundled().expect("bundled model");
        let j = tagger.joint.as_ref().expect("two-stage model");
        let doc: Vec<Vec<features::TokInfo>> = [
            "قال وزير الداخلية العراقي إن قوات الأمن اعتقلت خمسة من عناصر داعش في الموصل",
            "وأضاف الوزير أن عناصر التنظيم كانوا يخططون لهجوم على سوق في بغداد والموصل",
        ]
        .iter()
        .map(|s| s.split(' ').map(features::TokInfo::from_word).collect())
        .collect();
        let mut sc = features::Scratch::default();
        let mut direct = Vec::new();
        for toks in &doc {
            let ctx = features::SentenceCtx::new(toks);
            let (mut e1, mut e2) = (
                vec![0f32; toks.len() * N_LABELS],
                vec![0f32; toks.len() * N_LABELS],
            );
            for i in 0..toks.len() {
                let mut parts = Vec::new();
                for part in [features::Part::Local, features::Part::Context] {
                    sc.part = part;
                    features::extract(&ctx, i, &mut sc);
                    parts.extend_from_slice(&sc.keys);
                }
                sc.part = features::Part::All;
                features::extract(&ctx, i, &mut sc);
                let (mut all, mut split) = (sc.keys.clone(), parts);
                all.sort_unstable();
                split.sort_unstable();
                assert_eq!(all, split, "token {i}");
                let r = i * N_LABELS..(i + 1) * N_LABELS;
                j.score_into(&sc.keys, &mut e1[r.clone()], &mut e2[r]);
            }
            direct.push((e1, e2));
        }
        // Twice: the second pass finds every word in the cache.
        for _ in 0..2 {
            assert_eq!(tagger.emissions_cached(j, &doc, &mut sc), direct);
        }
    }

    #[test]
    fn spans_follow_conlleval_chunking() {
        // O B-PERS I-PERS I-LOC B-LOC O
        let labels = [0, 1, 2, 4, 3, 0];
        let conf = [1.0; 6];
        let s: Vec<_> = spans_of(&labels, &conf)
            .into_iter()
            .map(|(k, r, _)| (k, r))
            .collect();
        assert_eq!(
            s,
            vec![
                (TagKind::Pers, 1..3),
                (TagKind::Loc, 3..4),
                (TagKind::Loc, 4..5)
            ]
        );
    }
}
