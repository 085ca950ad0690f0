-- Version 2: full-text search over the match-normalised text of each document (FTS5, external
-- content = none: we only need document seqs back, the text lives in documents.text).
CREATE VIRTUAL TABLE doc_search USING fts5(norm, content='', tokenize='unicode61 remove_diacritics 0');
