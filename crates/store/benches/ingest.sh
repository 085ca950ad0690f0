#!/usr/bin/env bash
# Corpus-scale ingest benchmark: `marsad ingest` on the whole saudinewsnet corpus (18 zips,
# 31,030 articles) against extraction alone (`marsad ingest --dry-run`) in the same run, plus the
# incremental ingest of one new article into the full store. Figures go to BENCHMARKS.md.
#
# Usage: crates/store/benches/ingest.sh [ZIPS_DIR]   (from the repository root; release build)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
ZIPS="${1:-$ROOT/../shared/data/saudinewsnet/zips}"
if [ ! -d "$ZIPS" ]; then
  echo "skip: corpus not found at $ZIPS"; exit 0
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/target-store}"
cargo build --release -p marsad --quiet
BIN="$CARGO_TARGET_DIR/release/marsad"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
MB=$(du -sm "$ZIPS" | cut -f1)
echo "corpus: $ZIPS ($MB MB of zips), cores: $(nproc)"

echo "== baseline: extraction only (--dry-run)"
/usr/bin/time -v "$BIN" ingest --dry-run --db "$WORK/none.db" "$ZIPS" 2> "$WORK/dry.time" | tee "$WORK/dry.out" || true
grep -E "Elapsed|Maximum resident" "$WORK/dry.time"

echo "== ingest into SQLite"
/usr/bin/time -v "$BIN" ingest --db "$WORK/corpus.db" "$ZIPS" 2> "$WORK/ingest.time" | tee "$WORK/ingest.out" || true
grep -E "Elapsed|Maximum resident" "$WORK/ingest.time"
echo "db size: $(du -m "$WORK/corpus.db" | cut -f1) MB (+ wal $(du -k "$WORK/corpus.db-wal" 2>/dev/null | cut -f1) KB)"
"$BIN" stats --db "$WORK/corpus.db"

echo "== incremental: one new article into the full store"
printf 'قالت مصادر أمنية إن مسلحين هاجموا نقطة تفتيش في محافظة القطيف فجر اليوم وقتلوا شرطيين اثنين.\nرقم %s\n' "$RANDOM$RANDOM" > "$WORK/new.txt"
START=$(date +%s%N)
"$BIN" ingest --db "$WORK/corpus.db" --date 2015-07-01 "$WORK/new.txt"
END=$(date +%s%N)
echo "incremental ingest (whole process, incl. model loading): $(( (END-START)/1000000 )) ms"
