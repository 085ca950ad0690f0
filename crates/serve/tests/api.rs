//! The HTTP API end to end through the router (no socket): stats, filtered events in each
//! format, incidents, entity, search, extract, and clear 4xx errors for bad requests.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use marsad_serve as serve;
use serde_json::Value;
use tower::ServiceExt;

/// A store holding two short articles about the same attack and one arrest.
fn fixture(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("api.db");
    let pipeline = pipeline::Pipeline::bundled().expect("models");
    let texts = [
        (
            "2016-05-04",
            "قتل سبعة جنود على الأقل وأصيب عشرة آخرون في هجوم انتحاري بسيارة مفخخة استهدف نقطة تفتيش في مدينة العريش أمس، وتبنى تنظيم داعش الهجوم. وكان أبو بكر البغدادي، زعيم تنظيم داعش، قد دعا إلى مثل هذه الهجمات.",
        ),
        (
            "2016-05-05",
            "ألقت قوات الأمن العراقية القبض على خمسة مطلوبين في مدينة الموصل يوم الثلاثاء.",
        ),
    ];
    let arts: Vec<store::Article> = texts
        .iter()
        .enumerate()
        .map(|(i, (date, text))| {
            store::Article::new(
                pipeline.extract(pipeline::Input {
                    source: format!("t{i}.txt"),
                    title: None,
                    date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                    text: (*text).to_owned(),
                }),
                None,
            )
        })
        .collect();
    let mut st = store::SqliteStore::open(&db).expect("open");
    st.write_batch(&arts).expect("write");
    db
}

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, Vec<u8>) {
    let resp = app.clone().oneshot(req).await.expect("response");
    let status = resp.status();
    let bytes = axum::body::to_bytes(resp.into_body(), 16 << 20)
        .await
        .expect("body");
    (status, bytes.to_vec())
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Vec<u8>) {
    call(app, Request::get(uri).body(Body::empty()).expect("request")).await
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("json body")
}

#[tokio::test]
async fn api_end_to_end() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = fixture(dir.path());
    let app = serve::router(Arc::new(serve::AppState::new(db).expect("state")));

    let (s, b) = get(&app, "/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(String::from_utf8_lossy(&b).contains("dir=\"rtl\""));

    let (s, b) = get(&app, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(json(&b)["documents"], 2);

    let (s, b) = get(&app, "/api/events").await;
    assert_eq!(s, StatusCode::OK);
    let all = json(&b);
    assert!(all.as_array().expect("array").len() >= 2, "{all}");

    let (s, b) = get(&app, "/api/events?country=EG&type=attack").await;
    assert_eq!(s, StatusCode::OK);
    let eg = json(&b);
    let eg = eg.as_array().expect("array");
    assert!(
        !eg.is_empty() && eg.iter().all(|e| e["country"] == "EG"),
        "{eg:?}"
    );

    let (s, b) = get(&app, "/api/events?format=geojson").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(json(&b)["type"], "FeatureCollection");

    let (s, b) = get(&app, "/api/events?format=csv").await;
    assert_eq!(s, StatusCode::OK);
    assert!(String::from_utf8_lossy(&b).starts_with("event_id,"));

    let (s, b) = get(&app, "/api/incidents").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!json(&b).as_array().expect("array").is_empty());

    let (s, b) = get(&app, "/api/entity/%D8%AF%D8%A7%D8%B9%D8%B4").await; // داعش
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&b));

    // بالموصل (with a preposition) finds the article that writes الموصل.
    let (s, b) = get(
        &app,
        "/api/search?q=%D8%A8%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84",
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let hits = json(&b);
    assert_eq!(hits.as_array().expect("array").len(), 1, "{hits}");
    assert_eq!(hits[0]["source"], "t1.txt");

    let (s, b) = get(&app, "/api/graph").await;
    assert_eq!(s, StatusCode::OK);
    let graph = json(&b);
    assert!(
        graph
            .as_array()
            .expect("array")
            .iter()
            .any(|e| e["relation"] == "leader_of" && e["object"] == "org:isis"),
        "{graph}"
    );

    let req = Request::post("/api/extract?date=2016-05-04")
        .body(Body::from("قتل ثلاثة مدنيين في قصف على مدينة إدلب أمس."))
        .expect("request");
    let (s, b) = call(&app, req).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&b));
    let x = json(&b);
    assert!(
        x["document"]["text"]
            .as_str()
            .expect("text")
            .contains("إدلب")
    );
    assert!(!x["events"].as_array().expect("events").is_empty(), "{x}");
}

#[tokio::test]
async fn bad_requests_are_4xx_with_a_reason() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = fixture(dir.path());
    let app = serve::router(Arc::new(serve::AppState::new(db).expect("state")));
    for (uri, needle) in [
        ("/api/events?from=2016-13-45", "from"),
        ("/api/events?format=xml", "format"),
        ("/api/search?q=%D8%8C", "no word"),
    ] {
        let (s, b) = get(&app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        let err = json(&b)["error"].as_str().expect("error").to_owned();
        assert!(err.contains(needle), "{uri}: {err}");
    }
    let req = Request::post("/api/extract")
        .body(Body::from(vec![0xff, 0xfe, 0x41]))
        .expect("request");
    let (s, b) = call(&app, req).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(json(&b)["error"].as_str().expect("error").contains("UTF-8"));

    let missing = serve::router(Arc::new(
        serve::AppState::new(dir.path().join("missing.db")).expect("state"),
    ));
    let (s, _) = get(&missing, "/api/stats").await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        !dir.path().join("missing.db").exists(),
        "must not create a database"
    );
}
