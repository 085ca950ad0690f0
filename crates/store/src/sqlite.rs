//! The SQLite backend: opening (WAL, migrations), transactional batch writes with dedup and
//! incident assignment, and the queries behind `marsad events/incidents/entity/stats/search`.
//!
//! It does not extract anything and does not format output (see [`crate::export`]).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use model::{Count, EventType, Precision, Qualifier};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};
use serde::Serialize;

use crate::merge::{self, EventView};
use crate::minhash::{BANDS, DUPLICATE_THRESHOLD, Signature};
use crate::schema;
use crate::{
    Article, BatchReport, CountRow, EntityInfo, EntityReport, Error, EventRow, Filter,
    IncidentCount, IncidentRow, IncidentSource, Result, Stats, Store,
};

/// A Marsad database in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
}

/// One edge of the relation graph ([`SqliteStore::relation_graph`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphEdge {
    /// Subject entity id.
    pub subject: String,
    /// Subject's canonical name.
    pub subject_name: String,
    /// Subject's entity type (`PER`, `ORG`, ...).
    pub subject_type: String,
    /// `leader_of`, `branch_of`, `member_of`, `spokesperson_of`, `located_in`.
    pub relation: String,
    /// Object entity id.
    pub object: String,
    /// Object's canonical name.
    pub object_name: String,
    /// Object's entity type.
    pub object_type: String,
    /// Number of documents stating the relation.
    pub documents: u64,
}

/// A document found by full-text search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Document id.
    pub doc_id: String,
    /// Source.
    pub source: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// The whole stored text (the search crate cuts snippets from it).
    pub text: String,
    /// BM25 relevance, higher is better.
    pub score: f64,
}

fn enum_str<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// id, type, name, name_en, wikidata of an entity row.
type EntityHead = (String, String, String, Option<String>, Option<String>);

type CountCols = (Option<i64>, Option<String>, Option<i64>, Option<i64>);

fn count_cols(c: &Option<Count>) -> CountCols {
    match c {
        Some(c) => (
            Some(to_i64(c.value)),
            Some(enum_str(&c.qualifier)),
            Some(to_i64(c.min)),
            Some(to_i64(c.max)),
        ),
        None => (None, None, None, None),
    }
}

/// Read a count from four consecutive columns starting at `i`.
fn count_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Count>> {
    let v: Option<i64> = r.get(i)?;
    let q: Option<String> = r.get(i + 1)?;
    let lo: Option<i64> = r.get(i + 2)?;
    let hi: Option<i64> = r.get(i + 3)?;
    Ok(v.map(|v| {
        let v = v.max(0) as u64;
        Count {
            value: v,
            qualifier: q
                .as_deref()
                .and_then(parse_enum::<Qualifier>)
                .unwrap_or(Qualifier::Exact),
            min: lo.map_or(v, |x| x.max(0) as u64),
            max: hi.map_or(v, |x| x.max(0) as u64),
        }
    }))
}

fn count_row(c: Option<Count>) -> Option<CountRow> {
    c.map(|c| CountRow {
        value: c.value,
        qualifier: enum_str(&c.qualifier),
        min: c.min,
        max: c.max,
    })
}

/// Character offset of a byte index.
fn char_offset(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

/// Find `needle` inside the evidence span first, else the occurrence in the document nearest to
/// the evidence; character offsets.
fn locate(text: &str, ev_start: usize, ev_end: usize, needle: &str) -> Option<(usize, usize)> {
    if needle.trim().is_empty() {
        return None;
    }
    let n = needle.chars().count();
    let ev: String = text
        .chars()
        .skip(ev_start)
        .take(ev_end.saturating_sub(ev_start))
        .collect();
    if let Some(b) = ev.find(needle) {
        let s = ev_start + char_offset(&ev, b);
        return Some((s, s + n));
    }
    let mut best: Option<(usize, usize)> = None;
    for (b, _) in text.match_indices(needle) {
        let s = char_offset(text, b);
        let dist = s.abs_diff(ev_start);
        if best.is_none_or(|(bs, _)| dist < bs.abs_diff(ev_start)) {
            best = Some((s, s + n));
        }
    }
    best
}

/// Columns for [`EventView`]: events `e` joined with documents `d`.
const VIEW_COLS: &str = "e.id, e.doc_seq, e.type, e.subtype, e.date_start, e.date_end, \
    e.date_precision, e.place, e.country, e.admin1, e.lat, e.lon, e.geo_precision, \
    e.perpetrator_entity, e.perpetrator_name, \
    e.killed_value, e.killed_qualifier, e.killed_min, e.killed_max, \
    e.wounded_value, e.wounded_qualifier, e.wounded_min, e.wounded_max, \
    e.kidnapped_value, e.kidnapped_qualifier, e.kidnapped_min, e.kidnapped_max, \
    e.arrested_value, e.arrested_qualifier, e.arrested_min, e.arrested_max, d.date";

fn view_from_row(r: &Row<'_>) -> rusqlite::Result<EventView> {
    let kind: String = r.get(2)?;
    let start = parse_date(r.get(4)?);
    let end = parse_date(r.get(5)?);
    let precision: Option<String> = r.get(6)?;
    let doc_date = parse_date(r.get(31)?);
    let date = match (start, end) {
        (Some(s), Some(e)) => Some((s, e)),
        _ => None,
    };
    let place: Option<String> = r.get(7)?;
    let (window, precision) = merge::weigh_date(
        date,
        precision.as_deref().and_then(parse_enum::<Precision>),
        doc_date,
    );
    Ok(EventView {
        id: r.get(0)?,
        doc_seq: r.get(1)?,
        kind: parse_enum(&kind).unwrap_or(EventType::Other),
        subtype: r.get(3)?,
        window,
        precision,
        place_norm: place.as_deref().map(text::normalize::match_form),
        place,
        country: r.get(8)?,
        admin1: r.get(9)?,
        lat: r.get(10)?,
        lon: r.get(11)?,
        geo_precision: r.get(12)?,
        perpetrator: r.get(13)?,
        perpetrator_name: r.get(14)?,
        killed: count_at(r, 15)?,
        wounded: count_at(r, 19)?,
        kidnapped: count_at(r, 23)?,
        arrested: count_at(r, 27)?,
    })
}

/// Columns for [`EventRow`].
const ROW_COLS: &str = "e.id, e.incident_id, d.id, d.source, d.url, d.title, d.date, e.duplicate, \
    e.type, e.subtype, e.date_start, e.date_end, e.date_precision, e.place, e.country, e.admin1, \
    e.lat, e.lon, e.geo_precision, e.perpetrator_entity, e.perpetrator_name, e.targets, \
    e.killed_value, e.killed_qualifier, e.killed_min, e.killed_max, \
    e.wounded_value, e.wounded_qualifier, e.wounded_min, e.wounded_max, \
    e.kidnapped_value, e.kidnapped_qualifier, e.kidnapped_min, e.kidnapped_max, \
    e.arrested_value, e.arrested_qualifier, e.arrested_min, e.arrested_max, \
    e.claimed, e.evidence_text, e.confidence, e.acled";

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let targets: String = r.get(21)?;
    let targets: Vec<model::ActorRef> = serde_json::from_str(&targets).unwrap_or_default();
    Ok(EventRow {
        id: r.get(0)?,
        incident_id: r.get(1)?,
        doc_id: r.get(2)?,
        source: r.get(3)?,
        url: r.get(4)?,
        title: r.get(5)?,
        doc_date: r.get(6)?,
        duplicate: r.get::<_, i64>(7)? != 0,
        kind: r.get(8)?,
        subtype: r.get(9)?,
        date_start: r.get(10)?,
        date_end: r.get(11)?,
        date_precision: r.get(12)?,
        place: r.get(13)?,
        country: r.get(14)?,
        admin1: r.get(15)?,
        lat: r.get(16)?,
        lon: r.get(17)?,
        geo_precision: r.get(18)?,
        perpetrator_entity: r.get(19)?,
        perpetrator: r.get(20)?,
        targets: targets.into_iter().map(|t| t.name).collect(),
        killed: count_row(count_at(r, 22)?),
        wounded: count_row(count_at(r, 26)?),
        kidnapped: count_row(count_at(r, 30)?),
        arrested: count_row(count_at(r, 34)?),
        claimed: r.get::<_, i64>(38)? != 0,
        evidence: r.get(39)?,
        confidence: r.get(40)?,
        acled: r.get(41)?,
    })
}

