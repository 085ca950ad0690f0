//! Builds the gazetteer file from its sources (what `marsad gazetteer build` runs).
//!
//! Sources: GeoNames populated places with Arabic-script names (CC BY 4.0), ISO 3166-2
//! subdivisions with Arabic names (admin1), CLDR country names in Arabic, Natural Earth admin-0
//! polygons (public domain; used for country centroids and bounding boxes), and the curated files
//! shipped in `crates/geo/data/` (regions, extra country names, names that are never places).
//!
//! The output depends only on the input bytes: every collection is sorted before it is written
//! and coordinates are stored as fixed-point integers, so two runs give byte-identical files.
//! It does not download anything and is not used at run time (the result is `include_bytes!`'d).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::Error;
use crate::fold::{is_arabic_alphabet, key};
use crate::table::{
    BBox, FLAG_CAPITAL, KEY_COMMON, KEY_LATIN, KEY_MAIN, KEY_TRANSLIT, Kind, PlaceRec, write,
};
use crate::translit;

/// Curated regions (name variants, centroid, radius, source).
pub const REGIONS_TSV: &str = include_str!("../data/regions.tsv");
/// Extra Arabic names and short forms of countries.
pub const COUNTRY_NAMES_TSV: &str = include_str!("../data/country_names.tsv");
/// Keys that are common Arabic words and must never be indexed as places.
pub const STOP_NAMES_TXT: &str = include_str!("../data/stop_names.txt");
/// Arabic spellings linked to GeoNames places that lack them.
pub const PLACE_ALIASES_TSV: &str = include_str!("../data/place_aliases.tsv");
/// Curated populated places missing from the GeoNames extract.
pub const EXTRA_PLACES_TSV: &str = include_str!("../data/extra_places.tsv");
/// Countries whose places Arabic news names most (kept down to the smallest villages).
pub const FOCUS_COUNTRIES_TXT: &str = include_str!("../data/focus_countries.txt");

/// Where the source files are.
#[derive(Debug, Clone)]
pub struct Sources<'a> {
    /// GeoNames places TSV (`places_arabic.tsv`).
    pub geonames: &'a Path,
    /// ISO 3166-2 subdivisions TSV (`subdivisions.tsv`).
    pub admin1: &'a Path,
    /// Countries TSV (`countries.tsv`).
    pub countries: &'a Path,
    /// Natural Earth admin-0 GeoJSON (a file, or a directory holding `ne_50m_admin_0_countries.geojson`).
    pub natural_earth: &'a Path,
}

/// What the build produced, for the command to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Countries written.
    pub countries: usize,
    /// Admin1 divisions written.
    pub admin1: usize,
    /// Curated regions written.
    pub regions: usize,
    /// GeoNames places written.
    pub cities: usize,
    /// Lookup keys written.
    pub keys: usize,
    /// File size in bytes.
    pub bytes: usize,
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        source: e,
    })
}

fn fmt_err(path: &Path, line: usize, reason: &str) -> Error {
    Error::Format {
        path: path.display().to_string(),
        reason: format!("line {line}: {reason}"),
    }
}

/// Lines of a data file without `#` comments and blank lines, with 1-based line numbers.
pub(crate) fn data_lines(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

struct Country {
    iso2: String,
    iso3: String,
    name_en: String,
    names_ar: Vec<String>,
    capital_en: String,
    population: u32,
    geonameid: u32,
}

struct Sub {
    code: String,
    country: String,
    name_en: String,
    names_ar: Vec<String>,
    lat: f64,
    lon: f64,
}

struct Gn {
    id: u32,
    name: String,
    latin: Vec<String>,
    lat: f64,
    lon: f64,
    cc: String,
    admin1: String,
    population: u32,
    names_ar: Vec<String>,
}

/// Trigger words that official Arabic names sometimes carry (محافظة البصرة); the bare name is
/// indexed too.
const NAME_PREFIXES: &[&str] = &["محافظة ", "ولاية ", "منطقة ", "إقليم ", "مدينة ", "بلدية "];

fn with_bare(name: &str) -> Vec<String> {
    let mut v = vec![name.to_string()];
    for p in NAME_PREFIXES {
        if let Some(rest) = name.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            v.push(rest.to_string());
        }
    }
    v
}

