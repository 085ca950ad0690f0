-- Version 3: the full-text index holds clitic-stripped stems in match form (crate::index::terms)
-- instead of whole match-normalised words, so بالموصل and الموصل find each other. The table is
-- rebuilt; schema.rs re-fills it from documents.text in the same transaction.
DROP TABLE doc_search;
CREATE VIRTUAL TABLE doc_search USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0');
