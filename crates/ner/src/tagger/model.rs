//! The tagger's weights and their compact binary file format.
//!
//! Emission weights are quantised to `i16` with one global scale and stored sparsely: per
//! feature key, a 9-bit mask of the labels with a non-zero weight, then those weights. Label
//! transitions and start weights stay `f32`. All integers are little-endian:
//!
//! ```text
//! magic "MRSDNER\0" | u32 format version | u32 feature version | u32 n_labels | u32 n_stages
//! then per stage: f32 scale | f32 start[n_labels] | f32 trans[n_labels * n_labels] (row =
//! previous label) | u32 n_rows | n_rows × (u32 key | u16 label mask | i16 weight per set
//! bit), keys ascending
//! ```
//!
//! Loading keeps each stage's rows as a sorted vector; a two-stage tagger looks keys up in the
//! [`Joint`] hash map of both stages (built at load), a one-stage tagger in a hash map built on
//! first use. Scoring sums `i16` weights in `i32` and scales once per stage, so a loaded
//! model scores exactly like the freshly trained one it was written from. It does not compress or
//! memory-map the file.

use rustc_hash::FxHashMap;

use super::N_LABELS;
use super::features::FEATURE_VERSION;

const MAGIC: &[u8; 8] = b"MRSDNER\0";
const FORMAT_VERSION: u32 = 2;

/// Emission and transition weights of a tagger.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Rows: feature key and its quantised weights, one per label, keys ascending.
    rows: Vec<(u32, [i16; N_LABELS])>,
    /// Key → weights, built from `rows` on first lookup.
    index: std::sync::OnceLock<FxHashMap<u32, [i16; N_LABELS]>>,
    /// Multiply quantised weights by this to get scores.
    scale: f32,
    /// Start weights per label.
    pub start: [f32; N_LABELS],
    /// Transition weights, `trans[prev * N_LABELS + cur]`.
    pub trans: [f32; N_LABELS * N_LABELS],
}

