//! The HTTP side of Marsad: a JSON API over one store file and the embedded dashboard.
//!
//! Routes (all `GET` unless said otherwise):
//!
//! | route | answer |
//! |---|---|
//! | `/` | the dashboard (Arabic, right-to-left): map, timeline, incidents, actor network, search |
//! | `/api/stats` | counts, as `marsad stats --json` |
//! | `/api/events?from&to&country&type&actor&min_killed&limit&format` | events; `format` = `json` (default), `csv`, `geojson` |
//! | `/api/incidents?…` | incidents, same filters and formats |
//! | `/api/entity/{name}` | what the store knows about an actor (any spelling or an id) |
//! | `/api/search?q&limit` | full-text search hits with snippets and match offsets |
//! | `/api/graph?limit` | the relation graph: edges (leader_of, branch_of, …) with names and document counts |
//! | `POST /api/extract?date=YYYY-MM-DD&source=…` | the `marsad extract` JSON of the posted UTF-8 text (nothing stored) |
//!
//! Every request opens the SQLite file on a blocking thread (WAL mode lets these readers run
//! beside a `marsad ingest` writing to the same file); errors are JSON `{"error": …}` with a 4xx
//! status for bad requests. It does not write to the store, authenticate users or serve TLS:
//! bind it to localhost or put it behind a proxy that does.
#![deny(missing_docs)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Deserialize;
use store::export::{self, Format};
use store::{Filter, SqliteStore, Store};

/// The dashboard page (plain HTML, CSS and JavaScript, no external requests).
const DASHBOARD: &str = include_str!("../web/index.html");

/// Errors of the server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Binding or serving failed.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    /// The extraction models failed to load.
    #[error("models: {0}")]
    Pipeline(#[from] pipeline::Error),
}

/// Shared state of the handlers.
pub struct AppState {
    db: PathBuf,
    pipeline: pipeline::Pipeline,
}

impl AppState {
    /// State for a store file; loads the bundled extraction models.
    pub fn new(db: PathBuf) -> Result<Self, Error> {
        Ok(AppState {
            db,
            pipeline: pipeline::Pipeline::bundled()?,
        })
    }
}

/// The application's routes over `state`.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(|| async { Html(DASHBOARD) }))
        .route("/api/stats", get(stats))
        .route("/api/events", get(events))
        .route("/api/incidents", get(incidents))
        .route("/api/entity/{name}", get(entity))
        .route("/api/search", get(search_docs))
        .route("/api/graph", get(graph))
        .route("/api/extract", post(extract))
        .with_state(state)
}

/// Serve `db` on `addr` until Ctrl-C; `on_ready` gets the address actually bound (port 0 picks
/// a free one) once the server accepts connections.
pub fn run(db: PathBuf, addr: SocketAddr, on_ready: impl FnOnce(SocketAddr)) -> Result<(), Error> {
    let state = Arc::new(AppState::new(db)?);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        on_ready(listener.local_addr()?);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

/// An error answer: a status and a JSON body naming what is wrong.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, axum::Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

impl From<store::Error> for ApiError {
    fn from(e: store::Error) -> Self {
        ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

type ApiResult = Result<Response, ApiError>;

/// Run `f` on the store file in a blocking thread.
async fn with_store<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || {
        if !db.exists() {
            return Err(ApiError(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "{}: no such database (run marsad ingest first)",
                    db.display()
                ),
            ));
        }
        let st = SqliteStore::open(&db)?;
        f(&st)
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
}

/// Query-string filters, as the CLI's `events` / `incidents` flags.
#[derive(Debug, Default, Deserialize)]
struct FilterParams {
    from: Option<String>,
    to: Option<String>,
    country: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    actor: Option<String>,
    min_killed: Option<u64>,
    limit: Option<usize>,
    format: Option<String>,
    #[serde(default)]
    with_duplicates: bool,
}

fn bad(msg: String) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, msg)
}

fn parse_day(name: &str, v: &Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    v.as_deref()
        .map(|s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| bad(format!("{name}: '{s}' is not a date (YYYY-MM-DD)")))
        })
        .transpose()
}

