//! Training: a first-order structured perceptron with weight averaging.
//!
//! Each epoch visits the sentences in an order shuffled by a fixed-seed generator, decodes each
//! with the current weights (constrained Viterbi), and on a mistake adds the gold sentence's
//! features and transitions and subtracts the predicted ones. The returned weights are the
//! average over all steps (the usual trick: `avg = w - u / c` where `u` accumulates `c · Δ`).
//! Each stage is fitted [`TrainOptions::runs`] times with different shuffle seeds and the
//! averaged weights of the runs are averaged again (a weight-averaged ensemble, still one
//! linear model), then quantised. Same data + same options → byte-identical model.
//!
//! [`train`] fits two such models: a sentence-level first stage and a document-level second
//! stage whose extra features come from cross-validated first-stage predictions. Rare features
//! are dropped and, during training only, feature occurrences are hidden at random (fixed seed)
//! so that weight spreads over context and gazetteer features instead of memorised words.
//!
//! It does not tune hyper-parameters or hold out data; evaluation is [`super::evaluate`].

use rustc_hash::FxHashMap;

use super::features::{self, DocMemory, Scratch, SentenceCtx, TokInfo};
use super::model::Weights;
use super::{N_LABELS, Tagger, decode, label_index};

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Features seen fewer times than this in the training data are ignored (a cheap
    /// regulariser: rare lexical features mostly memorise the training set).
    pub min_count: u32,
    /// Probability of hiding each feature occurrence at each training step (0 = off). Forces
    /// the model to spread weight over context and gazetteer features instead of memorising words.
    pub dropout: f32,
    /// Train the second, document-level stage (on by default).
    pub doc_stage: bool,
    /// Independent perceptron runs per model, each with its own shuffle and dropout sequence
    /// (run 0 uses `seed`, the others seeds derived from it); their averaged weights are
    /// averaged again into one model. A deterministic ensemble in a single model: it removes
    /// much of the shuffle-order noise at no cost when tagging, and multiplies training time.
    pub runs: usize,
    /// Print one progress line per epoch to stderr.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 0x4d41_5253_4144,
            min_count: 2,
            dropout: 0.4,
            doc_stage: true,
            runs: 3,
            verbose: false,
        }
    }
}

impl TrainOptions {
    fn folds_off(&self) -> bool {
        !self.doc_stage
    }
}

/// SplitMix64: a tiny deterministic generator for the shuffle (same sequence on every platform).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One training sentence with features mapped to dense row ids.
struct Example {
    feats: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// Sentences per pseudo-document when a corpus has no document boundaries (ANERcorp): about
/// the length of one of its articles. Training and [`super::evaluate`] use the same blocks.
pub const DOC_BLOCK: usize = 16;

/// Number of folds for the cross-validated first-stage predictions the second stage trains on.
const FOLDS: usize = 5;

/// Train a tagger on sentences of `(word, IOB2 label)` pairs. Unknown labels count as `O`.
///
/// Two stages: the first uses sentence features only; the second adds document features
/// computed from first-stage predictions over blocks of [`DOC_BLOCK`] consecutive sentences.
/// The second stage trains on first-stage predictions made by models that did not see the
/// sentence (5-fold jackknife over contiguous folds), so it learns how far to trust them.
pub fn train(sentences: &[Vec<(String, String)>], opts: &TrainOptions) -> Tagger {
    let sentences: Vec<&Vec<(String, String)>> =
        sentences.iter().filter(|s| !s.is_empty()).collect();
    let infos: Vec<Vec<TokInfo>> = sentences
        .iter()
        .map(|s| s.iter().map(|(w, _)| TokInfo::from_word(w)).collect())
        .collect();
    let gold: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| s.iter().map(|(_, l)| label_index(l)).collect())
        .collect();
    let mut scratch = Scratch::default();
    let base: Vec<Vec<Vec<u32>>> = infos
        .iter()
        .map(|toks| {
            let ctx = SentenceCtx::new(toks);
            (0..toks.len())
                .map(|i| {
                    features::extract(&ctx, i, &mut scratch);
                    scratch.keys.clone()
                })
                .collect()
        })
        .collect();
    let stage1 = fit(&base, &gold, opts, "stage 1");
    if opts.folds_off() {
        return Tagger::new(stage1, None);
    }

