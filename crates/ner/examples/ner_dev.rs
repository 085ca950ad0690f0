//! The development-split protocol of `EVALUATION.md`, in one process:
//!
//! `cargo run --release -p marsad-ner --example ner_dev -- TRAIN DEV`
//!
//! trains one model per seed (`SEEDS`, default `1,2,3`; on parallel threads) on `TRAIN` with the
//! default options and prints each one's exact-span F1 per type on `DEV` (blocks of 16
//! sentences, as `marsad eval ner`) and the means. `EPOCHS`, `NER_ENS` (runs per stage) and
//! `DROPOUT` override the defaults. With `OUT=FILE` it instead trains one model with the default
//! seed, writes it to `FILE` (the bytes `marsad train ner` writes) and prints its full report on
//! `DEV` in the three modes of `marsad eval ner` (blocks, `--per-sentence`, `--raw`).
//! A development aid: the shipped model is trained with `marsad train ner`.

use marsad_ner::tagger::{self, TagKind, TrainOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: ner_dev TRAIN DEV   (env: SEEDS, EPOCHS, NER_ENS, DROPOUT, OUT)");
        std::process::exit(2);
    }
    let read = |p: &str| {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {p}: {e}"));
        tagger::eval::read_conll(&text)
    };
    let train = read(&args[0]);
    let dev = read(&args[1]);
    let env = |k: &str| std::env::var(k).ok();
    let mut o = TrainOptions::default();
    if let Some(e) = env("EPOCHS") {
        o.epochs = e.parse().expect("EPOCHS: a number");
    }
    if let Some(e) = env("NER_ENS") {
        o.runs = e.parse().expect("NER_ENS: a number");
    }
    if let Some(e) = env("DROPOUT") {
        o.dropout = e.parse().expect("DROPOUT: a number");
    }
    if let Some(out) = env("OUT") {
        let t = std::time::Instant::now();
        let m = tagger::train(&train, &o);
        let bytes = m.to_bytes();
        std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("writing {out}: {e}"));
        println!(
            "trained in {:.1}s: {} feature rows, {} bytes -> {out}",
            t.elapsed().as_secs_f64(),
            m.n_features(),
            bytes.len()
        );
        println!("== blocks of 16\n{}", tagger::evaluate(&dev, &m));
        println!("== per sentence\n{}", tagger::evaluate_sentences(&dev, &m));
        println!("== raw text\n{}", tagger::evaluate_raw(&dev, &m));
        return;
    }
    let seeds: Vec<u64> = env("SEEDS")
        .unwrap_or_else(|| "1,2,3".into())
        .split(',')
        .map(|s| s.parse().expect("SEEDS: comma-separated numbers"))
        .collect();
    let res: Vec<(u64, [f64; 5])> = std::thread::scope(|s| {
        let hs: Vec<_> = seeds
            .iter()
            .map(|&seed| {
                let o = TrainOptions { seed, ..o.clone() };
                let (train, dev) = (&train, &dev);
                s.spawn(move || {
                    let m = tagger::train(train, &o);
                    let r = tagger::evaluate(dev, &m);
                    let f = [
                        r.of(TagKind::Pers).f1(),
                        r.of(TagKind::Loc).f1(),
                        r.of(TagKind::Org).f1(),
                        r.of(TagKind::Misc).f1(),
                        r.micro_plo().f1(),
                    ];
                    (seed, f)
                })
            })
            .collect();
        hs.into_iter()
            .map(|h| h.join().expect("training thread"))
            .collect()
    });
    let mut mean = [0f64; 5];
    for (seed, f) in &res {
        println!(
            "seed {seed}: PERS {:.2} LOC {:.2} ORG {:.2} MISC {:.2} PLO {:.2}",
            f[0], f[1], f[2], f[3], f[4]
        );
        for (m, x) in mean.iter_mut().zip(f) {
            *m += x / res.len() as f64;
        }
    }
    println!(
        "MEAN: PERS {:.2} LOC {:.2} ORG {:.2} MISC {:.2} PLO {:.2}",
        mean[0], mean[1], mean[2], mean[3], mean[4]
    );
}