impl Weights {
    /// Quantise float weights. `rows` pairs a key with its `N_LABELS` weights; rows whose
    /// weights all round to zero are dropped.
    pub fn quantise(
        rows: impl IntoIterator<Item = (u32, [f32; N_LABELS])>,
        start: [f32; N_LABELS],
        trans: [f32; N_LABELS * N_LABELS],
    ) -> Weights {
        let mut rows: Vec<(u32, [f32; N_LABELS])> = rows.into_iter().collect();
        rows.sort_by_key(|r| r.0);
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Weights {
            rows: Vec::with_capacity(rows.len()),
            index: std::sync::OnceLock::new(),
            scale,
            start,
            trans,
        };
        for (key, ws) in rows {
            let q = ws.map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16);
            if q.iter().all(|&x| x == 0) || out.rows.last().is_some_and(|r| r.0 == key) {
                continue;
            }
            out.rows.push((key, q));
        }
        out
    }

    /// Number of feature rows.
    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }

    fn index(&self) -> &FxHashMap<u32, [i16; N_LABELS]> {
        self.index
            .get_or_init(|| self.rows.iter().copied().collect())
    }

    /// Add the emission scores of the given feature keys into `row` (length `N_LABELS`).
    #[inline]
    pub fn score_into(&self, keys: &[u32], row: &mut [f32]) {
        let index = self.index();
        let mut acc = [0i32; N_LABELS];
        for k in keys {
            if let Some(ws) = index.get(k) {
                for (a, &w) in acc.iter_mut().zip(ws) {
                    *a += i32::from(w);
                }
            }
        }
        for (o, a) in row.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    /// Append this weight block (scale, start, transitions, rows) to `out`.
    fn write_block(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.scale.to_le_bytes());
        for x in self.start.iter().chain(self.trans.iter()) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend_from_slice(&(self.rows.len() as u32).to_le_bytes());
        for (key, ws) in &self.rows {
            let mut mask = 0u16;
            for (l, &w) in ws.iter().enumerate() {
                if w != 0 {
                    mask |= 1 << l;
                }
            }
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes());
            for &w in ws.iter().filter(|&&w| w != 0) {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Read one weight block.
    fn read_block(r: &mut Reader<'_>) -> Result<Weights, String> {
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(format!("bad weight scale {scale}"));
        }
        let mut start = [0f32; N_LABELS];
        for x in &mut start {
            *x = r.f32()?;
        }
        let mut trans = [0f32; N_LABELS * N_LABELS];
        for x in &mut trans {
            *x = r.f32()?;
        }
        let n = r.u32()? as usize;
        // Every row takes at least 6 bytes: refuse counts the input cannot hold before allocating.
        if n > r.remaining() / 6 {
            return Err(format!("row count {n} exceeds file size"));
        }
        let mut rows: Vec<(u32, [i16; N_LABELS])> = Vec::with_capacity(n);
        // Rows are most of the file and of load time: parsed from one slice, one length check
        // per row (a `Reader` call per field was 40% of a model load).
        let mut b = &r.b[r.pos..];
        let truncated = |b: &[u8]| format!("truncated at byte {}", r.b.len() - b.len());
        for row in 0..n {
            let Some((head, rest)) = b.split_first_chunk::<6>() else {
                return Err(truncated(b));
            };
            let key = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
            let mask = u16::from_le_bytes([head[4], head[5]]);
            if mask >> N_LABELS != 0 {
                return Err(format!("row {row}: label mask {mask:#x} out of range"));
            }
            let len = 2 * mask.count_ones() as usize;
            if rest.len() < len {
                return Err(truncated(rest));
            }
            let (weights, rest) = rest.split_at(len);
            let mut ws = [0i16; N_LABELS];
            // One step per set bit (a row has a few non-zero labels of nine).
            let mut bits = mask;
            for p in weights.chunks_exact(2) {
                ws[bits.trailing_zeros() as usize] = i16::from_le_bytes([p[0], p[1]]);
                bits &= bits - 1;
            }
            if rows.last().is_some_and(|r| r.0 >= key) {
                return Err(format!(
                    "row {row}: feature key {key:#x} out of order or repeated"
                ));
            }
            rows.push((key, ws));
            b = rest;
        }
        r.pos = r.b.len() - b.len();
        Ok(Weights {
            rows,
            index: std::sync::OnceLock::new(),
            scale,
            start,
            trans,
        })
    }
}

/// Both stages' emission weights under one hash map: a key's two rows sit side by side, so
/// scoring a token's sentence features for both stages costs one probe per key instead of two
/// (the tagger is bound by these cache misses).
///
/// Tried for start-up and not kept: a sorted table with linear probing in key order, built by
/// one merge in a third of the time, scored 12% slower (two cache misses per hit where the hash
/// map takes one); tagging speed is worth more than ~10 ms of start-up.
#[derive(Debug, Clone)]
pub struct Joint {
    index: FxHashMap<u32, [i16; 2 * N_LABELS]>,
    scales: [f32; 2],
}

/// Number of distinct keys in two sorted row lists.
fn union_len(a: &[(u32, [i16; N_LABELS])], b: &[(u32, [i16; N_LABELS])]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (ka, kb) = (a[i].0, b[j].0);
        i += usize::from(ka <= kb);
        j += usize::from(kb <= ka);
        n += 1;
    }
    n + (a.len() - i) + (b.len() - j)
}

impl Joint {
    /// Merge the rows of two stages (a key missing from one stage has zero weights there).
    pub fn new(first: &Weights, second: &Weights) -> Joint {
        // Room for the union up front (growing rehashes every row; the sum of both stages
        // over-allocates by the keys they share).
        let mut index: FxHashMap<u32, [i16; 2 * N_LABELS]> = FxHashMap::with_capacity_and_hasher(
            union_len(&first.rows, &second.rows),
            Default::default(),
        );
        for (stage, w) in [first, second].into_iter().enumerate() {
            for (k, ws) in &w.rows {
                let row = index.entry(*k).or_insert([0; 2 * N_LABELS]);
                row[stage * N_LABELS..(stage + 1) * N_LABELS].copy_from_slice(ws);
            }
        }
        Joint {
            index,
            scales: [first.scale, second.scale],
        }
    }

