//! Output formats for events and incidents: a readable table, JSON, CSV in ACLED-like columns,
//! GeoJSON (a FeatureCollection of points that opens in QGIS) and Parquet (feature `parquet`).
//!
//! GeoJSON rule: rows **without coordinates are omitted** (QGIS and most GIS tools handle a
//! layer of points better than one with null geometries); the number omitted is returned so the
//! caller can say so. Properties are flat scalars, since QGIS shows nested objects as strings.
//!
//! CSV columns follow ACLED (event_id, event_date, time_precision 1=day/2=week/3=coarser,
//! event_type, sub_event_type, actor1, actor2, country, admin1, location, latitude, longitude,
//! geo_precision, source, notes, fatalities) with our types in event_type/sub_event_type (the
//! ACLED code itself is in the `acled` column), followed by our fields (wounded, kidnapped,
//! arrested, qualifiers, confidence, evidence, incident_id). An unknown count is an empty cell,
//! never 0: "not reported" and "nobody" are different facts.

use std::io::Write;

use serde_json::{Value, json};

use crate::{CountRow, EventRow, IncidentCount, IncidentRow, Result};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned, tab-separated text for reading.
    Table,
    /// One JSON array.
    Json,
    /// CSV with a header.
    Csv,
    /// GeoJSON FeatureCollection.
    Geojson,
    /// Apache Parquet (needs the `parquet` feature).
    Parquet,
}

fn time_precision(p: Option<&str>) -> &'static str {
    match p {
        Some("day") => "1",
        Some("week") => "2",
        Some(_) => "3",
        None => "",
    }
}

fn num(c: &Option<CountRow>) -> String {
    c.as_ref().map(|c| c.value.to_string()).unwrap_or_default()
}

fn qualifiers(e: &EventRow) -> String {
    let mut q = Vec::new();
    for (name, c) in [
        ("killed", &e.killed),
        ("wounded", &e.wounded),
        ("kidnapped", &e.kidnapped),
        ("arrested", &e.arrested),
    ] {
        if let Some(c) = c
            && c.qualifier != "exact"
        {
            q.push(format!("{name}={}({}-{})", c.qualifier, c.min, c.max));
        }
    }
    q.join(";")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn range(c: &Option<IncidentCount>) -> String {
    match c {
        Some(c) if c.min != c.max => format!("{} ({}–{})", c.consensus, c.min, c.max),
        Some(c) => c.consensus.to_string(),
        None => "-".into(),
    }
}

const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "wounded",
    "kidnapped",
    "arrested",
    "qualifiers",
    "confidence",
    "evidence",
    "incident_id",
    "date_end",
    "acled",
    "doc_id",
];

fn event_record(e: &EventRow) -> Vec<String> {
    vec![
        e.id.clone(),
        opt(&e.date_start),
        time_precision(e.date_precision.as_deref()).into(),
        e.kind.clone(),
        opt(&e.subtype),
        opt(&e.perpetrator),
        e.targets.join("; "),
        opt(&e.country),
        opt(&e.admin1),
        opt(&e.place),
        opt(&e.lat),
        opt(&e.lon),
        opt(&e.geo_precision),
        e.url.clone().unwrap_or_else(|| e.source.clone()),
        e.title.clone().unwrap_or_default(),
        num(&e.killed),
        num(&e.wounded),
        num(&e.kidnapped),
        num(&e.arrested),
        qualifiers(e),
        format!("{:.2}", e.confidence),
        e.evidence.clone(),
        opt(&e.incident_id),
        opt(&e.date_end),
        opt(&e.acled),
        e.doc_id.clone(),
    ]
}

const INCIDENT_COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "fatalities",
    "fatalities_min",
    "fatalities_max",
    "wounded",
    "wounded_min",
    "wounded_max",
    "kidnapped",
    "arrested",
    "disputed",
    "disputed_fields",
    "n_sources",
    "n_events",
    "date_end",
    "source_events",
];

