//! Viterbi decoding over IOB2 labels with valid-transition constraints.
//!
//! An `I-X` label may only follow `B-X` or `I-X`, and a sentence may not start with `I-X`, so
//! the decoder never produces an ill-formed chunk. It does not compute marginals.

use super::{N_LABELS, label_parts};

/// Whether label `cur` may follow label `prev` (`None` = sentence start).
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    match label_parts(cur) {
        Some((k, false)) => match prev.and_then(label_parts) {
            Some((pk, _)) => pk == k,
            None => false,
        },
        _ => true,
    }
}

/// Best label sequence for `n` tokens given row-major emission scores (`n × N_LABELS`),
/// transition scores `trans[prev * N_LABELS + cur]` and start scores.
pub fn viterbi(
    emissions: &[f32],
    trans: &[f32; N_LABELS * N_LABELS],
    start: &[f32; N_LABELS],
    n: usize,
) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut score = [NEG; N_LABELS];
    for (l, s) in score.iter_mut().enumerate() {
        if allowed(None, l) {
            *s = start[l] + emissions[l];
        }
    }
    let mut back = vec![0u8; n * N_LABELS];
    for i in 1..n {
        let mut next = [NEG; N_LABELS];
        for (cur, nx) in next.iter_mut().enumerate() {
            let mut best = NEG;
            let mut arg = 0usize;
            for (prev, &ps) in score.iter().enumerate() {
                if ps == NEG || !allowed(Some(prev), cur) {
                    continue;
                }
                let s = ps + trans[prev * N_LABELS + cur];
                if s > best {
                    best = s;
                    arg = prev;
                }
            }
            if best > NEG {
                *nx = best + emissions[i * N_LABELS + cur];
                back[i * N_LABELS + cur] = arg as u8;
            }
        }
        score = next;
    }
    let mut last = 0usize;
    for l in 1..N_LABELS {
        if score[l] > score[last] {
            last = l;
        }
    }
    let mut out = vec![0usize; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i * N_LABELS + out[i]] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints_block_orphan_inside_labels() {
        // Emissions prefer I-PERS at token 0 and I-LOC at token 1: neither is allowed as such.
        let mut e = vec![0f32; 2 * N_LABELS];
        e[2] = 5.0; // I-PERS
        e[1] = 4.0; // B-PERS
        e[N_LABELS + 4] = 5.0; // I-LOC after PERS: forbidden
        e[N_LABELS + 2] = 3.0; // I-PERS
        let out = viterbi(&e, &[0.0; N_LABELS * N_LABELS], &[0.0; N_LABELS], 2);
        assert_eq!(out, vec![1, 2]);
        assert!(allowed(Some(1), 2));
        assert!(!allowed(Some(0), 2));
        assert!(!allowed(None, 4));
    }

    #[test]
    fn empty_input() {
        assert!(viterbi(&[], &[0.0; N_LABELS * N_LABELS], &[0.0; N_LABELS], 0).is_empty());
    }
}