    /// Both stages' weights of one key.
    #[inline]
    fn get(&self, key: u32) -> Option<&[i16; 2 * N_LABELS]> {
        self.index.get(&key)
    }

    /// Emission scores of the given keys under each stage: added into `row1` and `row2`.
    #[inline]
    pub fn score_into(&self, keys: &[u32], row1: &mut [f32], row2: &mut [f32]) {
        self.score_with(self.sum([0; 2 * N_LABELS], keys), row1, row2);
    }

    /// `acc` plus the integer weights of the given keys under both stages (exact: the tagger
    /// caches such sums per word and adds the rest later without changing any score).
    #[inline]
    pub fn sum(&self, mut acc: [i32; 2 * N_LABELS], keys: &[u32]) -> [i32; 2 * N_LABELS] {
        for &k in keys {
            if let Some(ws) = self.get(k) {
                for (a, &w) in acc.iter_mut().zip(ws) {
                    *a += i32::from(w);
                }
            }
        }
        acc
    }

    /// Emission scores of summed integer weights ([`Joint::sum`]) added into `row1` and `row2`.
    #[inline]
    pub fn score_with(&self, acc: [i32; 2 * N_LABELS], row1: &mut [f32], row2: &mut [f32]) {
        for (o, a) in row1.iter_mut().zip(&acc[..N_LABELS]) {
            *o += *a as f32 * self.scales[0];
        }
        for (o, a) in row2.iter_mut().zip(&acc[N_LABELS..]) {
            *o += *a as f32 * self.scales[1];
        }
    }
}

impl PartialEq for Weights {
    /// Same rows, scale, start and transitions (whether the lookup map was built yet is not
    /// part of what a model is).
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows
            && self.scale == other.scale
            && self.start == other.start
            && self.trans == other.trans
    }
}

impl Joint {
    /// Second-stage scores of the given keys (document features) added into `row2`.
    #[inline]
    pub fn score_second(&self, keys: &[u32], row2: &mut [f32]) {
        let mut acc = [0i32; N_LABELS];
        for k in keys {
            if let Some(ws) = self.get(*k) {
                for (a, &w) in acc.iter_mut().zip(&ws[N_LABELS..]) {
                    *a += i32::from(w);
                }
            }
        }
        for (o, a) in row2.iter_mut().zip(acc) {
            *o += a as f32 * self.scales[1];
        }
    }
}

/// Serialise a model made of one or more stages (see the module doc for the layout).
pub fn encode(stages: &[&Weights]) -> Vec<u8> {
    let rows: usize = stages.iter().map(|w| w.n_rows()).sum();
    let mut out = Vec::with_capacity(64 + rows * 12);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
    out.extend_from_slice(&(stages.len() as u32).to_le_bytes());
    for w in stages {
        w.write_block(&mut out);
    }
    out
}

