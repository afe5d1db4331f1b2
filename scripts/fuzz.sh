#!/usr/bin/env bash
# Runs the fuzz targets of fuzz/ (see swanilai::domain::round_trip) one after another,
# each for FUZZ_SECONDS / 3 seconds, from a corpus seeded with the test fixtures.
#
#   FUZZ_SECONDS=30 scripts/fuzz.sh          # the smoke run of `make test`
#   FUZZ_SECONDS=1800 scripts/fuzz.sh        # `make fuzz` (default 600)
#   FUZZ_TARGETS="parse" scripts/fuzz.sh     # one target
#
# Built with debug assertions (an integer overflow is a crash). Limits: one input may take
# at most 1 s (-timeout) and 512 MB (-rss_limit_mb). A crash
# stops the run with its input in fuzz/artifacts/<target>/; add that file to
# tests/fixtures/fuzz/<target>/ (tests/fuzz_regressions.rs replays it) and fix the fault.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-fuzz.sh
seconds=${FUZZ_SECONDS:-600}
targets=(${FUZZ_TARGETS:-parse draft_round_trip workspace bundle})
per=$(( seconds / ${#targets[@]} ))
(( per >= 1 )) || per=1

corpus=fuzz/corpus
mkdir -p "$corpus"
seed() {  # seed <target> <files…>: copies fixtures in (names keep them apart).
  local dir="$corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do cp -n "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; done
}
fixtures=(tests/fixtures/exchange/*.json tests/fixtures/exchange/invalid/*.json tests/fixtures/coordinator/*.json)
regressions() { ls tests/fixtures/fuzz/"$1"/* 2>/dev/null || true; }
seed parse "${fixtures[@]}" $(regressions parse)
seed draft_round_trip "${fixtures[@]}" $(regressions draft_round_trip)
seed workspace $(regressions workspace)
# Bundle inputs: the zips of tests/fixtures/zip (bundles, zips from other tools, hostile ones).
seed bundle tests/fixtures/zip/*.zip $(regressions bundle)
# Workspace inputs: a framework byte, then unit files joined by the separator of
# round_trip::FILE_SEPARATOR (spbe-2020 is the second framework: byte 1).
sep=$'\n--8<--\n'
coord=tests/fixtures/coordinator
{ printf '\001'; cat "$coord/diskominfo.json"; printf '%s' "$sep"; cat "$coord/bkpsdm-e2e.json"; printf '%s' "$sep"; cat "$coord/inspektorat.json"; } > "$corpus/workspace/seed-three-units"
{ printf '\001'; cat "$coord/bkpsdm-old.json"; printf '%s' "$sep"; cat "$coord/bkpsdm-new.json"; printf '%s' "$sep"; cat "$coord/bag-hukum-differ.json"; printf '%s' "$sep"; cat "$coord/bkpsdm-same-time.json"; } > "$corpus/workspace/seed-newer-older"
{ printf '\000'; cat "$coord/pemdi-diskominfo.json"; } > "$corpus/workspace/seed-pemdi"

cd fuzz
for t in "${targets[@]}"; do
  echo "== fuzz $t for ${per}s"
  nice cargo +nightly fuzz run --sanitizer none --debug-assertions "$t" "corpus/$t" -- \
    -max_total_time="$per" -timeout=1 -rss_limit_mb=512 -max_len=65536 \
    -print_final_stats=1 2>&1 | grep -E "^(==|#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done)|ERROR|panicked|SUMMARY|Test unit written" || true
  # grep hides libFuzzer's progress lines; a failure still fails the run:
  test -z "$(ls -A "artifacts/$t" 2>/dev/null)" || { echo "fuzz $t: crash inputs in fuzz/artifacts/$t"; exit 1; }
done
