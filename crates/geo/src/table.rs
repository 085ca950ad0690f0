//! The gazetteer's binary file: writing it (from [`PlaceRec`]s) and reading it in place.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! header   32 B  magic "MRSDGAZ1", version u32, n_places u32, n_keys u32, n_countries u32,
//!                strings_len u32, reserved u32
//! places   n_places × 40 B   geonames id u32, lat i32 (1e-5°), lon i32, population u32,
//!                            country [u8;2], kind u8, flags u8, admin1 place u32 (u32::MAX = none),
//!                            name_ar (off u32, len u16), name_en (off u32, len u16), radius_km u16,
//!                            2 B padding
//! keys     n_keys × 12 B     key (off u32, len u16), flags u16, place u32; sorted by key bytes
//!                            then place, so all places of one key are one binary-searched run
//! countries n_countries × 24 B  iso2 [u8;2], 2 B padding, place u32, bbox (min lat, min lon,
//!                            max lat, max lon) i32 × 4 in 1e-5°
//! strings  strings_len B     UTF-8, deduplicated
//! ```
//!
//! The reader never copies: it checks the header and section sizes once, then answers queries by
//! binary search straight over the bytes (the bundled file is `include_bytes!`'d, so loading is a
//! bounds check). It does not rank candidates or know about Arabic; see `fold` and `rank`.

use std::collections::BTreeMap;

use crate::Error;

const MAGIC: &[u8; 8] = b"MRSDGAZ1";
const VERSION: u32 = 1;
const HEADER: usize = 32;
const PLACE: usize = 40;
const KEY: usize = 12;
const COUNTRY: usize = 24;

/// What kind of place a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A sovereign country or territory.
    Country = 0,
    /// A first-level administrative division (governorate, province, state).
    Admin1 = 1,
    /// A populated place (GeoNames feature class P).
    City = 2,
    /// A region, sea or area from the curated region list.
    Region = 3,
}

impl Kind {
    fn from_u8(b: u8) -> Kind {
        match b {
            0 => Kind::Country,
            1 => Kind::Admin1,
            3 => Kind::Region,
            _ => Kind::City,
        }
    }

    /// The contract's precision word for this kind.
    pub fn precision(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::City => "city",
            Kind::Region => "region",
        }
    }
}

/// Key flag: the key is a Latin-script name (for users typing English names).
pub const KEY_LATIN: u16 = 1;
/// Key flag: the key is the place's main Arabic name (not an alternate spelling).
pub const KEY_MAIN: u16 = 2;
/// Key flag: the key is a consonant skeleton of a romanised name ([`crate::translit`]), for
/// places with no Arabic-script name; looked up only as a last resort.
pub const KEY_TRANSLIT: u16 = 4;
/// Key flag: the key is also a common Arabic word (`data/stop_names.txt`: الشرقية "the eastern",
/// معسكر "camp"); the ranker only reads it as this place after a trigger word (محافظة الشرقية).
pub const KEY_COMMON: u16 = 8;

/// A place as the builder hands it to the writer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRec {
    /// GeoNames id, 0 when the place is not from GeoNames.
    pub id: u32,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u32,
    /// ISO 3166-1 alpha-2, or "" for places spanning countries.
    pub country: String,
    /// Kind of place.
    pub kind: Kind,
    /// Flags (bit 0: the country's capital).
    pub flags: u8,
    /// Index of this place's admin1 record.
    pub admin1: Option<u32>,
    /// Display name in Arabic ("" if none).
    pub name_ar: String,
    /// Display name in English/Latin.
    pub name_en: String,
    /// Rough radius in km (regions).
    pub radius_km: u16,
    /// Lookup keys with flags.
    pub keys: Vec<(String, u16)>,
}

/// Place flag: the country's capital.
pub const FLAG_CAPITAL: u8 = 1;

/// A country's bounding box (of its largest polygon), degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Southern edge.
    pub min_lat: f64,
    /// Western edge.
    pub min_lon: f64,
    /// Northern edge.
    pub max_lat: f64,
    /// Eastern edge.
    pub max_lon: f64,
}

fn deg(v: f64) -> i32 {
    (v * 1e5).round() as i32
}