fn parse_countries(path: &Path) -> Result<Vec<Country>, Error> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (n, line) in data_lines(&text).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 9 {
            return Err(fmt_err(path, n, "expected 10 columns"));
        }
        let mut names_ar = vec![f[3].to_string()];
        names_ar.extend(
            f[4].split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        out.push(Country {
            iso2: f[0].to_string(),
            iso3: f[1].to_string(),
            name_en: f[2].to_string(),
            names_ar,
            capital_en: f[5].to_string(),
            population: f[7].parse().unwrap_or(0),
            geonameid: f[8].parse().unwrap_or(0),
        });
    }
    out.sort_by(|a, b| a.iso2.cmp(&b.iso2));
    Ok(out)
}

fn parse_subdivisions(path: &Path) -> Result<Vec<Sub>, Error> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (n, line) in data_lines(&text).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            return Err(fmt_err(path, n, "expected 8 columns"));
        }
        let (Ok(lat), Ok(lon)) = (f[5].parse::<f64>(), f[6].parse::<f64>()) else {
            continue;
        };
        let parent = f[4];
        let mut names_ar = Vec::new();
        if let Some(other) = f.get(7) {
            for part in other.split(", ") {
                // Arabic-language tags: standard and the dialect codes the source uses.
                for tag in [" (ara)", " (arz)", " (ary)", " (apc)", " (acm)", " (ayl)"] {
                    if let Some(name) = part.strip_suffix(tag)
                        && is_arabic_alphabet(name)
                    {
                        names_ar.push(name.trim().to_string());
                    }
                }
                // Afghan and Iranian provinces carry only Dari/Pashto/Persian names, which Arabic
                // writes the same once Persian yeh and keheh become Arabic letters (بادغیس).
                if matches!(f[1], "AF" | "IR") {
                    for tag in [" (prs)", " (pus)", " (fas)", " (per)"] {
                        if let Some(name) = part.strip_suffix(tag) {
                            let name: String = name
                                .trim()
                                .chars()
                                .map(|c| match c {
                                    'ی' => 'ي',
                                    'ک' => 'ك',
                                    c => c,
                                })
                                .collect();
                            if is_arabic_alphabet(&name) && !names_ar.contains(&name) {
                                names_ar.push(name);
                            }
                        }
                    }
                }
            }
        }
        // First-level divisions, plus lower ones that carry an Arabic name (Iraqi Kurdistan's
        // governorates sit under a region code in ISO 3166-2 but are GeoNames admin1).
        if !parent.is_empty() && names_ar.is_empty() {
            continue;
        }
        out.push(Sub {
            code: f[0].to_string(),
            country: f[1].to_string(),
            name_en: f[2].to_string(),
            names_ar,
            lat,
            lon,
        });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}