    // Cross-validated first-stage labels for every training sentence.
    let n = sentences.len();
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for f in 0..FOLDS {
        let (lo, hi) = (n * f / FOLDS, n * (f + 1) / FOLDS);
        let idx: Vec<usize> = (0..n).filter(|&i| i < lo || i >= hi).collect();
        let fb: Vec<Vec<Vec<u32>>> = idx.iter().map(|&i| base[i].clone()).collect();
        let fg: Vec<Vec<usize>> = idx.iter().map(|&i| gold[i].clone()).collect();
        let w = fit(&fb, &fg, opts, "fold");
        for i in lo..hi {
            pred[i] = decode_keys(&w, &base[i]);
        }
    }

    // Second-stage features: base + document memory over blocks of sentences.
    let mut full: Vec<Vec<Vec<u32>>> = Vec::with_capacity(n);
    for start in (0..n).step_by(DOC_BLOCK) {
        let end = (start + DOC_BLOCK).min(n);
        let mem = DocMemory::build(&infos[start..end], &pred[start..end]);
        for i in start..end {
            let mut sent = Vec::with_capacity(infos[i].len());
            for (t, keys) in base[i].iter().enumerate() {
                scratch.keys.clear();
                scratch.keys.extend_from_slice(keys);
                features::extract_doc(&infos[i], t, &pred[i], &mem, &mut scratch);
                sent.push(scratch.keys.clone());
            }
            full.push(sent);
        }
    }
    let stage2 = fit(&full, &gold, opts, "stage 2");
    Tagger::new(stage1, Some(stage2))
}

/// Viterbi labels of one sentence given its raw feature keys.
pub(crate) fn decode_keys(w: &Weights, feats: &[Vec<u32>]) -> Vec<usize> {
    let n = feats.len();
    let mut emissions = vec![0f32; n * N_LABELS];
    for (t, f) in feats.iter().enumerate() {
        w.score_into(f, &mut emissions[t * N_LABELS..(t + 1) * N_LABELS]);
    }
    decode::viterbi(&emissions, &w.trans, &w.start, n)
}