/// Does an actor query match an event (perpetrator or target, by id or name)?
fn actor_matches(
    q: &str,
    qn: &str,
    perp_id: Option<&str>,
    names: &[&str],
    target_ids: &[&str],
) -> bool {
    if perp_id == Some(q) || target_ids.contains(&q) {
        return true;
    }
    !qn.is_empty()
        && names
            .iter()
            .any(|n| text::normalize::match_form(n).contains(qn))
}

impl SqliteStore {
    /// Open (or create) a database file and bring its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let conn = Connection::open(path)?;
        Self::setup(conn)
    }

    /// A throw-away database in memory (tests, dry runs).
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never block the writer and a crash can only lose uncommitted batches.
        // synchronous=NORMAL is crash-safe in WAL mode (a power cut may drop the last batch, which
        // a re-run restores).
        let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A corpus store is hundreds of MB and the writer keeps looking up entities, incidents and
        // signatures across all of it: with SQLite's default 2 MB page cache most of those
        // lookups became read() system calls copying pages out of the OS cache (17 of the 43
        // CPU-seconds the store spent on the SaudiNewsNet corpus were in the kernel; 7 with this).
        // A 64 MB cache is a limit, not an allocation up front. Reading through a memory map was
        // a little faster still, but counts the mapped file in the process's RSS (502 MB peak).
        conn.pragma_update(None, "cache_size", -65_536)?;
        // Checkpoint the WAL every 64 MB instead of every 4 MB: a hot page (an index root, the
        // incident table) rewritten by every batch is copied into the database once per
        // checkpoint, so rarer checkpoints copy it fewer times (kernel time of a corpus ingest
        // 6.5-7.2 → 4.7-4.9 s in an A/B; user time within the VM's noise). The WAL file grows to
        // ~64 MB during an ingest and is folded in when the last connection closes.
        conn.pragma_update(None, "wal_autocheckpoint", 16_384)?;
        // The write path uses about 25 distinct statements per article; rusqlite's default cache
        // of 16 would evict and re-prepare them for every article (6% of ingest time measured).
        conn.set_prepared_statement_cache_capacity(64);
        // Query-planner stability: without it SQLite marks statements whose plan could depend on a
        // bound value (here: any join through `documents`, which has a partial index) for
        // re-preparation on every new binding, which cost ~5% of ingest time in `load_members`.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        schema::migrate(&mut conn)?;
        Ok(SqliteStore { conn })
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Is a document with this id stored?
    pub fn contains(&self, doc_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM documents WHERE id = ?1",
                [doc_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Store a batch in one transaction: all of it or, on any error, none of it.
    ///
    /// Articles whose document id is already stored (or appears earlier in the batch) are
    /// skipped. Articles are processed in order, so the same input in the same order always
    /// yields the same database.
    pub fn write_batch(&mut self, batch: &[Article]) -> Result<BatchReport> {
        let tx = self.conn.transaction()?;
        let mut report = BatchReport::default();
        for art in batch {
            write_article(&tx, art, &mut report)?;
        }
        tx.commit()?;
        Ok(report)
    }

    /// Documents matching an FTS5 query over the index terms of [`crate::index::terms`], best
    /// first (BM25), at most `limit`. The query syntax is FTS5's; build it from analysed terms
    /// (the search crate does). A syntax error is [`Error::Sqlite`].
    pub fn full_text(&self, fts_query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.source, d.title, d.date, d.text, s.rank FROM \
             (SELECT rowid, rank FROM doc_search WHERE doc_search MATCH ?1 ORDER BY rank LIMIT ?2) s \
             JOIN documents d ON d.seq = s.rowid ORDER BY s.rank, d.seq",
        )?;
        let rows = st.query_map(params![fts_query, limit as i64], |r| {
            Ok(SearchHit {
                doc_id: r.get(0)?,
                source: r.get(1)?,
                title: r.get(2)?,
                date: r.get(3)?,
                text: r.get(4)?,
                score: -r.get::<_, f64>(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The relation graph: one edge per (subject, relation, object) with how many documents
    /// state it and the names of both ends, most attested first, at most `limit` edges.
    pub fn relation_graph(&self, limit: usize) -> Result<Vec<GraphEdge>> {
        let mut st = self.conn.prepare_cached(
            "SELECT r.subject, coalesce(s.name, r.subject), coalesce(s.type, ''), r.relation, \
                    r.object, coalesce(o.name, r.object), coalesce(o.type, ''), \
                    count(DISTINCT r.doc_seq) AS n \
             FROM relations r LEFT JOIN entities s ON s.id = r.subject \
             LEFT JOIN entities o ON o.id = r.object \
             GROUP BY r.subject, r.relation, r.object ORDER BY n DESC, r.subject, r.object LIMIT ?1",
        )?;
        let rows = st.query_map([limit as i64], |r| {
            Ok(GraphEdge {
                subject: r.get(0)?,
                subject_name: r.get(1)?,
                subject_type: r.get(2)?,
                relation: r.get(3)?,
                object: r.get(4)?,
                object_name: r.get(5)?,
                object_type: r.get(6)?,
                documents: r.get::<_, i64>(7)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Ids of every stored document, incident and event, in order: a fingerprint of the content
    /// (used to check that an interrupted run and an uninterrupted one agree).
    pub fn fingerprint(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for sql in [
            "SELECT 'doc ' || id || ' dup=' || coalesce(duplicate_of, '') FROM documents ORDER BY seq",
            "SELECT 'event ' || id || ' inc=' || coalesce(incident_id, '') FROM events ORDER BY id",
            "SELECT 'incident ' || id || ' n=' || n_events FROM incidents ORDER BY seq",
        ] {
            let mut st = self.conn.prepare(sql)?;
            let rows = st.query_map([], |r| r.get::<_, String>(0))?;
            for r in rows {
                out.push(r?);
            }
        }
        Ok(out)
    }

    fn incident_sources(&self, id: &str) -> Result<Vec<IncidentSource>> {
        let sql = format!(
            "SELECT ie.role, {ROW_COLS} FROM incident_events ie JOIN events e ON e.id = ie.event_id \
             JOIN documents d ON d.seq = e.doc_seq WHERE ie.incident_id = ?1 ORDER BY e.doc_seq, e.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([id], |r| {
            let role: String = r.get(0)?;
            // event_row reads columns from 0; shift by wrapping in a sub-row is not possible, so
            // re-query by id below instead.
            Ok((role, r.get::<_, String>(1)?))
        })?;
        let pairs: Vec<(String, String)> = rows.collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(pairs.len());
        let one = format!(
            "SELECT {ROW_COLS} FROM events e JOIN documents d ON d.seq = e.doc_seq WHERE e.id = ?1"
        );
        let mut st1 = self.conn.prepare_cached(&one)?;
        for (role, eid) in pairs {
            let event = st1.query_row([&eid], event_row)?;
            out.push(IncidentSource {
                event_id: eid,
                role,
                event,
            });
        }
        Ok(out)
    }
}

/// One statement for the LSH lookups of all bands: `SELECT doc_seq FROM doc_lsh WHERE band = ?
/// AND key = ?` per band, joined by `UNION ALL` (each arm a primary-key probe). A statement per
/// band cost 16 resets, bindings and cursor openings per document on the writer thread.
static LSH_SELECT: LazyLock<String> = LazyLock::new(|| {
    (0..BANDS)
        .map(|b| {
            format!(
                "SELECT doc_seq FROM doc_lsh WHERE band = ?{} AND key = ?{}",
                2 * b + 1,
                2 * b + 2
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
});

/// Documents sharing at least one band key with `sig` (unsorted, possibly repeated).
fn lsh_candidates(tx: &Connection, sig: &Signature) -> Result<Vec<i64>> {
    let keys = sig.band_keys();
    let mut st = tx.prepare_cached(&LSH_SELECT)?;
    let values = keys
        .iter()
        .enumerate()
        .flat_map(|(b, key)| [b as i64, *key]);
    let rows = st.query_map(params_from_iter(values), |r| r.get::<_, i64>(0))?;
    let mut cands = Vec::new();
    for r in rows {
        cands.push(r?);
    }
    Ok(cands)
}

/// Store the band keys of document `seq`: a statement per band. (One multi-row `INSERT OR
/// IGNORE` would be a multi-row write, for which SQLite opens a statement savepoint, and FTS5
/// flushes its pending terms at every savepoint: a flush per document instead of per batch, and a
/// different full-text index layout.)
fn insert_lsh(tx: &Connection, sig: &Signature, seq: i64) -> Result<()> {
    let mut st = tx
        .prepare_cached("INSERT OR IGNORE INTO doc_lsh (band, key, doc_seq) VALUES (?1, ?2, ?3)")?;
    for (b, key) in sig.band_keys().iter().enumerate() {
        st.execute(params![b as i64, key, seq])?;
    }
    Ok(())
}

/// Find the stored document this signature near-duplicates: `(root seq, similarity)`.
fn find_duplicate(tx: &Transaction<'_>, sig: &Signature) -> Result<Option<(i64, f64)>> {
    let mut cands = lsh_candidates(tx, sig)?;
    cands.sort_unstable();
    cands.dedup();
    let mut best: Option<(i64, f64)> = None;
    let mut st = tx.prepare_cached(
        "SELECT m.sig, coalesce(d.duplicate_of, d.seq) FROM doc_minhash m \
         JOIN documents d ON d.seq = m.doc_seq WHERE m.doc_seq = ?1",
    )?;
    for c in cands {
        let (blob, root): (Vec<u8>, i64) = st.query_row([c], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let Some(other) = Signature::from_bytes(&blob) else {
            continue;
        };
        let j = sig.jaccard(&other);
        if j >= DUPLICATE_THRESHOLD && best.is_none_or(|(_, bj)| j > bj) {
            best = Some((root, j));
        }
    }
    Ok(best)
}

fn write_article(tx: &Transaction<'_>, art: &Article, report: &mut BatchReport) -> Result<()> {
    let x = &art.extraction;
    let doc = &x.document;
    if doc.id.len() < 16 || !doc.id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::Invalid {
            source_name: doc.source.clone(),
            reason: format!("document id '{}' is not a sha256 hex digest", doc.id),
        });
    }
    let exists = tx
        .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |_| Ok(()))
        .optional()?
        .is_some();
    if exists {
        report.skipped += 1;
        return Ok(());
    }
    let sig = &art.signature;
    let dup = match sig {
        Some(s) => find_duplicate(tx, s)?,
        None => None,
    };
    let url = art.url.clone().or_else(|| {
        (doc.source.starts_with("http://") || doc.source.starts_with("https://"))
            .then(|| doc.source.clone())
    });
    tx.prepare_cached(
        "INSERT INTO documents (id, source, url, title, date, text, duplicate_of, similarity) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        doc.id,
        doc.source,
        url,
        doc.title,
        doc.date.map(|d| d.to_string()),
        doc.text,
        dup.map(|d| d.0),
        dup.map(|d| d.1),
    ])?;
    let seq = tx.last_insert_rowid();
    report.stored += 1;
    if dup.is_some() {
        report.duplicates += 1;
    }
    if let Some(sig) = sig {
        tx.prepare_cached("INSERT INTO doc_minhash (doc_seq, sig) VALUES (?1, ?2)")?
            .execute(params![seq, sig.to_bytes()])?;
        insert_lsh(tx, sig, seq)?;
    }
    tx.prepare_cached("INSERT INTO doc_search (rowid, terms) VALUES (?1, ?2)")?
        .execute(params![seq, art.index_terms])?;

    for e in &x.entities {
        tx.prepare_cached(
            "INSERT INTO entities (id, type, name, name_en, wikidata, name_norm) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT(id) DO UPDATE SET name_en = coalesce(name_en, excluded.name_en), \
             wikidata = coalesce(wikidata, excluded.wikidata)",
        )?
        .execute(params![
            e.id,
            enum_str(&e.kind),
            e.name,
            e.name_en,
            e.wikidata,
            text::normalize::match_form(&e.name),
        ])?;
        let mut st = tx.prepare_cached(
            "INSERT INTO mentions (doc_seq, entity_id, start, end, text, text_norm) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for m in &e.mentions {
            st.execute(params![
                seq,
                e.id,
                m.start as i64,
                m.end as i64,
                m.text,
                text::normalize::match_form(&m.text)
            ])?;
        }
    }
    for r in &x.relations {
        tx.prepare_cached(
            "INSERT INTO relations (doc_seq, subject, relation, object, evidence_start, evidence_end, evidence_text) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            seq,
            r.subject,
            r.relation,
            r.object,
            r.evidence.start as i64,
            r.evidence.end as i64,
            r.evidence.text
        ])?;
    }

    let prefix = &doc.id[..16];
    let mut seen = HashSet::new();
    let mut gids = Vec::with_capacity(x.events.len());
    for (i, ev) in x.events.iter().enumerate() {
        let local = if ev.id.is_empty() {
            format!("e{i}")
        } else {
            ev.id.clone()
        };
        let mut gid = format!("{prefix}:{local}");
        if !seen.insert(gid.clone()) {
            gid = format!("{prefix}:{local}#{i}");
            seen.insert(gid.clone());
        }
        insert_event(tx, seq, &gid, &local, ev, dup.is_some(), &doc.text)?;
        gids.push(gid);
        report.events += 1;
    }
    for gid in &gids {
        assign_incident(tx, gid, seq, dup.map(|d| d.0), report)?;
    }
    Ok(())
}

fn insert_event(
    tx: &Transaction<'_>,
    seq: i64,
    gid: &str,
    local: &str,
    ev: &model::Event,
    duplicate: bool,
    text: &str,
) -> Result<()> {
    let loc = ev.location.as_ref();
    let (kv, kq, kmin, kmax) = count_cols(&ev.killed);
    let (wv, wq, wmin, wmax) = count_cols(&ev.wounded);
    let (nv, nq, nmin, nmax) = count_cols(&ev.kidnapped);
    let (av, aq, amin, amax) = count_cols(&ev.arrested);
    let values: Vec<Value> = vec![
        gid.to_owned().into(),
        seq.into(),
        local.to_owned().into(),
        enum_str(&ev.kind).into(),
        ev.subtype.clone().into(),
        ev.date.as_ref().map(|d| d.start.to_string()).into(),
        ev.date.as_ref().map(|d| d.end.to_string()).into(),
        ev.date.as_ref().map(|d| enum_str(&d.precision)).into(),
        ev.date.as_ref().and_then(|d| d.text.clone()).into(),
        loc.map(|l| l.name.clone()).into(),
        loc.and_then(|l| l.country.clone()).into(),
        loc.and_then(|l| l.admin1.clone()).into(),
        loc.and_then(|l| l.lat).into(),
        loc.and_then(|l| l.lon).into(),
        loc.map(|l| l.precision.clone()).into(),
        loc.and_then(|l| l.geonames_id).map(to_i64).into(),
        ev.perpetrator
            .as_ref()
            .and_then(|p| p.entity.clone())
            .into(),
        ev.perpetrator.as_ref().map(|p| p.name.clone()).into(),
        serde_json::to_string(&ev.targets)?.into(),
        kv.into(),
        kq.into(),
        kmin.into(),
        kmax.into(),
        wv.into(),
        wq.into(),
        wmin.into(),
        wmax.into(),
        nv.into(),
        nq.into(),
        nmin.into(),
        nmax.into(),
        av.into(),
        aq.into(),
        amin.into(),
        amax.into(),
        i64::from(ev.claimed).into(),
        (ev.evidence.start as i64).into(),
        (ev.evidence.end as i64).into(),
        ev.evidence.text.clone().into(),
        ev.confidence.into(),
        ev.codes.cameo.clone().into(),
        ev.codes.acled.clone().into(),
        ev.codes.gtd.clone().into(),
        i64::from(duplicate).into(),
        serde_json::to_string(ev)?.into(),
    ];
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO events (id, doc_seq, local_id, type, subtype, date_start, date_end, date_precision, date_text, \
         place, country, admin1, lat, lon, geo_precision, geonames_id, perpetrator_entity, perpetrator_name, targets, \
         killed_value, killed_qualifier, killed_min, killed_max, wounded_value, wounded_qualifier, wounded_min, wounded_max, \
         kidnapped_value, kidnapped_qualifier, kidnapped_min, kidnapped_max, arrested_value, arrested_qualifier, arrested_min, arrested_max, \
         claimed, evidence_start, evidence_end, evidence_text, confidence, cameo, acled, gtd, duplicate, json) VALUES ({})",
        placeholders.join(", ")
    );
    tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;

    // Which span supports which field: the evidence itself, and the words of each argument
    // located in (or nearest to) the evidence.
    let mut st = tx.prepare_cached(
        "INSERT INTO event_sources (event_id, doc_seq, field, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let (es, ee) = (ev.evidence.start, ev.evidence.end);
    st.execute(params![
        gid,
        seq,
        "evidence",
        es as i64,
        ee as i64,
        ev.evidence.text
    ])?;
    let mut fields: Vec<(&str, &str)> = Vec::new();
    if let Some(t) = ev.date.as_ref().and_then(|d| d.text.as_deref()) {
        fields.push(("date", t));
    }
    if let Some(l) = loc {
        fields.push(("location", &l.name));
    }
    if let Some(p) = &ev.perpetrator {
        fields.push(("perpetrator", &p.name));
    }
    for t in &ev.targets {
        fields.push(("target", &t.name));
    }
    for (field, needle) in fields {
        if let Some((s, e)) = locate(text, es, ee, needle) {
            st.execute(params![gid, seq, field, s as i64, e as i64, needle])?;
        }
    }
    Ok(())
}

fn load_view(tx: &Transaction<'_>, gid: &str) -> Result<EventView> {
    let sql = format!(
        "SELECT {VIEW_COLS} FROM events e JOIN documents d ON d.seq = e.doc_seq WHERE e.id = ?1"
    );
    Ok(tx.prepare_cached(&sql)?.query_row([gid], view_from_row)?)
}

fn load_members(tx: &Transaction<'_>, incident: &str) -> Result<Vec<EventView>> {
    let sql = format!(
        "SELECT {VIEW_COLS} FROM events e JOIN documents d ON d.seq = e.doc_seq \
         WHERE e.incident_id = ?1 ORDER BY e.doc_seq, e.id"
    );
    let mut st = tx.prepare_cached(&sql)?;
    let rows = st.query_map([incident], view_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn assign_incident(
    tx: &Transaction<'_>,
    gid: &str,
    seq: i64,
    duplicate_of: Option<i64>,
    report: &mut BatchReport,
) -> Result<()> {
    let view = load_view(tx, gid)?;
    let mut chosen: Option<(String, &str)> = None;
    if let Some(orig) = duplicate_of {
        // A wire copy: attach to the incident of the best-matching event of the original (or of
        // an earlier copy of it).
        let sql = format!(
            "SELECT {VIEW_COLS}, e.incident_id FROM events e JOIN documents d ON d.seq = e.doc_seq \
             WHERE (d.seq = ?1 OR d.duplicate_of = ?1) AND d.seq <> ?2 AND e.incident_id IS NOT NULL \
             ORDER BY e.doc_seq, e.id"
        );
        let mut st = tx.prepare_cached(&sql)?;
        let rows = st.query_map(params![orig, seq], |r| {
            Ok((view_from_row(r)?, r.get::<_, String>(32)?))
        })?;
        let mut best: Option<(f64, String)> = None;
        for row in rows {
            let (other, inc) = row?;
            if let Some(s) = merge::copy_compatible(&view, &other)
                && best.as_ref().is_none_or(|(b, _)| s > *b)
            {
                best = Some((s, inc));
            }
        }
        chosen = best.map(|(_, inc)| (inc, "duplicate"));
    }
    if chosen.is_none()
        && view.mergeable()
        && let Some((s, e)) = view.window
    {
        // Candidates through the (country, window_end) index: incidents whose window ends inside
        // [s, e + the longest window], and starts before e.
        let hi = e + chrono::Duration::days(merge::MAX_WINDOW_DAYS + 2);
        let mut st = tx.prepare_cached(
            "SELECT id FROM incidents WHERE country IS ?1 AND window_end >= ?2 AND window_end <= ?3 \
             AND window_start <= ?4 AND (type = ?5 OR (type IN ('attack', 'claim') AND ?5 IN ('attack', 'claim'))) ORDER BY seq",
        )?;
        let rows = st.query_map(
            params![
                view.country,
                (s - chrono::Duration::days(1)).to_string(),
                hi.to_string(),
                (e + chrono::Duration::days(1)).to_string(),
                enum_str(&view.kind)
            ],
            |r| r.get::<_, String>(0),
        )?;
        let cands: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        let mut best: Option<(f64, String)> = None;
        for inc in cands {
            let members = load_members(tx, &inc)?;
            if let Some(score) = merge::fits(&view, &members)
                && best.as_ref().is_none_or(|(b, _)| score > *b)
            {
                best = Some((score, inc));
            }
        }
        chosen = best.map(|(_, inc)| (inc, "merged"));
    }
    let (incident, role) = match chosen {
        Some(c) => {
            report.merged_events += 1;
            c
        }
        None => {
            let id = format!("inc:{gid}");
            let next: i64 = tx
                .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM incidents")?
                .query_row([], |r| r.get(0))?;
            tx.prepare_cached(
                "INSERT INTO incidents (id, seq, type, disputed, disputed_fields, n_sources, n_events) \
                 VALUES (?1, ?2, ?3, 0, '', 1, 1)",
            )?
            .execute(params![id, next, enum_str(&view.kind)])?;
            report.new_incidents += 1;
            (id, "founder")
        }
    };
    tx.prepare_cached("UPDATE events SET incident_id = ?1 WHERE id = ?2")?
        .execute(params![incident, gid])?;
    tx.prepare_cached("INSERT INTO incident_events (incident_id, event_id, doc_seq, role) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![incident, gid, seq, role])?;
    recompute(tx, &incident)
}

/// Rewrite an incident's consensus columns from its members.
fn recompute(tx: &Transaction<'_>, incident: &str) -> Result<()> {
    let members = load_members(tx, incident)?;
    let Some(c) = merge::consensus(&members) else {
        return Ok(());
    };
    let place = c.place_from.and_then(|i| members.get(i));
    let cnt = |s: &Option<merge::CountSummary>| -> (Option<i64>, Option<i64>, Option<i64>) {
        match s {
            Some(s) => (
                Some(to_i64(s.consensus)),
                Some(to_i64(s.min)),
                Some(to_i64(s.max)),
            ),
            None => (None, None, None),
        }
    };
    let (k, kmin, kmax) = cnt(&c.killed);
    let (w, wmin, wmax) = cnt(&c.wounded);
    let (n, nmin, nmax) = cnt(&c.kidnapped);
    let (a, amin, amax) = cnt(&c.arrested);
    let values: Vec<Value> = vec![
        enum_str(&c.kind).into(),
        c.subtype.clone().into(),
        c.date.map(|d| d.0.to_string()).into(),
        c.date.map(|d| d.1.to_string()).into(),
        c.date.and_then(|d| d.2).map(|p| enum_str(&p)).into(),
        c.window.map(|w| w.0.to_string()).into(),
        c.window.map(|w| w.1.to_string()).into(),
        // The lookup key is the founding event's country (all members agree or lack one).
        members.iter().find_map(|m| m.country.clone()).into(),
        place.and_then(|p| p.admin1.clone()).into(),
        place.and_then(|p| p.place.clone()).into(),
        place.and_then(|p| p.lat).into(),
        place.and_then(|p| p.lon).into(),
        place.and_then(|p| p.geo_precision.clone()).into(),
        c.perpetrator.as_ref().and_then(|p| p.0.clone()).into(),
        c.perpetrator.as_ref().map(|p| p.1.clone()).into(),
        k.into(),
        kmin.into(),
        kmax.into(),
        w.into(),
        wmin.into(),
        wmax.into(),
        n.into(),
        nmin.into(),
        nmax.into(),
        a.into(),
        amin.into(),
        amax.into(),
        i64::from(!c.disputed.is_empty()).into(),
        c.disputed.join(",").into(),
        (c.n_sources as i64).into(),
        (members.len() as i64).into(),
        incident.to_owned().into(),
    ];
    tx.prepare_cached(
        "UPDATE incidents SET type=?1, subtype=?2, date_start=?3, date_end=?4, date_precision=?5, \
         window_start=?6, window_end=?7, country=?8, admin1=?9, place=?10, lat=?11, lon=?12, geo_precision=?13, \
         perpetrator_entity=?14, perpetrator_name=?15, killed=?16, killed_min=?17, killed_max=?18, \
         wounded=?19, wounded_min=?20, wounded_max=?21, kidnapped=?22, kidnapped_min=?23, kidnapped_max=?24, \
         arrested=?25, arrested_min=?26, arrested_max=?27, disputed=?28, disputed_fields=?29, n_sources=?30, \
         n_events=?31 WHERE id=?32",
    )?
    .execute(params_from_iter(values))?;
    Ok(())
}

/// SQL conditions and parameters for a filter over a table with date_start/date_end/country/type.
fn conditions(f: &Filter, alias: &str, killed_col: &str) -> (Vec<String>, Vec<Value>) {
    let mut cond = Vec::new();
    let mut vals: Vec<Value> = Vec::new();
    if let Some(from) = f.from {
        vals.push(from.to_string().into());
        cond.push(format!("{alias}.date_end >= ?{}", vals.len()));
    }
    if let Some(to) = f.to {
        vals.push(to.to_string().into());
        cond.push(format!("{alias}.date_start <= ?{}", vals.len()));
    }
    if let Some(c) = &f.country {
        vals.push(c.to_uppercase().into());
        cond.push(format!("{alias}.country = ?{}", vals.len()));
    }
    if let Some(k) = &f.kind {
        vals.push(k.clone().into());
        cond.push(format!("{alias}.type = ?{}", vals.len()));
    }
    if let Some(m) = f.min_killed {
        vals.push(to_i64(m).into());
        cond.push(format!("{alias}.{killed_col} >= ?{}", vals.len()));
    }
    (cond, vals)
}

impl Store for SqliteStore {
    fn write_batch(&mut self, batch: &[Article]) -> Result<BatchReport> {
        SqliteStore::write_batch(self, batch)
    }

    fn events(&self, f: &Filter) -> Result<Vec<EventRow>> {
        let (mut cond, vals) = conditions(f, "e", "killed_value");
        if !f.include_duplicates {
            cond.push("e.duplicate = 0".into());
        }
        let wh = if cond.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", cond.join(" AND "))
        };
        let sql = format!(
            "SELECT {ROW_COLS} FROM events e JOIN documents d ON d.seq = e.doc_seq {wh} \
             ORDER BY e.date_start IS NULL, e.date_start, e.doc_seq, e.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(vals), event_row)?;
        let qn = f
            .actor
            .as_deref()
            .map(text::normalize::match_form)
            .unwrap_or_default();
        let mut out = Vec::new();
        for r in rows {
            let r = r?;
            if let Some(q) = &f.actor {
                let mut names: Vec<&str> = r.targets.iter().map(String::as_str).collect();
                if let Some(p) = &r.perpetrator {
                    names.push(p);
                }
                if !actor_matches(q, &qn, r.perpetrator_entity.as_deref(), &names, &[]) {
                    continue;
                }
            }
            out.push(r);
            if f.limit.is_some_and(|l| out.len() >= l) {
                break;
            }
        }
        Ok(out)
    }

    fn incidents(&self, f: &Filter) -> Result<Vec<IncidentRow>> {
        let (cond, vals) = conditions(f, "i", "killed");
        let wh = if cond.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", cond.join(" AND "))
        };
        let sql = format!(
            "SELECT i.id, i.type, i.subtype, i.date_start, i.date_end, i.date_precision, i.place, i.country, \
             i.admin1, i.lat, i.lon, i.geo_precision, i.perpetrator_entity, i.perpetrator_name, \
             i.killed, i.killed_min, i.killed_max, i.wounded, i.wounded_min, i.wounded_max, \
             i.kidnapped, i.kidnapped_min, i.kidnapped_max, i.arrested, i.arrested_min, i.arrested_max, \
             i.disputed, i.disputed_fields, i.n_sources, i.n_events FROM incidents i {wh} \
             ORDER BY i.date_start IS NULL, i.date_start, i.seq"
        );
        let mut st = self.conn.prepare(&sql)?;
        let cnt = |r: &Row<'_>, i: usize| -> rusqlite::Result<Option<IncidentCount>> {
            let v: Option<i64> = r.get(i)?;
            let lo: Option<i64> = r.get(i + 1)?;
            let hi: Option<i64> = r.get(i + 2)?;
            Ok(v.map(|v| IncidentCount {
                consensus: v.max(0) as u64,
                min: lo.unwrap_or(v).max(0) as u64,
                max: hi.unwrap_or(v).max(0) as u64,
            }))
        };
        let rows = st.query_map(params_from_iter(vals), |r| {
            let disputed_fields: String = r.get(27)?;
            Ok(IncidentRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                subtype: r.get(2)?,
                date_start: r.get(3)?,
                date_end: r.get(4)?,
                date_precision: r.get(5)?,
                place: r.get(6)?,
                country: r.get(7)?,
                admin1: r.get(8)?,
                lat: r.get(9)?,
                lon: r.get(10)?,
                geo_precision: r.get(11)?,
                perpetrator_entity: r.get(12)?,
                perpetrator: r.get(13)?,
                killed: cnt(r, 14)?,
                wounded: cnt(r, 17)?,
                kidnapped: cnt(r, 20)?,
                arrested: cnt(r, 23)?,
                disputed: r.get::<_, i64>(26)? != 0,
                disputed_fields: disputed_fields
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                n_sources: r.get::<_, i64>(28)?.max(0) as usize,
                n_events: r.get::<_, i64>(29)?.max(0) as usize,
                sources: Vec::new(),
            })
        })?;
        let heads: Vec<IncidentRow> = rows.collect::<rusqlite::Result<_>>()?;
        let qn = f
            .actor
            .as_deref()
            .map(text::normalize::match_form)
            .unwrap_or_default();
        let mut out = Vec::new();
        for mut inc in heads {
            inc.sources = self.incident_sources(&inc.id)?;
            if let Some(q) = &f.actor {
                let mut names: Vec<&str> = Vec::new();
                let mut ids: Vec<&str> = Vec::new();
                for s in &inc.sources {
                    names.extend(s.event.perpetrator.as_deref());
                    names.extend(s.event.targets.iter().map(String::as_str));
                    ids.extend(s.event.perpetrator_entity.as_deref());
                }
                if !actor_matches(q, &qn, inc.perpetrator_entity.as_deref(), &names, &ids) {
                    continue;
                }
            }
            out.push(inc);
            if f.limit.is_some_and(|l| out.len() >= l) {
                break;
            }
        }
        Ok(out)
    }

    fn entity(&self, name: &str) -> Result<EntityReport> {
        let norm = text::normalize::match_form(name.trim());
        let mut st = self.conn.prepare(
            "SELECT id, type, name, name_en, wikidata FROM entities WHERE id = ?1 OR name_norm = ?2 \
             OR lower(name_en) = lower(?1) OR id IN (SELECT DISTINCT entity_id FROM mentions WHERE text_norm = ?2) \
             ORDER BY id",
        )?;
        let heads: Vec<EntityHead> = st
            .query_map(params![name.trim(), norm], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut entities = Vec::new();
        for (id, kind, ename, name_en, wikidata) in heads {
            let (mentions, documents): (i64, i64) = self.conn.query_row(
                "SELECT count(*), count(DISTINCT doc_seq) FROM mentions WHERE entity_id = ?1",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let mut st = self.conn.prepare_cached(
                "SELECT text, count(*) AS n FROM mentions WHERE entity_id = ?1 GROUP BY text ORDER BY n DESC, text LIMIT 10",
            )?;
            let forms: Vec<(String, usize)> = st
                .query_map([&id], |r| {
                    Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as usize))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let perp_sql = format!(
                "SELECT {ROW_COLS} FROM events e JOIN documents d ON d.seq = e.doc_seq \
                 WHERE e.perpetrator_entity = ?1 AND e.duplicate = 0 ORDER BY e.date_start LIMIT 100"
            );
            let as_perpetrator: Vec<EventRow> = self
                .conn
                .prepare_cached(&perp_sql)?
                .query_map([&id], event_row)?
                .collect::<rusqlite::Result<_>>()?;
            let target_sql = format!(
                "SELECT {ROW_COLS} FROM events e JOIN documents d ON d.seq = e.doc_seq \
                 WHERE e.targets LIKE ?1 AND e.duplicate = 0 ORDER BY e.date_start LIMIT 100"
            );
            let pattern = format!("%\"entity\":{}%", serde_json::to_string(&id)?);
            let as_target: Vec<EventRow> = self
                .conn
                .prepare_cached(&target_sql)?
                .query_map([&pattern], event_row)?
                .collect::<rusqlite::Result<_>>()?;
            let mut rel: BTreeMap<(String, String, String), String> = BTreeMap::new();
            let mut st = self.conn.prepare_cached(
                "SELECT subject, relation, object, evidence_text FROM relations WHERE subject = ?1 OR object = ?1 ORDER BY doc_seq",
            )?;
            for r in st.query_map([&id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })? {
                let (s, p, o, e) = r?;
                rel.entry((s, p, o)).or_insert(e);
            }
            entities.push(EntityInfo {
                id,
                kind,
                name: ename,
                name_en,
                wikidata,
                mentions: mentions.max(0) as usize,
                documents: documents.max(0) as usize,
                forms,
                as_perpetrator,
                as_target,
                relations: rel.into_iter().map(|((s, p, o), e)| (s, p, o, e)).collect(),
            });
        }
        Ok(EntityReport {
            query: name.to_owned(),
            entities,
        })
    }

    fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<usize> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))?.max(0) as usize)
        };
        let mut st = self.conn.prepare(
            "SELECT type, count(*) AS n FROM events WHERE duplicate = 0 GROUP BY type ORDER BY n DESC, type",
        )?;
        let events_by_type: Vec<(String, usize)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as usize)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Stats {
            documents: one("SELECT count(*) FROM documents")?,
            duplicates: one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")?,
            entities: one("SELECT count(*) FROM entities")?,
            mentions: one("SELECT count(*) FROM mentions")?,
            relations: one("SELECT count(*) FROM relations")?,
            events: one("SELECT count(*) FROM events")?,
            events_by_type,
            incidents: one("SELECT count(*) FROM incidents")?,
            multi_source_incidents: one("SELECT count(*) FROM incidents WHERE n_sources > 1")?,
            disputed_incidents: one("SELECT count(*) FROM incidents WHERE disputed = 1")?,
            schema_version: self.schema_version()?,
        })
    }
}

#[cfg(test)]
mod lsh_tests {
    use super::*;
    use crate::minhash::PERMUTATIONS;

    /// A signature whose slots come from `x` (so two calls with nearby `x` share some bands).
    fn sig(x: u64, shared: usize) -> Signature {
        let mut s = [0u64; PERMUTATIONS];
        for (i, v) in s.iter_mut().enumerate() {
            *v = if i < shared {
                i as u64
            } else {
                x * 1000 + i as u64
            };
        }
        Signature(s)
    }

    /// The one-statement lookup finds what a statement per band found.
    #[test]
    fn one_statement_lsh_rows_equal_a_statement_per_band() {
        let a = SqliteStore::open_in_memory().expect("store");
        let b = SqliteStore::open_in_memory().expect("store");
        // rows without their documents: only the LSH table is under test
        for c in [&a.conn, &b.conn] {
            c.pragma_update(None, "foreign_keys", false)
                .expect("pragma");
        }
        let sigs: Vec<Signature> = (0..40).map(|x| sig(x, (x as usize % 5) * 8)).collect();
        for (seq, s) in sigs.iter().enumerate() {
            let seq = seq as i64 % 30; // repeats: rows that are ignored on conflict
            insert_lsh(&a.conn, s, seq).expect("insert");
            let mut st = b
                .conn
                .prepare("INSERT OR IGNORE INTO doc_lsh (band, key, doc_seq) VALUES (?1, ?2, ?3)")
                .expect("prepare");
            for (band, key) in s.band_keys().iter().enumerate() {
                st.execute(params![band as i64, key, seq]).expect("insert");
            }
        }
        let dump = |c: &Connection| -> Vec<(i64, i64, i64)> {
            let mut st = c
                .prepare("SELECT band, key, doc_seq FROM doc_lsh ORDER BY band, key, doc_seq")
                .expect("prepare");
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .expect("query")
                .map(|r| r.expect("row"))
                .collect()
        };
        assert_eq!(dump(&a.conn), dump(&b.conn));
        for x in [0, 3, 7, 39, 100] {
            let probe = sig(x, 16);
            let mut new = lsh_candidates(&a.conn, &probe).expect("lookup");
            let mut old = Vec::new();
            let mut st = a
                .conn
                .prepare("SELECT doc_seq FROM doc_lsh WHERE band = ?1 AND key = ?2")
                .expect("prepare");
            for (band, key) in probe.band_keys().iter().enumerate() {
                for r in st
                    .query_map(params![band as i64, key], |r| r.get::<_, i64>(0))
                    .expect("query")
                {
                    old.push(r.expect("row"));
                }
            }
            new.sort_unstable();
            old.sort_unstable();
            assert_eq!(new, old, "probe {x}");
        }
    }
}