/// Parse bytes written by [`encode`]; the error says what is wrong.
pub fn decode(bytes: &[u8]) -> Result<Vec<Weights>, String> {
    let mut r = Reader { b: bytes, pos: 0 };
    if r.take(8)? != MAGIC {
        return Err("not a Marsad NER model (bad magic)".into());
    }
    let fv = r.u32()?;
    if fv != FORMAT_VERSION {
        return Err(format!(
            "model format version {fv}, expected {FORMAT_VERSION}"
        ));
    }
    let feat = r.u32()?;
    if feat != FEATURE_VERSION {
        return Err(format!(
            "model built with feature version {feat}, this build has {FEATURE_VERSION}; retrain it"
        ));
    }
    let nl = r.u32()? as usize;
    if nl != N_LABELS {
        return Err(format!("model has {nl} labels, expected {N_LABELS}"));
    }
    let ns = r.u32()? as usize;
    if ns == 0 || ns > 4 {
        return Err(format!("model has {ns} stages, expected 1 to 4"));
    }
    let mut out = Vec::with_capacity(ns);
    for _ in 0..ns {
        out.push(Weights::read_block(&mut r)?);
    }
    if r.pos != bytes.len() {
        return Err(format!("{} trailing bytes", bytes.len() - r.pos));
    }
    Ok(out)
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.b.len() - self.pos
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len());
        match end {
            Some(e) => {
                let s = &self.b[self.pos..e];
                self.pos = e;
                Ok(s)
            }
            None => Err(format!("truncated at byte {}", self.pos)),
        }
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        let mut t = [0f32; N_LABELS * N_LABELS];
        t[3] = -1.5;
        let mut a = [0f32; N_LABELS];
        a[1] = 2.0;
        a[8] = -0.5;
        let mut b = [0f32; N_LABELS];
        b[0] = 0.25;
        let zero = [0f32; N_LABELS];
        Weights::quantise([(7, a), (3, b), (9, zero)], [0.5; N_LABELS], t)
    }

    #[test]
    fn round_trip_and_zero_rows_dropped() {
        let w = sample();
        assert_eq!(w.n_rows(), 2);
        let back = decode(&encode(&[&w, &w])).expect("parses");
        assert_eq!(back, vec![w.clone(), w]);
        let back = back.into_iter().next().expect("one stage");
        let mut row = [0f32; N_LABELS];
        back.score_into(&[7, 3, 12345], &mut row);
        assert!((row[1] - 2.0).abs() < 1e-3);
        assert!((row[0] - 0.25).abs() < 1e-3);
    }

    #[test]
    fn corrupt_files_are_rejected() {
        let bytes = encode(&[&sample()]);
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode(b"garbage").is_err());
        let mut bad = bytes.clone();
        bad[12] ^= 0xff; // feature version
        assert!(decode(&bad).is_err());
        let mut long = bytes;
        long.push(0);
        assert!(decode(&long).is_err());
    }

    #[test]
    fn joint_table_scores_like_the_two_stages_apart() {
        // Keys spread over the whole u32 range, some in one stage
        // only, some in both, one at each end.
        let mut rows1 = Vec::new();
        let mut rows2 = Vec::new();
        let mut x = 0x1234_5678u32;
        let mut all = vec![0, u32::MAX];
        for n in 0..2000u32 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            all.push(x);
            let mut w = [0f32; N_LABELS];
            w[(n % 9) as usize] = (n % 7) as f32 - 3.0;
            if n % 3 != 0 {
                rows1.push((x, w));
            }
            if n % 3 != 1 {
                w[8] += 1.0;
                rows2.push((x, w));
            }
        }
        rows1.push((0, [1.0; N_LABELS]));
        rows2.push((u32::MAX, [-1.0; N_LABELS]));
        // Without the key u32::MAX, a look-up of it scores nothing.
        let z = [0f32; N_LABELS * N_LABELS];
        let only = Weights::quantise(rows1.clone(), [0.0; N_LABELS], z);
        let j = Joint::new(&only, &only);
        let (mut r1, mut r2) = ([0f32; N_LABELS], [0f32; N_LABELS]);
        j.score_into(&[u32::MAX], &mut r1, &mut r2);
        assert_eq!((r1, r2), ([0.0; N_LABELS], [0.0; N_LABELS]));
        let z = [0f32; N_LABELS * N_LABELS];
        let s1 = Weights::quantise(rows1, [0.0; N_LABELS], z);
        let s2 = Weights::quantise(rows2, [0.0; N_LABELS], z);
        let joint = Joint::new(&s1, &s2);
        for chunk in all.chunks(5).chain([&[7u32, 8, 9][..]]) {
            let (mut a1, mut a2) = ([0f32; N_LABELS], [0f32; N_LABELS]);
            s1.score_into(chunk, &mut a1);
            s2.score_into(chunk, &mut a2);
            let (mut j1, mut j2) = ([0f32; N_LABELS], [0f32; N_LABELS]);
            joint.score_into(chunk, &mut j1, &mut j2);
            assert_eq!(a1, j1, "stage 1 of {chunk:?}");
            assert_eq!(a2, j2, "stage 2 of {chunk:?}");
            let mut only2 = [0f32; N_LABELS];
            joint.score_second(chunk, &mut only2);
            assert_eq!(a2, only2);
        }
    }
}
