//! Schema migrations: the ordered `migrations/*.sql` files, applied in one transaction each and
//! recorded in `PRAGMA user_version` (version N = the first N files applied).
//!
//! It does not migrate down, and refuses a file whose version is newer than this build knows.

use rusqlite::{Connection, Transaction, params};

use crate::{Error, Result};

/// A data step run after a migration's SQL, in the same transaction.
type Step = fn(&Transaction<'_>) -> Result<()>;

/// The migrations, in order. Version N means `MIGRATIONS[..N]` have been applied.
pub(crate) const MIGRATIONS: &[(&str, &str, Option<Step>)] = &[
    (
        "0001_init",
        include_str!("../migrations/0001_init.sql"),
        None,
    ),
    (
        "0002_search",
        include_str!("../migrations/0002_search.sql"),
        None,
    ),
    (
        "0003_search_stems",
        include_str!("../migrations/0003_search_stems.sql"),
        Some(reindex),
    ),
];

/// Re-fill the full-text index from the stored texts.
fn reindex(tx: &Transaction<'_>) -> Result<()> {
    let mut read = tx.prepare("SELECT seq, text FROM documents ORDER BY seq")?;
    let mut write = tx.prepare("INSERT INTO doc_search (rowid, terms) VALUES (?1, ?2)")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let text: String = r.get(1)?;
        write.execute(params![seq, crate::index::terms(&text)])?;
    }
    Ok(())
}

/// Newest schema version this build knows.
pub(crate) const VERSION: i64 = MIGRATIONS.len() as i64;

/// Bring a database up to [`VERSION`].
pub(crate) fn migrate(conn: &mut Connection) -> Result<i64> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > VERSION {
        return Err(Error::TooNew {
            found,
            known: VERSION,
        });
    }
    for (i, (_name, sql, step)) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        // Each step and its version bump commit together, so a crash mid-migration leaves the
        // previous version intact.
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        if let Some(step) = step {
            step(&tx)?;
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(VERSION)
}