fn incident_record(i: &IncidentRow) -> Vec<String> {
    let c = |c: &Option<IncidentCount>| {
        c.as_ref()
            .map(|c| c.consensus.to_string())
            .unwrap_or_default()
    };
    let lo = |c: &Option<IncidentCount>| c.as_ref().map(|c| c.min.to_string()).unwrap_or_default();
    let hi = |c: &Option<IncidentCount>| c.as_ref().map(|c| c.max.to_string()).unwrap_or_default();
    let sources: Vec<String> = i
        .sources
        .iter()
        .map(|s| {
            s.event
                .url
                .clone()
                .unwrap_or_else(|| s.event.source.clone())
        })
        .collect();
    vec![
        i.id.clone(),
        opt(&i.date_start),
        time_precision(i.date_precision.as_deref()).into(),
        i.kind.clone(),
        opt(&i.subtype),
        opt(&i.perpetrator),
        opt(&i.country),
        opt(&i.admin1),
        opt(&i.place),
        opt(&i.lat),
        opt(&i.lon),
        opt(&i.geo_precision),
        sources.join(" | "),
        c(&i.killed),
        lo(&i.killed),
        hi(&i.killed),
        c(&i.wounded),
        lo(&i.wounded),
        hi(&i.wounded),
        c(&i.kidnapped),
        c(&i.arrested),
        i.disputed.to_string(),
        i.disputed_fields.join(","),
        i.n_sources.to_string(),
        i.n_events.to_string(),
        opt(&i.date_end),
        i.sources
            .iter()
            .map(|s| s.event_id.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    ]
}

fn write_csv(
    w: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(header)?;
    for r in rows {
        c.write_record(&r)?;
    }
    c.flush()?;
    Ok(())
}

/// Properties of a GeoJSON feature: the CSV columns with numbers as numbers.
fn properties(header: &[&str], record: &[String]) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    for (k, v) in header.iter().zip(record) {
        let val = if v.is_empty() {
            Value::Null
        } else if let Ok(n) = v.parse::<i64>() {
            json!(n)
        } else if let Ok(f) = v.parse::<f64>()
            && !matches!(*k, "event_id" | "doc_id")
        {
            json!(f)
        } else {
            json!(v)
        };
        m.insert((*k).to_string(), val);
    }
    m
}

fn write_geojson(
    w: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = (Option<(f64, f64)>, Vec<String>)>,
) -> Result<usize> {
    let mut features = Vec::new();
    let mut omitted = 0;
    for (coords, rec) in rows {
        let Some((lat, lon)) = coords else {
            omitted += 1;
            continue;
        };
        features.push(json!({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties(header, &rec),
        }));
    }
    serde_json::to_writer(
        &mut *w,
        &json!({"type": "FeatureCollection", "features": features}),
    )?;
    writeln!(w)?;
    Ok(omitted)
}

/// Write events; returns how many rows were left out (GeoJSON rows without coordinates).
pub fn write_events(w: &mut dyn Write, format: Format, rows: &[EventRow]) -> Result<usize> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, rows)?;
            writeln!(w)?;
        }
        Format::Csv => write_csv(w, EVENT_COLUMNS, rows.iter().map(event_record))?,
        Format::Geojson => {
            return write_geojson(
                w,
                EVENT_COLUMNS,
                rows.iter().map(|e| (e.lat.zip(e.lon), event_record(e))),
            );
        }
        Format::Parquet => write_parquet(w, EVENT_COLUMNS, rows.iter().map(event_record))?,
        Format::Table => {
            writeln!(
                w,
                "date\ttype/subtype\tplace\tcountry\tperpetrator\tkilled\twounded\tincident\tsource"
            )?;
            for e in rows {
                writeln!(
                    w,
                    "{}\t{}/{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    e.date_start.as_deref().unwrap_or("?"),
                    e.kind,
                    e.subtype.as_deref().unwrap_or("-"),
                    e.place.as_deref().unwrap_or("-"),
                    e.country.as_deref().unwrap_or("-"),
                    e.perpetrator.as_deref().unwrap_or("-"),
                    e.killed
                        .as_ref()
                        .map_or("-".into(), |c| c.value.to_string()),
                    e.wounded
                        .as_ref()
                        .map_or("-".into(), |c| c.value.to_string()),
                    e.incident_id.as_deref().unwrap_or("-"),
                    e.source,
                )?;
            }
        }
    }
    Ok(0)
}

/// Write incidents; returns how many rows were left out (GeoJSON rows without coordinates).
pub fn write_incidents(w: &mut dyn Write, format: Format, rows: &[IncidentRow]) -> Result<usize> {
    match format {
        Format::Json => {
            let v: Vec<Value> = rows.iter().map(incident_json).collect();
            serde_json::to_writer_pretty(&mut *w, &v)?;
            writeln!(w)?;
        }
        Format::Csv => write_csv(w, INCIDENT_COLUMNS, rows.iter().map(incident_record))?,
        Format::Geojson => {
            return write_geojson(
                w,
                INCIDENT_COLUMNS,
                rows.iter().map(|i| (i.lat.zip(i.lon), incident_record(i))),
            );
        }
        Format::Parquet => write_parquet(w, INCIDENT_COLUMNS, rows.iter().map(incident_record))?,
        Format::Table => {
            writeln!(
                w,
                "date\ttype/subtype\tplace\tcountry\tperpetrator\tkilled\twounded\tsources\tdisputed\tid"
            )?;
            for i in rows {
                writeln!(
                    w,
                    "{}\t{}/{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    i.date_start.as_deref().unwrap_or("?"),
                    i.kind,
                    i.subtype.as_deref().unwrap_or("-"),
                    i.place.as_deref().unwrap_or("-"),
                    i.country.as_deref().unwrap_or("-"),
                    i.perpetrator.as_deref().unwrap_or("-"),
                    range(&i.killed),
                    range(&i.wounded),
                    i.n_sources,
                    if i.disputed {
                        i.disputed_fields.join(",")
                    } else {
                        "-".into()
                    },
                    i.id,
                )?;
            }
        }
    }
    Ok(0)
}

