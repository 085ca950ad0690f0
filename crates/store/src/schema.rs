//! Schema migrations: the ordered `migrations/*.sql` files, applied in one transaction each and
//! recorded in `PRAGMA user_version` (version N = the first N files applied).
//!
//! It does not migrate down, and refuses a file whose version is newer than this build knows.

use rusqlite::Connection;

use crate::{Error, Result};

/// The migrations, in order. Version N means `MIGRATIONS[..N]` have been applied.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    ("0002_search", include_str!("../migrations/0002_search.sql")),
];

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
    for (i, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        // Each step and its version bump commit together, so a crash mid-migration leaves the
        // previous version intact.
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(VERSION)
}
