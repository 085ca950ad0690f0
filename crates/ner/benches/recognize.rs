//! Throughput of the recognizer against the tokeniser alone, on a paragraph written for the bench
//! (repeated to ~2,000 tokens), plus the cost of building the knowledge base at start-up.
//! Run: `cargo bench -p marsad-ner --bench recognize`. Compare the ratios, not absolute times.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_ner::{KnowledgeBase, Recognizer};

const PARAGRAPH: &str = "أعلن تنظيم داعش مسؤوليته عن هجوم استهدف حاجزا للجيش العراقي قرب مدينة الموصل، \
وقال مسؤولون إن أبو خالد العراقي، القيادي في التنظيم، قتل في غارة للتحالف الدولي. \
وفي سوريا، شنت قوات سوريا الديمقراطية حملة في ريف دير الزور الشرقي بدعم من القوات الأمريكية، \
فيما أكد المتحدث باسم الحوثيين يحيى سريع أن الجماعة استهدفت سفينة في البحر الأحمر. \
وتبنت ولاية غرب إفريقيا التابعة لتنظيم الدولة الإسلامية هجوما في ولاية بورنو شمال شرق نيجيريا، \
بينما قال الباحث سامر خليل، مدير مرصد الجماعات المسلحة، إن حركة الشباب وطالبان باكستان \
صعدت هجماتها في الصومال وباكستان. ";

fn bench(c: &mut Criterion) {
    let text = PARAGRAPH.repeat(8);
    let tokens = text::analyze(&text).tokens.len() as u64;
    let full = Recognizer::bundled().expect("recognizer");
    let kb_only = full.clone().without_tagger();
    let mut g = c.benchmark_group("recognize");
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("analyze (baseline)", |b| {
        b.iter(|| black_box(text::analyze(black_box(&text))))
    });
    g.bench_function("analyze + kb/rules/relations", |b| {
        b.iter(|| black_box(kb_only.recognize(&text::analyze(black_box(&text)))))
    });
    g.bench_function("analyze + full recognizer", |b| {
        b.iter(|| black_box(full.recognize(&text::analyze(black_box(&text)))))
    });
    g.finish();
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("knowledge base build", |b| {
        b.iter(|| black_box(KnowledgeBase::bundled().expect("kb")))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
