//! Search through a real store: clitic and spelling variants find each other, ranking and
//! exclusions work, and a store written by an older schema is re-indexed on open.

use model::{Document, Extraction};
use store::{Article, SqliteStore};

fn article(id_seed: u8, text: &str) -> Article {
    Article::new(
        Extraction {
            document: Document {
                id: format!("{:064x}", id_seed),
                source: format!("test-{id_seed}"),
                title: None,
                date: None,
                text: text.to_owned(),
            },
            entities: Vec::new(),
            relations: Vec::new(),
            events: Vec::new(),
        },
        None,
    )
}

#[test]
fn variants_find_each_other() {
    let mut st = SqliteStore::open_in_memory().expect("store");
    st.write_batch(&[
        article(1, "قتل خمسة جنود في هجوم بالموصل شنه مسلحون."),
        article(2, "أعلنت الحكومة استعادة مدينة الرقه من التنظيم."),
        article(3, "تفجير انتحاري في دير الزور وآخر في الموصل."),
    ])
    .expect("write");
    let ids = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = marsad_search::search(&st, q, 10)
            .expect("search")
            .into_iter()
            .map(|h| h.source)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids("الموصل"), ["test-1", "test-3"]);
    assert_eq!(ids("والموصل"), ["test-1", "test-3"]);
    assert_eq!(ids("الرقة"), ["test-2"]);
    assert_eq!(ids("\"دير الزور\""), ["test-3"]);
    assert_eq!(ids("الموصل -انتحاري"), ["test-1"]);
    assert!(ids("بغداد").is_empty());
    let hits = marsad_search::search(&st, "بالموصل", 10).expect("search");
    let h = hits.iter().find(|h| h.source == "test-1").expect("hit");
    let text = "قتل خمسة جنود في هجوم بالموصل شنه مسلحون.";
    let (s, e) = h.matches[0];
    assert_eq!(
        text.chars().skip(s).take(e - s).collect::<String>(),
        "بالموصل"
    );
}