/// Train one stage's weights on raw feature keys.
fn fit(raw: &[Vec<Vec<u32>>], gold: &[Vec<usize>], opts: &TrainOptions, what: &str) -> Weights {
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for s in raw {
        for f in s {
            for &k in f {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    // Keep frequent-enough keys and give them dense row ids.
    let mut rows: FxHashMap<u32, u32> = FxHashMap::default();
    let mut keys: Vec<u32> = Vec::new();
    let data: Vec<Example> = raw
        .iter()
        .zip(gold)
        .map(|(feats, gold)| {
            let feats = feats
                .iter()
                .map(|f| {
                    f.iter()
                        .filter(|k| counts.get(k).copied().unwrap_or(0) >= opts.min_count)
                        .map(|&k| {
                            *rows.entry(k).or_insert_with(|| {
                                keys.push(k);
                                (keys.len() - 1) as u32
                            })
                        })
                        .collect()
                })
                .collect();
            Example {
                feats,
                gold: gold.clone(),
            }
        })
        .collect();

    let nf = keys.len();
    let k_runs = opts.runs.max(1);
    let mut w_sum = vec![0f32; nf * N_LABELS];
    let mut start = [0f32; N_LABELS];
    let mut trans = [0f32; N_LABELS * N_LABELS];
    // The runs are independent: train them on parallel threads, then sum in run order (so the
    // result does not depend on thread timing).
    let results: Vec<RunWeights> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..k_runs)
            .map(|run| {
                let data = &data;
                let seed = opts
                    .seed
                    .wrapping_add((run as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                scope.spawn(move || fit_run(data, nf, opts, seed, what, run))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("training thread panicked"))
            .collect()
    });
    for (w, s, t) in results {
        for (a, b) in w_sum.iter_mut().zip(&w) {
            *a += b / k_runs as f32;
        }
        for (a, b) in start.iter_mut().zip(&s) {
            *a += b / k_runs as f32;
        }
        for (a, b) in trans.iter_mut().zip(&t) {
            *a += b / k_runs as f32;
        }
    }
    let rows_out = keys.iter().enumerate().map(|(r, &k)| {
        let mut ws = [0f32; N_LABELS];
        ws.copy_from_slice(&w_sum[r * N_LABELS..(r + 1) * N_LABELS]);
        (k, ws)
    });
    Weights::quantise(rows_out, start, trans)
}

/// One averaged-perceptron run over the examples: averaged emission weights (row-major, `nf ×
/// N_LABELS`), start and transition weights.
type RunWeights = (Vec<f32>, [f32; N_LABELS], [f32; N_LABELS * N_LABELS]);

fn fit_run(
    data: &[Example],
    nf: usize,
    opts: &TrainOptions,
    seed: u64,
    what: &str,
    run: usize,
) -> RunWeights {
    let mut w = vec![0f32; nf * N_LABELS];
    let mut u = vec![0f64; nf * N_LABELS];
    let mut tw = [0f32; N_LABELS * N_LABELS];
    let mut tu = [0f64; N_LABELS * N_LABELS];
    let mut sw = [0f32; N_LABELS];
    let mut su = [0f64; N_LABELS];
    let mut c: f64 = 1.0;
    let mut rng = SplitMix(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut emissions: Vec<f32> = Vec::new();
    let mut active: Vec<Vec<u32>> = Vec::new();
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &idx in &order {
            let ex = &data[idx];
            let n = ex.gold.len();
            emissions.clear();
            emissions.resize(n * N_LABELS, 0.0);
            active.clear();
            for f in &ex.feats {
                let keep: Vec<u32> = if opts.dropout > 0.0 {
                    f.iter()
                        .copied()
                        .filter(|_| (rng.next() >> 40) as f32 / (1u64 << 24) as f32 >= opts.dropout)
                        .collect()
                } else {
                    f.clone()
                };
                active.push(keep);
            }
            for (t, f) in active.iter().enumerate() {
                let row = &mut emissions[t * N_LABELS..(t + 1) * N_LABELS];
                for &r in f {
                    let base = r as usize * N_LABELS;
                    for (o, &x) in row.iter_mut().zip(&w[base..base + N_LABELS]) {
                        *o += x;
                    }
                }
            }
            let pred = decode::viterbi(&emissions, &tw, &sw, n);
            tokens += n;
            if pred != ex.gold {
                for t in 0..n {
                    let (g, p) = (ex.gold[t], pred[t]);
                    if g != p {
                        errors += 1;
                        for &r in &active[t] {
                            let base = r as usize * N_LABELS;
                            w[base + g] += 1.0;
                            u[base + g] += c;
                            w[base + p] -= 1.0;
                            u[base + p] -= c;
                        }
                    }
                    if t == 0 {
                        sw[g] += 1.0;
                        su[g] += c;
                        sw[p] -= 1.0;
                        su[p] -= c;
                    } else {
                        let gi = ex.gold[t - 1] * N_LABELS + g;
                        let pi = pred[t - 1] * N_LABELS + p;
                        tw[gi] += 1.0;
                        tu[gi] += c;
                        tw[pi] -= 1.0;
                        tu[pi] -= c;
                    }
                }
            }
            c += 1.0;
        }
        if opts.verbose {
            eprintln!(
                "{what} run {} epoch {}/{}: {} token errors of {} ({:.2}%)",
                run + 1,
                epoch + 1,
                opts.epochs,
                errors,
                tokens,
                100.0 * errors as f64 / tokens.max(1) as f64
            );
        }
    }

    let avg = |w: f32, u: f64| (f64::from(w) - u / c) as f32;
    let mut start = [0f32; N_LABELS];
    for l in 0..N_LABELS {
        start[l] = avg(sw[l], su[l]);
    }
    let mut trans = [0f32; N_LABELS * N_LABELS];
    for l in 0..N_LABELS * N_LABELS {
        trans[l] = avg(tw[l], tu[l]);
    }
    let out = w.iter().zip(&u).map(|(&w, &u)| avg(w, u)).collect();
    (out, start, trans)
}
