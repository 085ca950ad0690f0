//! `marsad geocode` (ranked candidates for one place name) and `marsad gazetteer build`
//! (regenerate the shipped gazetteer from its sources).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::CmdResult;

/// Output format of `marsad geocode`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum GeoFormat {
    /// One JSON array of candidates.
    Json,
    /// An aligned table.
    Table,
}

#[derive(clap::Args)]
pub struct GeocodeArgs {
    /// The place as written (clitics and trigger words allowed: بمدينة الموصل).
    pub name: String,
    /// Text around the name (the sentence or article), for country context and trigger words.
    #[arg(long)]
    pub context: Option<String>,
    /// A country the place is known to be in (ISO alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    /// How many candidates to print.
    #[arg(long, default_value_t = 5)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GeoFormat::Table)]
    pub format: GeoFormat,
}

#[derive(clap::Subcommand)]
pub enum GazetteerCommand {
    /// Rebuild the shipped gazetteer from source data (byte-identical on re-run).
    Build(BuildArgs),
    /// Print statistics of the bundled gazetteer.
    Stats,
}

#[derive(clap::Args)]
pub struct BuildArgs {
    /// GeoNames places with Arabic names (places_arabic.tsv).
    #[arg(long)]
    pub geonames: PathBuf,
    /// ISO 3166-2 subdivisions (subdivisions.tsv).
    #[arg(long)]
    pub admin1: PathBuf,
    /// Countries with Arabic names (countries.tsv).
    #[arg(long)]
    pub countries: PathBuf,
    /// Natural Earth admin-0 GeoJSON file or its directory.
    #[arg(long = "natural-earth")]
    pub natural_earth: PathBuf,
    /// Where to write the gazetteer (crates/geo/data/gazetteer.bin to update the shipped one).
    #[arg(long)]
    pub out: PathBuf,
}

pub fn geocode(a: GeocodeArgs) -> CmdResult {
    let g = geo::Geocoder::bundled().context("loading the gazetteer")?;
    let mut ctx = match &a.context {
        Some(t) => g.context_from_text(t, &a.name),
        None => geo::Context::default(),
    };
    ctx.country_hint = a.country.clone();
    let mut cands = g.geocode(&a.name, &ctx);
    cands.truncate(a.limit);
    let mut out = std::io::stdout().lock();
    match a.format {
        GeoFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &cands)?;
            writeln!(out)?;
        }
        GeoFormat::Table => {
            writeln!(
                out,
                "{:>6}  {:<8} {:<3} {:>9} {:>10}  {:>9}  {:<10} name / admin1",
                "score", "precision", "cc", "lat", "lon", "pop", "geonames"
            )?;
            for c in &cands {
                writeln!(
                    out,
                    "{:>6.2}  {:<8} {:<3} {:>9.4} {:>10.4}  {:>9}  {:<10} {} ({}) / {}",
                    c.score,
                    c.precision,
                    c.country,
                    c.lat,
                    c.lon,
                    c.population,
                    c.geonames_id.map(|i| i.to_string()).unwrap_or_default(),
                    c.name,
                    c.name_en,
                    c.admin1.as_deref().unwrap_or("-"),
                )?;
            }
        }
    }
    Ok(if cands.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn gazetteer(c: GazetteerCommand) -> CmdResult {
    match c {
        GazetteerCommand::Build(b) => {
            let (bytes, s) = geo::builder::build(&geo::builder::Sources {
                geonames: &b.geonames,
                admin1: &b.admin1,
                countries: &b.countries,
                natural_earth: &b.natural_earth,
            })?;
            std::fs::write(&b.out, &bytes)
                .with_context(|| format!("writing {}", b.out.display()))?;
            eprintln!(
                "wrote {} ({} bytes): {} countries, {} admin1, {} regions, {} places, {} keys",
                b.out.display(),
                s.bytes,
                s.countries,
                s.admin1,
                s.regions,
                s.cities,
                s.keys
            );
            Ok(ExitCode::SUCCESS)
        }
        GazetteerCommand::Stats => {
            let g = geo::Geocoder::bundled()?;
            let t = g.table();
            println!(
                "places {}\nkeys {}\nbytes {}",
                t.len(),
                t.key_count(),
                geo::BUNDLED.len()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
