//! RSS and Atom feeds (via `feed-rs`): one document per item, from its content or summary
//! with HTML stripped, its title, publication (or update) date and first link.
//!
//! The feed is parsed whole (feeds are small; the size is capped by
//! `Options::max_entry_bytes`). An item with no text is reported and the others are kept. It
//! does not fetch the linked pages: feeds often carry only a summary, which is what is read.

use std::sync::Arc;

use crate::clean::title_opt;
use crate::html::fragment_text;
use crate::source::{DocIter, once};
use crate::{Error, Options, RawDoc};

/// The documents of a feed.
pub(crate) fn feed_docs(name: &str, bytes: &[u8], opts: &Arc<Options>) -> DocIter {
    let parsed = std::panic::catch_unwind(|| feed_rs::parser::parse(bytes));
    let feed = match parsed {
        Ok(Ok(f)) => f,
        Ok(Err(e)) => {
            return once(Err(Error::invalid(
                name,
                format!("not a valid RSS/Atom feed: {e}"),
            )));
        }
        Err(_) => {
            return once(Err(Error::invalid(
                name,
                "the feed parser failed on this input",
            )));
        }
    };
    if feed.entries.is_empty() {
        return once(Err(Error::invalid(name, "feed has no items")));
    }
    let name = name.to_string();
    let opts = opts.clone();
    Box::new(feed.entries.into_iter().enumerate().map(move |(i, entry)| {
        let loc = format!("{}#{}", name, i + 1);
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(fragment_text)
            .filter(|t| !t.is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| fragment_text(&s.content))
                    .filter(|t| !t.is_empty())
            });
        let Some(text) = body else {
            return Err(Error::empty(loc, "feed item has no content or summary"));
        };
        Ok(RawDoc {
            source: loc,
            url: entry.links.first().map(|l| l.href.clone()),
            title: entry
                .title
                .as_ref()
                .and_then(|t| title_opt(&fragment_text(&t.content))),
            date: entry
                .published
                .or(entry.updated)
                .map(|d| d.date_naive())
                .or(opts.default_date),
            text,
        })
    }))
}