fn undeg(v: i32) -> f64 {
    f64::from(v) / 1e5
}

/// Serialise places (already in their final order) and country boxes.
pub fn write(places: &[PlaceRec], countries: &[(String, u32, BBox)]) -> Vec<u8> {
    // Deduplicated string pool, offsets assigned in sorted order so output is stable.
    let mut pool: BTreeMap<&str, u32> = BTreeMap::new();
    for p in places {
        pool.insert(&p.name_ar, 0);
        pool.insert(&p.name_en, 0);
        for (k, _) in &p.keys {
            pool.insert(k, 0);
        }
    }
    let mut strings = Vec::new();
    for (s, off) in pool.iter_mut() {
        *off = strings.len() as u32;
        strings.extend_from_slice(s.as_bytes());
    }
    let mut keys: Vec<(&str, u16, u32)> = Vec::new();
    for (i, p) in places.iter().enumerate() {
        for (k, f) in &p.keys {
            keys.push((k, *f, i as u32));
        }
    }
    keys.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then(a.2.cmp(&b.2)));
    keys.dedup_by(|a, b| {
        if a.0 == b.0 && a.2 == b.2 {
            b.1 |= a.1;
            true
        } else {
            false
        }
    });

    let mut out = Vec::with_capacity(
        HEADER
            + places.len() * PLACE
            + keys.len() * KEY
            + countries.len() * COUNTRY
            + strings.len(),
    );
    out.extend_from_slice(MAGIC);
    for v in [
        VERSION,
        places.len() as u32,
        keys.len() as u32,
        countries.len() as u32,
        strings.len() as u32,
        0,
    ] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let s = |x: &str| pool.get(x).copied().unwrap_or(0);
    for p in places {
        out.extend_from_slice(&p.id.to_le_bytes());
        out.extend_from_slice(&deg(p.lat).to_le_bytes());
        out.extend_from_slice(&deg(p.lon).to_le_bytes());
        out.extend_from_slice(&p.population.to_le_bytes());
        out.extend_from_slice(&cc_bytes(&p.country));
        out.push(p.kind as u8);
        out.push(p.flags);
        out.extend_from_slice(&p.admin1.unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(&s(&p.name_ar).to_le_bytes());
        out.extend_from_slice(&(p.name_ar.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&s(&p.name_en).to_le_bytes());
        out.extend_from_slice(&(p.name_en.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&p.radius_km.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
    }
    for (k, f, place) in &keys {
        out.extend_from_slice(&s(k).to_le_bytes());
        out.extend_from_slice(&(k.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&f.to_le_bytes());
        out.extend_from_slice(&place.to_le_bytes());
    }
    for (cc, place, b) in countries {
        out.extend_from_slice(&cc_bytes(cc));
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&place.to_le_bytes());
        for v in [b.min_lat, b.min_lon, b.max_lat, b.max_lon] {
            out.extend_from_slice(&deg(v).to_le_bytes());
        }
    }
    out.extend_from_slice(&strings);
    out
}

fn cc_bytes(cc: &str) -> [u8; 2] {
    let b = cc.as_bytes();
    if b.len() == 2 { [b[0], b[1]] } else { [0, 0] }
}

/// A place read from the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place<'t> {
    /// Index in the table.
    pub index: u32,
    /// GeoNames id (0 = not from GeoNames).
    pub id: u32,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population (0 = unknown).
    pub population: u32,
    /// ISO alpha-2 ("" = none).
    pub country: &'t str,
    /// Kind.
    pub kind: Kind,
    /// Flags.
    pub flags: u8,
    /// Admin1 place index.
    pub admin1: Option<u32>,
    /// Arabic display name.
    pub name_ar: &'t str,
    /// Latin display name.
    pub name_en: &'t str,
    /// Radius in km (regions).
    pub radius_km: u16,
}

/// A read-only view over gazetteer bytes.
#[derive(Debug, Clone, Copy)]
pub struct Table<'b> {
    bytes: &'b [u8],
    n_places: usize,
    n_keys: usize,
    n_countries: usize,
    places_at: usize,
    keys_at: usize,
    countries_at: usize,
    strings_at: usize,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

fn i32_at(b: &[u8], at: usize) -> i32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    i32::from_le_bytes(a)
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

impl<'b> Table<'b> {
    /// Check the header and section sizes of `bytes`, and every string reference.
    pub fn parse(bytes: &'b [u8], path: &str) -> Result<Table<'b>, Error> {
        let bad = |reason: &str| Error::Format {
            path: path.to_string(),
            reason: reason.to_string(),
        };
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(bad("not a Marsad gazetteer (bad magic)"));
        }
        if u32_at(bytes, 8) != VERSION {
            return Err(bad("unsupported gazetteer version"));
        }
        let n_places = u32_at(bytes, 12) as usize;
        let n_keys = u32_at(bytes, 16) as usize;
        let n_countries = u32_at(bytes, 20) as usize;
        let strings_len = u32_at(bytes, 24) as usize;
        let places_at = HEADER;
        let keys_at = places_at + n_places * PLACE;
        let countries_at = keys_at + n_keys * KEY;
        let strings_at = countries_at + n_countries * COUNTRY;
        if strings_at + strings_len != bytes.len() {
            return Err(bad("section sizes do not add up to the file size"));
        }
        let t = Table {
            bytes,
            n_places,
            n_keys,
            n_countries,
            places_at,
            keys_at,
            countries_at,
            strings_at,
        };
        // One pass of validation so that later reads cannot go out of bounds or split UTF-8.
        let strings = &bytes[strings_at..];
        let check_str = |off: u32, len: u16| -> bool {
            let (o, l) = (off as usize, len as usize);
            o + l <= strings.len() && std::str::from_utf8(&strings[o..o + l]).is_ok()
        };
        for i in 0..n_places {
            let at = places_at + i * PLACE;
            if !check_str(u32_at(bytes, at + 24), u16_at(bytes, at + 28))
                || !check_str(u32_at(bytes, at + 30), u16_at(bytes, at + 34))
            {
                return Err(bad("place name out of range"));
            }
            let a1 = u32_at(bytes, at + 20);
            if a1 != u32::MAX && a1 as usize >= n_places {
                return Err(bad("admin1 reference out of range"));
            }
            if std::str::from_utf8(&bytes[at + 16..at + 18]).is_err() {
                return Err(bad("country code is not ASCII"));
            }
        }
        for i in 0..n_keys {
            let at = keys_at + i * KEY;
            if !check_str(u32_at(bytes, at), u16_at(bytes, at + 4))
                || u32_at(bytes, at + 8) as usize >= n_places
            {
                return Err(bad("key out of range"));
            }
        }
        for i in 0..n_countries {
            let at = countries_at + i * COUNTRY;
            if u32_at(bytes, at + 4) as usize >= n_places {
                return Err(bad("country place out of range"));
            }
        }
        Ok(t)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.n_places
    }

    /// Whether the table holds no place.
    pub fn is_empty(&self) -> bool {
        self.n_places == 0
    }

    /// Number of keys.
    pub fn key_count(&self) -> usize {
        self.n_keys
    }

    fn str_at(&self, off: u32, len: u16) -> &'b str {
        let o = self.strings_at + off as usize;
        // Validated in `parse`; an empty string is the safe fallback.
        std::str::from_utf8(&self.bytes[o..o + len as usize]).unwrap_or("")
    }

    /// The place at `index`.
    pub fn place(&self, index: u32) -> Place<'b> {
        let b = self.bytes;
        let at = self.places_at + index as usize * PLACE;
        let a1 = u32_at(b, at + 20);
        let cc = std::str::from_utf8(&b[at + 16..at + 18]).unwrap_or("");
        Place {
            index,
            id: u32_at(b, at),
            lat: undeg(i32_at(b, at + 4)),
            lon: undeg(i32_at(b, at + 8)),
            population: u32_at(b, at + 12),
            country: if cc.as_bytes() == [0, 0] { "" } else { cc },
            kind: Kind::from_u8(b[at + 18]),
            flags: b[at + 19],
            admin1: (a1 != u32::MAX).then_some(a1),
            name_ar: self.str_at(u32_at(b, at + 24), u16_at(b, at + 28)),
            name_en: self.str_at(u32_at(b, at + 30), u16_at(b, at + 34)),
            radius_km: u16_at(b, at + 36),
        }
    }

    /// The raw bytes of key `i`: the binary search compares bytes, so it need not re-check
    /// UTF-8 at every probe (that check was half the cost of a lookup).
    fn key_bytes_at(&self, i: usize) -> &'b [u8] {
        let at = self.keys_at + i * KEY;
        let b = self.bytes;
        let o = self.strings_at + u32_at(b, at) as usize;
        &b[o..o + u16_at(b, at + 4) as usize]
    }

    fn key_at(&self, i: usize) -> (&'b str, u16, u32) {
        let at = self.keys_at + i * KEY;
        let b = self.bytes;
        (
            self.str_at(u32_at(b, at), u16_at(b, at + 4)),
            u16_at(b, at + 6),
            u32_at(b, at + 8),
        )
    }

    /// All (place index, key flags) whose key equals `key`.
    pub fn lookup<'s>(&'s self, key: &'s str) -> impl Iterator<Item = (u32, u16)> + 's {
        let kb = key.as_bytes();
        // partition_point over the sorted key section.
        let (mut lo, mut hi) = (0usize, self.n_keys);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key_bytes_at(mid) < kb {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo..self.n_keys)
            .take_while(move |&i| self.key_bytes_at(i) == kb)
            .map(move |i| {
                let (_, f, p) = self.key_at(i);
                (p, f)
            })
    }

    /// Every key in order (for tests and the benchmark baseline).
    pub fn keys(&self) -> impl Iterator<Item = (&'b str, u16, u32)> + '_ {
        (0..self.n_keys).map(move |i| self.key_at(i))
    }

    /// Country records: iso2, place index, bbox.
    pub fn countries(&self) -> impl Iterator<Item = (&'b str, u32, BBox)> + '_ {
        (0..self.n_countries).map(move |i| {
            let at = self.countries_at + i * COUNTRY;
            let b = self.bytes;
            (
                std::str::from_utf8(&b[at..at + 2]).unwrap_or(""),
                u32_at(b, at + 4),
                BBox {
                    min_lat: undeg(i32_at(b, at + 8)),
                    min_lon: undeg(i32_at(b, at + 12)),
                    max_lat: undeg(i32_at(b, at + 16)),
                    max_lon: undeg(i32_at(b, at + 20)),
                },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(name: &str, key: &str, kind: Kind) -> PlaceRec {
        PlaceRec {
            id: 7,
            lat: 36.335,
            lon: 43.11889,
            population: 1000,
            country: "IQ".into(),
            kind,
            flags: 0,
            admin1: None,
            name_ar: name.into(),
            name_en: "Mosul".into(),
            radius_km: 0,
            keys: vec![(key.into(), KEY_MAIN)],
        }
    }

    #[test]
    fn round_trip() {
        let places = vec![
            rec("الموصل", "الموصل", Kind::City),
            rec("نينوى", "نينوي", Kind::Admin1),
        ];
        let bbox = BBox {
            min_lat: 29.0,
            min_lon: 38.8,
            max_lat: 37.4,
            max_lon: 48.6,
        };
        let bytes = write(&places, &[("IQ".into(), 1, bbox)]);
        let t = Table::parse(&bytes, "mem").expect("parse");
        assert_eq!(t.len(), 2);
        let hits: Vec<_> = t.lookup("الموصل").collect();
        assert_eq!(hits, vec![(0, KEY_MAIN)]);
        let p = t.place(0);
        assert_eq!(p.name_ar, "الموصل");
        assert_eq!(p.country, "IQ");
        assert!((p.lat - 36.335).abs() < 1e-6);
        assert_eq!(t.lookup("بغداد").count(), 0);
        assert_eq!(t.countries().next().map(|c| c.0), Some("IQ"));
    }

    #[test]
    fn rejects_garbage() {
        assert!(Table::parse(b"not a gazetteer at all, clearly!!", "x").is_err());
        let mut bytes = write(&[rec("a", "ab", Kind::City)], &[]);
        bytes.pop();
        assert!(Table::parse(&bytes, "x").is_err());
    }
}
