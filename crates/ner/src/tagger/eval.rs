//! conlleval-style evaluation: exact-span precision, recall and F1 per type and micro-averaged.
//!
//! Chunks are read from IOB2 labels with conlleval's rules (an `I-X` that does not continue an
//! `X` chunk starts one). A predicted chunk counts only when its type, first and last token all
//! equal a gold chunk's. Also reads CoNLL-style files (`word LABEL` per line, blank line between
//! sentences). It does not compute partial-match or token-level type scores beyond accuracy.

use std::collections::BTreeSet;
use std::fmt;

use super::{TagKind, Tagger, label_index, spans_of};

/// Counts and scores for one entity type (or a micro-average).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TypeScore {
    /// Predicted chunks that exactly match a gold chunk.
    pub correct: usize,
    /// Predicted chunks.
    pub predicted: usize,
    /// Gold chunks.
    pub gold: usize,
}

impl TypeScore {
    /// Precision in percent (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        pct(self.correct, self.predicted)
    }
    /// Recall in percent (0 when there is no gold chunk).
    pub fn recall(&self) -> f64 {
        pct(self.correct, self.gold)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
    fn add(&mut self, o: &TypeScore) {
        self.correct += o.correct;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Evaluation result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    /// Per type, in [`TagKind::ALL`] order.
    pub per_type: [TypeScore; 4],
    /// Tokens evaluated.
    pub tokens: usize,
    /// Tokens whose predicted label equals the gold label.
    pub tokens_correct: usize,
    /// Sentences evaluated.
    pub sentences: usize,
}

impl EvalReport {
    /// Score of one type.
    pub fn of(&self, k: TagKind) -> TypeScore {
        self.per_type[k.index()]
    }

    /// Micro-average over the given types.
    pub fn micro_of(&self, kinds: &[TagKind]) -> TypeScore {
        let mut t = TypeScore::default();
        for k in kinds {
            t.add(&self.of(*k));
        }
        t
    }

    /// Micro-average over all four types (conlleval's "overall").
    pub fn micro(&self) -> TypeScore {
        self.micro_of(&TagKind::ALL)
    }

    /// Micro-average over PERS, LOC and ORG (the figure the quality bar uses).
    pub fn micro_plo(&self) -> TypeScore {
        self.micro_of(&[TagKind::Pers, TagKind::Loc, TagKind::Org])
    }

    /// Token accuracy in percent.
    pub fn accuracy(&self) -> f64 {
        pct(self.tokens_correct, self.tokens)
    }

    /// Add one sentence's gold and predicted labels (label indices).
    pub fn add_sentence(&mut self, gold: &[usize], pred: &[usize]) {
        let ones = vec![1.0; gold.len().max(pred.len())];
        let g = chunk_set(gold, &ones);
        let p = chunk_set(pred, &ones);
        for (k, _, _) in &g {
            self.per_type[k.index()].gold += 1;
        }
        for c in &p {
            self.per_type[c.0.index()].predicted += 1;
            if g.contains(c) {
                self.per_type[c.0.index()].correct += 1;
            }
        }
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
        self.sentences += 1;
    }
}

fn chunk_set(labels: &[usize], conf: &[f32]) -> BTreeSet<(TagKind, usize, usize)> {
    spans_of(labels, conf)
        .into_iter()
        .map(|(k, r, _)| (k, r.start, r.end))
        .collect()
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tokens_correct == 0 && self.tokens > 0 {
            // The raw-text path does not align tokens one to one.
            writeln!(f, "sentences {}  tokens {}", self.sentences, self.tokens)?;
        } else {
            writeln!(
                f,
                "sentences {}  tokens {}  token accuracy {:.2}%",
                self.sentences,
                self.tokens,
                self.accuracy()
            )?;
        }
        writeln!(
            f,
            "{:<14} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}",
            "type", "P", "R", "F1", "gold", "pred", "ok"
        )?;
        let mut row = |name: &str, s: TypeScore| {
            writeln!(
                f,
                "{:<14} {:>7.2} {:>7.2} {:>7.2} {:>6} {:>6} {:>6}",
                name,
                s.precision(),
                s.recall(),
                s.f1(),
                s.gold,
                s.predicted,
                s.correct
            )
        };
        for k in TagKind::ALL {
            row(k.as_str(), self.of(k))?;
        }
        row("micro PLO", self.micro_plo())?;
        row("micro all", self.micro())
    }
}

/// Tag the gold sentences with `tagger` (on the gold tokenisation) and score them.
///
/// Consecutive sentences are tagged together in blocks of [`super::perceptron::DOC_BLOCK`] as
/// pseudo-documents (ANERcorp has no document boundaries), exactly as in training; use
/// [`evaluate_sentences`] to tag each sentence on its own.
pub fn evaluate(gold: &[Vec<(String, String)>], tagger: &Tagger) -> EvalReport {
    evaluate_blocks(gold, tagger, super::perceptron::DOC_BLOCK)
}

