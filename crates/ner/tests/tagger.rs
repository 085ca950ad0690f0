//! Tests of the trained tagger: learning a tiny hand-written corpus, model bytes round-trip,
//! raw-text tagging through the text layer, and the shipped model's F1 on a fixed slice of the
//! ANERcorp test split (skipped with a message when ../shared is absent).

use std::path::PathBuf;

use marsad_ner::tagger::{self, TagKind, Tagger, TrainOptions};

/// Sentences written for this test, `word/LABEL` tokens separated by spaces.
const TINY: &[&str] = &[
    "قال/O الرئيس/O سمير/B-PERS حداد/I-PERS إن/O بغداد/B-LOC آمنة/O ./O",
    "زار/O الوزير/O سمير/B-PERS حداد/I-PERS مدينة/O الموصل/B-LOC أمس/O ./O",
    "أعلنت/O حركة/O النور/B-ORG مسؤوليتها/O عن/O الهجوم/O في/O بغداد/B-LOC ./O",
    "وصل/O سمير/B-PERS حداد/I-PERS إلى/O الموصل/B-LOC بعد/O لقاء/O مع/O حركة/O النور/B-ORG ./O",
    "نفت/O حركة/O النور/B-ORG أي/O علاقة/O بالتفجير/O ./O",
    "عقد/O مؤتمر/O السلام/B-MISC في/O بغداد/B-LOC ./O",
];

fn parse(lines: &[&str]) -> Vec<Vec<(String, String)>> {
    lines
        .iter()
        .map(|l| {
            l.split(' ')
                .filter_map(|t| t.rsplit_once('/'))
                .map(|(w, lab)| (w.to_string(), lab.to_string()))
                .collect()
        })
        .collect()
}

fn tiny_opts() -> TrainOptions {
    TrainOptions {
        epochs: 8,
        dropout: 0.0,
        min_count: 1,
        doc_stage: false,
        ..TrainOptions::default()
    }
}

#[test]
fn learns_a_tiny_corpus() {
    let data = parse(TINY);
    let model = tagger::train(&data, &tiny_opts());
    for s in &data {
        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
        let gold: Vec<&str> = s.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(model.tag_tokens(&words), gold, "sentence {words:?}");
    }
    let rep = tagger::evaluate(&data, &model);
    assert_eq!(rep.micro().f1(), 100.0, "{rep}");
    // The same sentences as plain text through the tokeniser give the same spans.
    let raw = tagger::evaluate_raw(&data, &model);
    assert_eq!(raw.micro().f1(), 100.0, "{raw}");
}

#[test]
fn training_is_deterministic_and_bytes_round_trip() {
    let data = parse(TINY);
    let opts = TrainOptions {
        doc_stage: true,
        ..tiny_opts()
    };
    let a = tagger::train(&data, &opts);
    let b = tagger::train(&data, &opts);
    let bytes = a.to_bytes();
    assert_eq!(
        bytes,
        b.to_bytes(),
        "same data and seed give the same model"
    );
    let back = Tagger::load(&bytes).expect("own bytes load");
    assert_eq!(back.to_bytes(), bytes);
    let words = ["زار", "سمير", "حداد", "بغداد"];
    assert_eq!(back.tag_tokens(&words), a.tag_tokens(&words));
    assert!(Tagger::load(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn raw_text_spans_have_char_offsets() {
    let data = parse(TINY);
    let model = tagger::train(&data, &tiny_opts());
    let text = "وقال سمير حداد إن الموصل آمنة.";
    let a = text::analyze(text);
    let spans = model.tag(&a);
    let chars: Vec<char> = text.chars().collect();
    let got: Vec<(TagKind, String)> = spans
        .iter()
        .map(|s| (s.kind, chars[s.start..s.end].iter().collect()))
        .collect();
    assert!(
        got.contains(&(TagKind::Pers, "سمير حداد".to_string())),
        "{got:?}"
    );
    for s in &spans {
        assert!(s.score > 0.0 && s.score <= 1.0);
        assert_eq!(s.start, a.tokens[s.tokens.start].start);
    }
}

#[test]
fn bundled_model_loads_and_finds_common_names() {
    let model = Tagger::bundled().expect("shipped model loads");
    assert!(model.n_features() > 10_000);
    let a = text::analyze("وصل الرئيس الأمريكي جورج بوش إلى بغداد أمس في زيارة مفاجئة.");
    let spans = model.tag(&a);
    let kinds: Vec<TagKind> = spans.iter().map(|s| s.kind).collect();
    assert!(kinds.contains(&TagKind::Loc), "{spans:?}");
    assert!(kinds.contains(&TagKind::Pers), "{spans:?}");
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    p.exists().then_some(p)
}

/// Exact-span micro-F1 (PERS/LOC/ORG) of the shipped model on the first 200 sentences of our
/// reconstruction of the ANERcorp test split. Measured 73.95 for the model shipped 2026-12-03
/// (feature version 5; 74.39 for the one before it): the threshold leaves room for small
/// changes in the text layer, and a broken model falls far below it.
#[test]
fn bundled_model_f1_on_anercorp_test_slice() {
    let Some(path) = shared("data/anercorp/ANERcorp_test.txt") else {
        eprintln!("SKIP: ../shared/data/anercorp/ANERcorp_test.txt not found");
        return;
    };
    let text = std::fs::read_to_string(&path).expect("readable test file");
    let gold = tagger::eval::read_conll(&text);
    let slice = &gold[..gold.len().min(200)];
    let model = Tagger::bundled().expect("shipped model loads");
    let rep = tagger::evaluate(slice, &model);
    let f1 = rep.micro_plo().f1();
    eprintln!("{rep}");
    assert!(
        f1 >= SLICE_F1_MIN,
        "micro-F1 PLO {f1:.2} < {SLICE_F1_MIN}\n{rep}"
    );
}

const SLICE_F1_MIN: f64 = 70.0;