impl FilterParams {
    fn filter(&self) -> Result<Filter, ApiError> {
        Ok(Filter {
            from: parse_day("from", &self.from)?,
            to: parse_day("to", &self.to)?,
            country: self.country.clone(),
            kind: self.kind.clone(),
            actor: self.actor.clone(),
            min_killed: self.min_killed,
            include_duplicates: self.with_duplicates,
            limit: self.limit,
        })
    }

    fn format(&self) -> Result<(Format, &'static str), ApiError> {
        match self.format.as_deref().unwrap_or("json") {
            "json" => Ok((Format::Json, "application/json")),
            "csv" => Ok((Format::Csv, "text/csv; charset=utf-8")),
            "geojson" => Ok((Format::Geojson, "application/geo+json")),
            other => Err(bad(format!(
                "format: '{other}' is not one of json, csv, geojson"
            ))),
        }
    }
}

fn body(content_type: &'static str, bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, content_type)], bytes).into_response()
}

fn json<T: serde::Serialize>(v: &T) -> ApiResult {
    let bytes = serde_json::to_vec(v).map_err(|e| bad(e.to_string()))?;
    Ok(body("application/json", bytes))
}

async fn stats(State(s): State<Arc<AppState>>) -> ApiResult {
    let st = with_store(&s, |st| Ok(st.stats()?)).await?;
    json(&st)
}

async fn events(State(s): State<Arc<AppState>>, Query(p): Query<FilterParams>) -> ApiResult {
    let filter = p.filter()?;
    let (format, ct) = p.format()?;
    let out = with_store(&s, move |st| {
        let rows = st.events(&filter)?;
        let mut buf = Vec::new();
        export::write_events(&mut buf, format, &rows)?;
        Ok(buf)
    })
    .await?;
    Ok(body(ct, out))
}

async fn incidents(State(s): State<Arc<AppState>>, Query(p): Query<FilterParams>) -> ApiResult {
    let filter = p.filter()?;
    let (format, ct) = p.format()?;
    let out = with_store(&s, move |st| {
        let rows = st.incidents(&filter)?;
        let mut buf = Vec::new();
        export::write_incidents(&mut buf, format, &rows)?;
        Ok(buf)
    })
    .await?;
    Ok(body(ct, out))
}

async fn entity(State(s): State<Arc<AppState>>, Path(name): Path<String>) -> ApiResult {
    let report = with_store(&s, move |st| Ok(st.entity(&name)?)).await?;
    json(&report)
}

#[derive(Debug, Deserialize)]
struct SearchParams {
    q: String,
    limit: Option<usize>,
}

async fn search_docs(State(s): State<Arc<AppState>>, Query(p): Query<SearchParams>) -> ApiResult {
    let hits = with_store(&s, move |st| {
        search::search(st, &p.q, p.limit.unwrap_or(20)).map_err(|e| match e {
            search::Error::Query(m) => bad(m),
            other => ApiError(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        })
    })
    .await?;
    json(&hits)
}

#[derive(Debug, Deserialize)]
struct GraphParams {
    limit: Option<usize>,
}

async fn graph(State(s): State<Arc<AppState>>, Query(p): Query<GraphParams>) -> ApiResult {
    let limit = p.limit.unwrap_or(300).min(5000);
    let edges = with_store(&s, move |st| Ok(st.relation_graph(limit)?)).await?;
    json(&edges)
}

#[derive(Debug, Deserialize)]
struct ExtractParams {
    date: Option<String>,
    source: Option<String>,
}

async fn extract(
    State(s): State<Arc<AppState>>,
    Query(p): Query<ExtractParams>,
    bytes: axum::body::Bytes,
) -> ApiResult {
    let date = parse_day("date", &p.date)?;
    let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
        bad(format!(
            "body is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(bad("body is empty: post the article text".into()));
    }
    let state = Arc::clone(&s);
    let extraction = tokio::task::spawn_blocking(move || {
        state.pipeline.extract(pipeline::Input {
            source: p.source.unwrap_or_else(|| "api".into()),
            title: None,
            date,
            text,
        })
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    json(&extraction)
}
