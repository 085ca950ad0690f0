-- Marsad store schema, version 1: documents, entities, mentions, relations, events, sources, incidents.
-- Offsets are CHARACTER offsets into documents.text, end exclusive (the extract-json contract).
-- Dates are ISO 'YYYY-MM-DD' text so that string order is date order.

CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,          -- ingest order; stable across re-runs of the same input
    id           TEXT NOT NULL UNIQUE,         -- sha256 hex of the cleaned text (model::Document.id)
    source       TEXT NOT NULL,
    url          TEXT,
    title        TEXT,
    date         TEXT,
    text         TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES documents(seq),  -- near-duplicate (wire copy) of this document
    similarity   REAL                          -- estimated Jaccard with duplicate_of
);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- MinHash signature (64 x u64, little endian) and its LSH band keys.
CREATE TABLE doc_minhash (
    doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq),
    sig     BLOB NOT NULL
);
CREATE TABLE doc_lsh (
    band    INTEGER NOT NULL,
    key     INTEGER NOT NULL,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    PRIMARY KEY (band, key, doc_seq)
) WITHOUT ROWID;

CREATE TABLE entities (
    id        TEXT PRIMARY KEY,                -- canonical id, e.g. org:isis
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_en   TEXT,
    wikidata  TEXT,
    name_norm TEXT NOT NULL                    -- match-normalised name, for lookups
);
CREATE INDEX entities_name_norm ON entities(name_norm);

CREATE TABLE mentions (
    doc_seq   INTEGER NOT NULL REFERENCES documents(seq),
    entity_id TEXT NOT NULL REFERENCES entities(id),
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    text_norm TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_text_norm ON mentions(text_norm);
CREATE INDEX mentions_doc ON mentions(doc_seq);

CREATE TABLE relations (
    doc_seq        INTEGER NOT NULL REFERENCES documents(seq),
    subject        TEXT NOT NULL,
    relation       TEXT NOT NULL,
    object         TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL
);
CREATE INDEX relations_subject ON relations(subject);
CREATE INDEX relations_object ON relations(object);

CREATE TABLE events (
    id                 TEXT PRIMARY KEY,       -- '<first 16 hex of doc id>:<event id in the document>'
    doc_seq            INTEGER NOT NULL REFERENCES documents(seq),
    local_id           TEXT NOT NULL,
    type               TEXT NOT NULL,
    subtype            TEXT,
    date_start         TEXT,
    date_end           TEXT,
    date_precision     TEXT,
    date_text          TEXT,
    place              TEXT,
    country            TEXT,
    admin1             TEXT,
    lat                REAL,
    lon                REAL,
    geo_precision      TEXT,
    geonames_id        INTEGER,
    perpetrator_entity TEXT,
    perpetrator_name   TEXT,
    targets            TEXT NOT NULL,          -- JSON array of {entity,name}
    killed_value INTEGER, killed_qualifier TEXT, killed_min INTEGER, killed_max INTEGER,
    wounded_value INTEGER, wounded_qualifier TEXT, wounded_min INTEGER, wounded_max INTEGER,
    kidnapped_value INTEGER, kidnapped_qualifier TEXT, kidnapped_min INTEGER, kidnapped_max INTEGER,
    arrested_value INTEGER, arrested_qualifier TEXT, arrested_min INTEGER, arrested_max INTEGER,
    claimed            INTEGER NOT NULL,
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    evidence_text      TEXT NOT NULL,
    confidence         REAL NOT NULL,
    cameo              TEXT,
    acled              TEXT,
    gtd                TEXT,
    duplicate          INTEGER NOT NULL,       -- 1 when the document is a near-duplicate copy
    incident_id        TEXT,
    json               TEXT NOT NULL           -- the contract's event object, verbatim
);
CREATE INDEX events_doc ON events(doc_seq);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_incident ON events(incident_id);

-- Which document span supports which field of which event.
CREATE TABLE event_sources (
    event_id TEXT NOT NULL REFERENCES events(id),
    doc_seq  INTEGER NOT NULL REFERENCES documents(seq),
    field    TEXT NOT NULL,                    -- evidence | date | location | perpetrator | target | killed ...
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX event_sources_event ON event_sources(event_id);

-- One real-world incident, reported by one or more events (of one or more documents).
-- Columns hold the consensus; per-source values live in the member events.
CREATE TABLE incidents (
    id                 TEXT PRIMARY KEY,       -- 'inc:' + id of the founding event
    seq                INTEGER NOT NULL UNIQUE,
    type               TEXT NOT NULL,
    subtype            TEXT,
    date_start         TEXT,
    date_end           TEXT,
    date_precision     TEXT,
    window_start       TEXT,                   -- union of the member windows, for candidate lookup
    window_end         TEXT,
    country            TEXT,
    admin1             TEXT,
    place              TEXT,
    lat                REAL,
    lon                REAL,
    geo_precision      TEXT,
    perpetrator_entity TEXT,
    perpetrator_name   TEXT,
    killed INTEGER, killed_min INTEGER, killed_max INTEGER,
    wounded INTEGER, wounded_min INTEGER, wounded_max INTEGER,
    kidnapped INTEGER, kidnapped_min INTEGER, kidnapped_max INTEGER,
    arrested INTEGER, arrested_min INTEGER, arrested_max INTEGER,
    disputed           INTEGER NOT NULL,
    disputed_fields    TEXT NOT NULL,          -- comma separated
    n_sources          INTEGER NOT NULL,       -- distinct documents
    n_events           INTEGER NOT NULL
);
CREATE INDEX incidents_lookup ON incidents(country, window_end);

CREATE TABLE incident_events (
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    event_id    TEXT PRIMARY KEY REFERENCES events(id),
    doc_seq     INTEGER NOT NULL,
    role        TEXT NOT NULL                  -- founder | merged | duplicate
);
CREATE INDEX incident_events_incident ON incident_events(incident_id);