fn parse_geonames(path: &Path) -> Result<Vec<Gn>, Error> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (n, line) in data_lines(&text).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 9 {
            return Err(fmt_err(path, n, "expected 10 columns"));
        }
        let (Ok(id), Ok(lat), Ok(lon)) = (f[0].parse(), f[2].parse(), f[3].parse()) else {
            return Err(fmt_err(path, n, "bad id or coordinates"));
        };
        let mut names_ar: Vec<String> = f[8]
            .split('|')
            .map(str::trim)
            .filter(|s| is_arabic_alphabet(s))
            .map(str::to_string)
            .collect();
        names_ar.sort();
        names_ar.dedup();
        let latin = f
            .get(9)
            .map(|l| {
                l.split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        out.push(Gn {
            id,
            name: f[1].to_string(),
            latin,
            lat,
            lon,
            cc: f[4].to_string(),
            admin1: f[5].to_string(),
            population: f[6].parse().unwrap_or(0),
            names_ar,
        });
    }
    out.sort_by(|a, b| b.population.cmp(&a.population).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// Centroid and bbox of the largest outer ring of each country, keyed by ISO alpha-2.
/// Country → (centroid (lat, lon), bounding box).
type CountryShapes = BTreeMap<String, ((f64, f64), BBox)>;

fn parse_natural_earth(path: &Path, countries: &[Country]) -> Result<CountryShapes, Error> {
    let file = if path.is_dir() {
        path.join("ne_50m_admin_0_countries.geojson")
    } else {
        path.to_path_buf()
    };
    let text = read(&file)?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::Format {
        path: file.display().to_string(),
        reason: e.to_string(),
    })?;
    let iso3_to_2: HashMap<&str, &str> = countries
        .iter()
        .map(|c| (c.iso3.as_str(), c.iso2.as_str()))
        .collect();
    let mut out = BTreeMap::new();
    let empty = Vec::new();
    for feat in v["features"].as_array().unwrap_or(&empty) {
        let props = &feat["properties"];
        let mut iso2 = props["ISO_A2"].as_str().unwrap_or("-99").to_string();
        if iso2.len() != 2 {
            // France and Norway carry -99 in ISO_A2; their ADM0_A3 is still right.
            match props["ADM0_A3"].as_str().and_then(|a3| iso3_to_2.get(a3)) {
                Some(cc) => iso2 = (*cc).to_string(),
                None => continue,
            }
        }
        let geom = &feat["geometry"];
        let polys: Vec<&serde_json::Value> = match geom["type"].as_str() {
            Some("Polygon") => vec![&geom["coordinates"]],
            Some("MultiPolygon") => geom["coordinates"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => continue,
        };
        let mut best: Option<(f64, (f64, f64), BBox)> = None;
        for poly in polys {
            let Some(ring) = poly.get(0).and_then(|r| r.as_array()) else {
                continue;
            };
            let pts: Vec<(f64, f64)> = ring
                .iter()
                .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                .collect();
            if pts.len() < 3 {
                continue;
            }
            // Shoelace area and centroid in lon/lat degrees (fine at country scale).
            let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
            for w in pts.windows(2) {
                let (x0, y0) = w[0];
                let (x1, y1) = w[1];
                let cross = x0 * y1 - x1 * y0;
                a += cross;
                cx += (x0 + x1) * cross;
                cy += (y0 + y1) * cross;
            }
            if a.abs() < 1e-12 {
                continue;
            }
            let area = a / 2.0;
            let c = (cy / (6.0 * area), cx / (6.0 * area));
            let mut bb = BBox {
                min_lat: f64::MAX,
                min_lon: f64::MAX,
                max_lat: f64::MIN,
                max_lon: f64::MIN,
            };
            for (x, y) in &pts {
                bb.min_lat = bb.min_lat.min(*y);
                bb.max_lat = bb.max_lat.max(*y);
                bb.min_lon = bb.min_lon.min(*x);
                bb.max_lon = bb.max_lon.max(*x);
            }
            if best.as_ref().is_none_or(|b| area.abs() > b.0) {
                best = Some((area.abs(), c, bb));
            }
        }
        if let Some((_, c, bb)) = best {
            out.entry(iso2).or_insert((c, bb));
        }
    }
    Ok(out)
}

struct Region {
    names: Vec<String>,
    country: String,
    lat: f64,
    lon: f64,
    radius_km: u16,
}

/// Parse the curated regions file (`names|…  country  lat  lon  radius_km  source`).
fn parse_regions() -> Result<Vec<Region>, Error> {
    let mut out = Vec::new();
    for (n, line) in data_lines(REGIONS_TSV) {
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || Error::Format {
            path: "crates/geo/data/regions.tsv".into(),
            reason: format!("line {n}: expected names, country, lat, lon, radius_km, source"),
        };
        if f.len() < 5 {
            return Err(bad());
        }
        let (Ok(lat), Ok(lon), Ok(radius_km)) = (f[2].parse(), f[3].parse(), f[4].parse()) else {
            return Err(bad());
        };
        out.push(Region {
            names: f[0]
                .split('|')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            country: f[1].trim().to_string(),
            lat,
            lon,
            radius_km,
        });
    }
    Ok(out)
}

fn stop_keys() -> BTreeSet<String> {
    data_lines(STOP_NAMES_TXT)
        .map(|(_, l)| key(l.trim()))
        .collect()
}

fn focus_countries() -> BTreeSet<String> {
    data_lines(FOCUS_COUNTRIES_TXT)
        .flat_map(|(_, l)| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// Places outside the focus countries with fewer people than this are left out: their
/// Arabic-script names are mostly transliterations nobody writes, and they collide with words.
const MIN_POP_ELSEWHERE: u32 = 40_000;

/// Countries where Arabic is the language place names are romanised from.
const ARABIC_NAMED: &[&str] = &[
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
    "QA", "SA", "SD", "SO", "SY", "TN", "YE",
];
/// Of those, where French-style romanisation ("Ouargla", "Djelfa") is the usual one.
const FRENCH_ROMANISED: &[&str] = &["DZ", "MA", "MR", "TN"];
/// Persian/Pashto/Urdu-speaking countries whose BGN romanisation reads like the Arabic one.
const PERSO_ARABIC: &[&str] = &["AF", "IR", "PK"];

/// How the Latin names of a country's places are romanised, when Arabic news spells them by
/// sound; `None` for countries whose small places are not looked up by skeleton.
pub(crate) fn romanisation(cc: &str, admin1: bool) -> Option<translit::Style> {
    if FRENCH_ROMANISED.contains(&cc) {
        Some(translit::Style::French)
    } else if ARABIC_NAMED.contains(&cc) || PERSO_ARABIC.contains(&cc) {
        Some(translit::Style::Arabic)
    } else if cc == "TR" {
        Some(translit::Style::Turkish)
    } else if admin1 {
        // Provinces and states everywhere are written in Arabic by their English name's sound.
        Some(translit::Style::English)
    } else {
        None
    }
}

/// Skeleton keys ([`translit`]) of a place known only by Latin names.
fn translit_keys<'a>(
    names: impl IntoIterator<Item = &'a str>,
    style: translit::Style,
    stop_skeletons: &BTreeSet<String>,
) -> Vec<(String, u16)> {
    let mut out: Vec<(String, u16)> = names
        .into_iter()
        .flat_map(|n| translit::latin_skeletons(n, style))
        .filter(|k| !stop_skeletons.contains(k))
        .map(|k| (k, KEY_TRANSLIT))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn shortest(names: &[String]) -> String {
    names
        .iter()
        .min_by(|a, b| a.chars().count().cmp(&b.chars().count()).then(a.cmp(b)))
        .cloned()
        .unwrap_or_default()
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    let dlat = a.0 - b.0;
    let dlon = (a.1 - b.1) * a.0.to_radians().cos();
    dlat * dlat + dlon * dlon
}

/// Build the gazetteer bytes from the sources.
pub fn build(src: &Sources<'_>) -> Result<(Vec<u8>, Summary), Error> {
    let countries = parse_countries(src.countries)?;
    let subs = parse_subdivisions(src.admin1)?;
    let gns = parse_geonames(src.geonames)?;
    let ne = parse_natural_earth(src.natural_earth, &countries)?;
    let regions = parse_regions()?;
    let stops = stop_keys();
    // Skeletons of the never-a-place words: a Latin-only place whose skeleton is one of them is
    // not indexed under it.
    let stop_skeletons: BTreeSet<String> = stops.iter().map(|s| translit::skeleton(s)).collect();
    let focus = focus_countries();

    let mut extra_names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (n, line) in data_lines(COUNTRY_NAMES_TSV) {
        let Some((cc, names)) = line.split_once('\t') else {
            return Err(Error::Format {
                path: "crates/geo/data/country_names.tsv".into(),
                reason: format!("line {n}: expected iso2<TAB>names"),
            });
        };
        extra_names
            .entry(cc.trim().to_string())
            .or_default()
            .extend(
                names
                    .split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            );
    }

    let keys_of = |names: &[String], latin: &[&str]| -> Vec<(String, u16)> {
        let mut ks: Vec<(String, u16)> = Vec::new();
        for (i, n) in names.iter().enumerate() {
            for v in with_bare(n) {
                let k = key(&v);
                if k.chars().count() >= 2 {
                    // A common word keeps its key, flagged: only a trigger word before it
                    // (محافظة الشرقية) makes the ranker read it as a place.
                    let common = if stops.contains(&k) { KEY_COMMON } else { 0 };
                    ks.push((k, common | if i == 0 { KEY_MAIN } else { 0 }));
                }
            }
        }
        for l in latin {
            let k = key(l);
            if k.chars().count() >= 3 {
                ks.push((k, KEY_LATIN));
            }
        }
        ks.sort();
        ks.dedup_by(|a, b| a.0 == b.0);
        ks
    };

    // Places outside GeoNames' city list that we keep: countries, admin1, curated regions.
    let mut places: Vec<PlaceRec> = Vec::new();
    let mut country_boxes: Vec<(String, u32, BBox)> = Vec::new();
    // Capitals, to give small countries without a Natural Earth polygon a point.
    let capital_of: HashMap<&str, &Gn> = {
        let mut m: HashMap<&str, &Gn> = HashMap::new();
        for c in &countries {
            if let Some(g) = gns
                .iter()
                .find(|g| g.cc == c.iso2 && g.name == c.capital_en)
            {
                m.insert(c.iso2.as_str(), g);
            }
        }
        m
    };
    for c in &countries {
        let mut names = c.names_ar.clone();
        if let Some(extra) = extra_names.get(&c.iso2) {
            names.extend(extra.iter().cloned());
        }
        let (point, bbox) = match (ne.get(&c.iso2), capital_of.get(c.iso2.as_str())) {
            (Some((p, b)), _) => (*p, Some(*b)),
            (None, Some(g)) => ((g.lat, g.lon), None),
            (None, None) => continue,
        };
        let idx = places.len() as u32;
        if let Some(b) = bbox {
            country_boxes.push((c.iso2.clone(), idx, b));
        }
        places.push(PlaceRec {
            id: c.geonameid,
            lat: point.0,
            lon: point.1,
            population: c.population,
            country: c.iso2.clone(),
            kind: Kind::Country,
            flags: 0,
            admin1: None,
            name_ar: c.names_ar.first().cloned().unwrap_or_default(),
            name_en: c.name_en.clone(),
            radius_km: 0,
            keys: keys_of(&names, &[&c.name_en]),
        });
    }
    let n_countries = places.len();

    let admin_base = places.len();
    for s in &subs {
        places.push(PlaceRec {
            id: 0,
            lat: s.lat,
            lon: s.lon,
            population: 0,
            country: s.country.clone(),
            kind: Kind::Admin1,
            flags: 0,
            admin1: None,
            name_ar: s.names_ar.first().cloned().unwrap_or_default(),
            name_en: s.name_en.clone(),
            radius_km: 0,
            keys: {
                let mut ks = keys_of(&s.names_ar, &[&s.name_en]);
                if s.names_ar.is_empty()
                    && let Some(style) = romanisation(&s.country, true)
                {
                    ks.extend(translit_keys([s.name_en.as_str()], style, &stop_skeletons));
                }
                ks
            },
        });
    }
    let n_admin1 = subs.len();

    for r in &regions {
        places.push(PlaceRec {
            id: 0,
            lat: r.lat,
            lon: r.lon,
            population: 0,
            country: r.country.clone(),
            kind: Kind::Region,
            flags: 0,
            admin1: None,
            name_ar: r.names.first().cloned().unwrap_or_default(),
            name_en: String::new(),
            radius_km: r.radius_km,
            keys: keys_of(&r.names, &[]),
        });
    }

    // GeoNames admin1 codes → ISO subdivision: each place votes for the nearest subdivision
    // centroid of its country; the majority wins (the two schemes share no code).
    let mut subs_by_cc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in subs.iter().enumerate() {
        subs_by_cc.entry(s.country.as_str()).or_default().push(i);
    }
    let mut votes: BTreeMap<(&str, &str), BTreeMap<usize, u32>> = BTreeMap::new();
    for g in &gns {
        if g.admin1.is_empty() {
            continue;
        }
        let Some(cands) = subs_by_cc.get(g.cc.as_str()) else {
            continue;
        };
        let best = cands.iter().min_by(|a, b| {
            dist2((g.lat, g.lon), (subs[**a].lat, subs[**a].lon))
                .total_cmp(&dist2((g.lat, g.lon), (subs[**b].lat, subs[**b].lon)))
        });
        if let Some(b) = best {
            *votes
                .entry((g.cc.as_str(), g.admin1.as_str()))
                .or_default()
                .entry(*b)
                .or_default() += 1;
        }
    }
    let admin_of: BTreeMap<(&str, &str), u32> = votes
        .iter()
        .filter_map(|(k, v)| {
            let best = v.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            Some((*k, (admin_base + *best.0) as u32))
        })
        .collect();

    // Curated populated places GeoNames' extract lacks.
    for (n, line) in data_lines(EXTRA_PLACES_TSV) {
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || Error::Format {
            path: "crates/geo/data/extra_places.tsv".into(),
            reason: format!("line {n}: expected names, country, lat, lon, population, note"),
        };
        if f.len() < 5 {
            return Err(bad());
        }
        let (Ok(lat), Ok(lon), Ok(population)) = (f[2].parse(), f[3].parse(), f[4].parse()) else {
            return Err(bad());
        };
        let names: Vec<String> = f[0]
            .split('|')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        places.push(PlaceRec {
            id: 0,
            lat,
            lon,
            population,
            country: f[1].trim().to_string(),
            kind: Kind::City,
            flags: 0,
            admin1: None,
            name_ar: names.first().cloned().unwrap_or_default(),
            name_en: f.get(5).map(|s| s.trim().to_string()).unwrap_or_default(),
            radius_km: 0,
            keys: keys_of(&names, &[]),
        });
    }

    // Arabic spellings GeoNames lacks, linked to its places by Latin name and country.
    let mut aliases: HashMap<u32, Vec<String>> = HashMap::new();
    for (n, line) in data_lines(PLACE_ALIASES_TSV) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            return Err(Error::Format {
                path: "crates/geo/data/place_aliases.tsv".into(),
                reason: format!("line {n}: expected names, country, GeoNames name"),
            });
        }
        let Some(g) = gns
            .iter()
            .find(|g| g.cc == f[1].trim() && g.name == f[2].trim())
        else {
            return Err(Error::Format {
                path: "crates/geo/data/place_aliases.tsv".into(),
                reason: format!("line {n}: no GeoNames place {} in {}", f[2], f[1]),
            });
        };
        aliases.entry(g.id).or_default().extend(
            f[0].split('|')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        );
    }

    let mut n_cities = 0;
    for g in &gns {
        let mut names_ar = g.names_ar.clone();
        if let Some(extra) = aliases.get(&g.id) {
            names_ar.extend(extra.iter().cloned());
        }
        if !focus.contains(&g.cc) && g.population < MIN_POP_ELSEWHERE {
            continue;
        }
        let mut keys = keys_of(&names_ar, &[&g.name]);
        if names_ar.is_empty()
            && let Some(style) = romanisation(&g.cc, false)
        {
            let latin = std::iter::once(g.name.as_str()).chain(g.latin.iter().map(String::as_str));
            keys.extend(translit_keys(latin, style, &stop_skeletons));
        }
        // A town whose only Arabic names are common words is left out, as one with none.
        if keys.iter().all(|(_, f)| f & (KEY_LATIN | KEY_COMMON) != 0) {
            continue;
        }
        let is_capital = countries
            .iter()
            .any(|c| c.iso2 == g.cc && c.capital_en == g.name)
            && capital_of.get(g.cc.as_str()).is_some_and(|c| c.id == g.id);
        places.push(PlaceRec {
            id: g.id,
            lat: g.lat,
            lon: g.lon,
            population: g.population,
            country: g.cc.clone(),
            kind: Kind::City,
            flags: if is_capital { FLAG_CAPITAL } else { 0 },
            admin1: admin_of.get(&(g.cc.as_str(), g.admin1.as_str())).copied(),
            name_ar: shortest(&names_ar),
            name_en: g.name.clone(),
            radius_km: 0,
            keys,
        });
        n_cities += 1;
    }

    let bytes = write(&places, &country_boxes);
    let n_keys = crate::table::Table::parse(&bytes, "built gazetteer")?.key_count();
    let summary = Summary {
        countries: n_countries,
        admin1: n_admin1,
        regions: regions.len(),
        cities: n_cities,
        keys: n_keys,
        bytes: bytes.len(),
    };
    Ok((bytes, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_files_parse() {
        let r = parse_regions().expect("regions.tsv");
        assert!(r.len() >= 20);
        assert!(
            r.iter()
                .all(|r| (-90.0..=90.0).contains(&r.lat) && (-180.0..=180.0).contains(&r.lon))
        );
        assert!(!focus_countries().is_empty());
        assert!(stop_keys().contains(&key("الدولة")));
    }

    #[test]
    fn bare_names_drop_official_prefixes() {
        assert_eq!(
            with_bare("محافظة البصرة"),
            vec!["محافظة البصرة".to_string(), "البصرة".to_string()]
        );
    }
}