/// An incident as JSON: consensus, and for each field the per-source values.
pub fn incident_json(i: &IncidentRow) -> Value {
    let per_source = |f: fn(&EventRow) -> Value| -> Vec<Value> {
        i.sources
            .iter()
            .map(|s| json!({"event": s.event_id, "doc": s.event.doc_id, "value": f(&s.event)}))
            .filter(|v| !v["value"].is_null())
            .collect()
    };
    let count = |c: &Option<IncidentCount>, f: fn(&EventRow) -> Value| {
        json!({
            "consensus": c.as_ref().map(|c| c.consensus),
            "min": c.as_ref().map(|c| c.min),
            "max": c.as_ref().map(|c| c.max),
            "values": per_source(f),
        })
    };
    json!({
        "id": i.id,
        "type": i.kind,
        "subtype": i.subtype,
        "date": {"start": i.date_start, "end": i.date_end, "precision": i.date_precision,
                 "values": per_source(|e| json!(e.date_start.as_ref().map(|s| json!({"start": s, "end": e.date_end, "precision": e.date_precision}))))},
        "location": {"name": i.place, "country": i.country, "admin1": i.admin1, "lat": i.lat, "lon": i.lon,
                     "precision": i.geo_precision, "values": per_source(|e| json!(e.place))},
        "perpetrator": {"entity": i.perpetrator_entity, "name": i.perpetrator,
                        "values": per_source(|e| json!(e.perpetrator))},
        "killed": count(&i.killed, |e| json!(e.killed)),
        "wounded": count(&i.wounded, |e| json!(e.wounded)),
        "kidnapped": count(&i.kidnapped, |e| json!(e.kidnapped)),
        "arrested": count(&i.arrested, |e| json!(e.arrested)),
        "disputed": i.disputed,
        "disputed_fields": i.disputed_fields,
        "n_sources": i.n_sources,
        "n_events": i.n_events,
        "sources": i.sources.iter().map(|s| json!({
            "event_id": s.event_id, "role": s.role, "doc_id": s.event.doc_id, "source": s.event.source,
            "url": s.event.url, "title": s.event.title, "doc_date": s.event.doc_date, "duplicate": s.event.duplicate,
            "evidence": s.event.evidence,
        })).collect::<Vec<_>>(),
    })
}

/// Columns that are numbers in Parquet (the rest are UTF-8 strings).
fn parquet_kind(col: &str) -> u8 {
    match col {
        "latitude" | "longitude" | "confidence" => 2,
        "time_precision" | "fatalities" | "fatalities_min" | "fatalities_max" | "wounded"
        | "wounded_min" | "wounded_max" | "kidnapped" | "arrested" | "n_sources" | "n_events" => 1,
        _ => 0,
    }
}

#[cfg(feature = "parquet")]
fn write_parquet(
    w: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<()> {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;

    let rows: Vec<Vec<String>> = rows.collect();
    let fields: Vec<Field> = header
        .iter()
        .map(|h| {
            let t = match parquet_kind(h) {
                1 => DataType::Int64,
                2 => DataType::Float64,
                _ => DataType::Utf8,
            };
            Field::new(*h, t, true)
        })
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let columns: Vec<ArrayRef> = header
        .iter()
        .enumerate()
        .map(|(i, h)| -> ArrayRef {
            let cells = rows.iter().map(|r| r.get(i).filter(|s| !s.is_empty()));
            match parquet_kind(h) {
                1 => Arc::new(Int64Array::from(
                    cells
                        .map(|c| c.and_then(|s| s.parse::<i64>().ok()))
                        .collect::<Vec<_>>(),
                )),
                2 => Arc::new(Float64Array::from(
                    cells
                        .map(|c| c.and_then(|s| s.parse::<f64>().ok()))
                        .collect::<Vec<_>>(),
                )),
                _ => Arc::new(StringArray::from(
                    cells.map(|c| c.map(String::as_str)).collect::<Vec<_>>(),
                )),
            }
        })
        .collect();
    let batch = RecordBatch::try_new(schema.clone(), columns)
        .map_err(|e| crate::Error::Parquet(e.to_string()))?;
    // ArrowWriter needs an owned Write + Send; buffer, then copy out.
    let mut buf = Vec::new();
    {
        let mut pw = ArrowWriter::try_new(&mut buf, schema, None)
            .map_err(|e| crate::Error::Parquet(e.to_string()))?;
        pw.write(&batch)
            .map_err(|e| crate::Error::Parquet(e.to_string()))?;
        pw.close()
            .map_err(|e| crate::Error::Parquet(e.to_string()))?;
    }
    w.write_all(&buf)?;
    Ok(())
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(
    _w: &mut dyn Write,
    _header: &[&str],
    _rows: impl Iterator<Item = Vec<String>>,
) -> Result<()> {
    let _ = parquet_kind;
    Err(crate::Error::Parquet(
        "this build has no Parquet support (enable the `parquet` feature)".into(),
    ))
}