/// Like [`evaluate`] but every sentence is its own document (no cross-sentence evidence).
pub fn evaluate_sentences(gold: &[Vec<(String, String)>], tagger: &Tagger) -> EvalReport {
    evaluate_blocks(gold, tagger, 1)
}

fn evaluate_blocks(gold: &[Vec<(String, String)>], tagger: &Tagger, block: usize) -> EvalReport {
    let mut rep = EvalReport::default();
    let gold: Vec<&Vec<(String, String)>> = gold.iter().filter(|s| !s.is_empty()).collect();
    for chunk in gold.chunks(block.max(1)) {
        let words: Vec<Vec<&str>> = chunk
            .iter()
            .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
            .collect();
        let pred = tagger.tag_document(&words);
        for (s, p) in chunk.iter().zip(pred) {
            let g: Vec<usize> = s.iter().map(|(_, l)| label_index(l)).collect();
            rep.add_sentence(&g, &p);
        }
    }
    rep
}

/// Score the raw-text path: each block of [`super::perceptron::DOC_BLOCK`] gold sentences is
/// joined into plain text (words separated by spaces, sentences by newlines), run through
/// `text::analyze` and [`Tagger::tag`], and every predicted span is mapped back to gold words
/// by character offsets. A span whose edges do not fall on gold word edges counts as a wrong
/// prediction. Token accuracy is not computed on this path.
pub fn evaluate_raw(gold: &[Vec<(String, String)>], tagger: &Tagger) -> EvalReport {
    let mut rep = EvalReport::default();
    let gold: Vec<&Vec<(String, String)>> = gold.iter().filter(|s| !s.is_empty()).collect();
    for chunk in gold.chunks(super::perceptron::DOC_BLOCK) {
        let mut text = String::new();
        // (sentence, word) → char range in `text`
        let mut starts: std::collections::HashMap<usize, (usize, usize)> = Default::default();
        let mut ends: std::collections::HashMap<usize, (usize, usize)> = Default::default();
        let mut chars = 0usize;
        for (si, s) in chunk.iter().enumerate() {
            if si > 0 {
                text.push('\n');
                chars += 1;
            }
            for (wi, (w, _)) in s.iter().enumerate() {
                if wi > 0 {
                    text.push(' ');
                    chars += 1;
                }
                starts.insert(chars, (si, wi));
                text.push_str(w);
                chars += w.chars().count();
                ends.insert(chars, (si, wi));
            }
        }
        let a = text::analyze(&text);
        let mut pred: Vec<Vec<usize>> = chunk.iter().map(|s| vec![0; s.len()]).collect();
        let mut unaligned = [0usize; 4];
        for sp in tagger.tag(&a) {
            match (starts.get(&sp.start), ends.get(&sp.end)) {
                (Some(&(s1, w1)), Some(&(s2, w2))) if s1 == s2 && w1 <= w2 => {
                    let b = 1 + 2 * sp.kind.index();
                    pred[s1][w1] = b;
                    for l in &mut pred[s1][w1 + 1..=w2] {
                        *l = b + 1;
                    }
                }
                _ => unaligned[sp.kind.index()] += 1,
            }
        }
        for (s, p) in chunk.iter().zip(&pred) {
            let g: Vec<usize> = s.iter().map(|(_, l)| label_index(l)).collect();
            rep.add_sentence(&g, p);
        }
        for (k, n) in unaligned.iter().enumerate() {
            rep.per_type[k].predicted += n;
        }
    }
    rep.tokens_correct = 0;
    rep
}

/// Parse CoNLL-style text: `word LABEL` per line (split at the last whitespace), blank lines
/// between sentences. A line without a label gets `O`; lines with an empty word are skipped.
pub fn read_conll(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (w, l) = match line.trim().rsplit_once(char::is_whitespace) {
            Some((w, l)) => (w.trim(), l.trim()),
            None => (line.trim(), "O"),
        };
        if w.is_empty() {
            continue;
        }
        cur.push((w.to_string(), l.to_string()));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_scoring() {
        let mut r = EvalReport::default();
        // gold: B-PERS I-PERS O B-LOC ; pred: B-PERS O O B-LOC
        r.add_sentence(&[1, 2, 0, 3], &[1, 0, 0, 3]);
        assert_eq!(
            r.of(TagKind::Pers),
            TypeScore {
                correct: 0,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(r.of(TagKind::Loc).f1(), 100.0);
        assert_eq!(r.micro().f1(), 50.0);
        assert_eq!(r.tokens_correct, 3);
        assert!(r.to_string().contains("micro PLO"));
    }

    #[test]
    fn conll_reader() {
        let s = read_conll("زار B-PERS\nبغداد B-LOC\n\n\nقال O\r\nكلمة\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0][1], ("بغداد".to_string(), "B-LOC".to_string()));
        assert_eq!(s[1][1].1, "O");
    }
}
