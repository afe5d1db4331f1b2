#!/usr/bin/env bash
# Installs everything `trunk build` needs, offline-safe and idempotent: each step
# is skipped when the right version is already present, so a warm run takes ~2 s.
#
#   rustup target wasm32-unknown-unknown
#   trunk 0.21.14                       (cargo install)
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen (cargo install)
#   wasm-split-cli 0.2.4                (cargo install wasm_split_cli_support; the release's
#                                        code splitting, scripts/split.mjs; not for
#                                        `make serve`, which sets SWANILAI_SPLIT=skip)
#   node_modules via `npm ci`           (building: wasm-opt 132, esbuild, echarts 5.5.1;
#                                        with SWANILAI_NPM=full, as setup-test.sh sets it,
#                                        also the test tools: Playwright, Lighthouse, ...)
#   cargo fetch                         (trunk runs cargo with --offline)
#   vendor/echarts.custom.min.js        (tree-shaken echarts, built with esbuild)
#
# It first says which steps this machine needs and about how long they take, and while a
# long step runs it says every 30 s how long it has run and about how long is left, so a
# first run (minutes of compiling) is not mistaken for a hang. The durations were measured
# on a 2-core machine (README, "First run"); a busier or slower machine takes longer.
#
# Run from anywhere; it works on the repo it lives in.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"   # 0.22.x declares rust-version 1.96.1; rustc here is 1.95
SPLIT_VERSION="0.2.4"     # wasm_split_cli_support, whose binary is wasm-split-cli
WASM_OPT_VERSION="132"    # npm binaryen@132.0.0; Debian's binaryen 108 emits a broken wasm

# Same PATH order as the Makefile: npm's wasm-opt 132 before any system wasm-opt,
# and cargo-installed tools before anything else called trunk/wasm-bindgen.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log()  { printf '\033[1m[setup-build]\033[0m %s\n' "$*"; }
die()  { printf '\033[1;31m[setup-build] error:\033[0m %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

have cargo  || die "cargo not found (install Rust via rustup)"
have rustup || die "rustup not found (needed for the wasm32 target)"
have node   || die "node not found"
have npm    || die "npm not found"

# --- what this machine needs ------------------------------------------------
# Expected durations in seconds of each step done cold on this project's 2-core machines
# (README, "First run"), between the two fresh machines measured: trunk 6 min 57 s and
# 11 min, wasm-bindgen-cli 2 min 5 s and 4 min (the second including the refused --locked
# attempt below); npm ci (build and test) 74 s and 23 s; the others are estimates. Trunk
# without its default features (TLS, update check) was tried: 10 min 37 s beside the
# 11 min, not worth a build that differs from everyone else's.
EXPECT_TARGET=20
EXPECT_TRUNK=540
EXPECT_WB=180
EXPECT_SPLIT=150
EXPECT_NPM_BUILD=20
EXPECT_NPM_FULL=75
EXPECT_FETCH=15
EXPECT_ECHARTS=5

WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
# Trunk.toml pins the same version: in offline mode a mismatch is a hard error
# in trunk, so catch it here with a clearer message.
TRUNK_WB="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
[ "$TRUNK_WB" = "$WB_VERSION" ] ||
  die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WB\" but Cargo.lock has wasm-bindgen $WB_VERSION; make them equal"

# npm: the build needs only package.json's "dependencies"; setup-test.sh asks for the
# full set (SWANILAI_NPM=full). The stamp records the lock file's hash and which set.
NPM_SET="${SWANILAI_NPM:-build}"
LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
STAMP="node_modules/.swanilai-lock.sha256"

need_target() { ! rustup target list --installed | grep -qx wasm32-unknown-unknown; }
need_trunk()  { [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; }
wb_ok() {
  [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ] &&
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]
}
need_wb()     { ! wb_ok; }
# The binary has no --version; cargo's list of installed packages says which it is.
need_split() {
  [ "${SWANILAI_SPLIT:-}" != skip ] &&
    ! { have wasm-split-cli && cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; }
}
need_npm() {
  local stamp; stamp="$(cat "$STAMP" 2>/dev/null || true)"
  ! { [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/esbuild ] &&
      { [ "$stamp" = "$LOCK_SUM full" ] || [ "$stamp" = "$LOCK_SUM $NPM_SET" ]; }; }
}

fmt() { # seconds as "45 s" or "7 min"
  if [ "$1" -lt 90 ]; then echo "$1 s"; else echo "$(( ($1 + 30) / 60 )) min"; fi
}

PLAN=()
LEFT=0
plan() { PLAN+=("$1 (~$(fmt "$2"))"); LEFT=$((LEFT + $2)); }
need_target && plan "rust target wasm32" "$EXPECT_TARGET"
need_trunk && plan "compile trunk $TRUNK_VERSION" "$EXPECT_TRUNK"
need_wb && plan "compile wasm-bindgen-cli $WB_VERSION" "$EXPECT_WB"
need_split && plan "compile wasm-split-cli $SPLIT_VERSION" "$EXPECT_SPLIT"
if need_npm; then
  if [ "$NPM_SET" = full ]; then plan "npm packages (build and test)" "$EXPECT_NPM_FULL"
  else plan "npm packages (build)" "$EXPECT_NPM_BUILD"; fi
fi
[ -d "${CARGO_HOME:-$HOME/.cargo}/registry/cache" ] || plan "download crates" "$EXPECT_FETCH"
[ -f vendor/echarts.custom.min.js ] || plan "chart bundle" "$EXPECT_ECHARTS"
if [ "$LEFT" -gt 60 ]; then
  log "first run on this machine: about $(fmt "$LEFT") in all (measured on 2 cores), for:"
  for p in "${PLAN[@]}"; do log "  - $p"; done
  log "later runs skip all of this and take seconds."
fi

# Runs "$@" as one step: says what it is and about how long it and all the steps left take,
# and every 30 s while it runs how long it has run, so a long compile is not taken for a hang.
step() {
  local label=$1 expect=$2 t0 tick rc=0
  shift 2
  log "$label: about $(fmt "$expect") (about $(fmt "$LEFT") left in all)"
  t0=$(date +%s)
  (
    while sleep 30; do
      el=$(( $(date +%s) - t0 ))
      if [ "$el" -lt "$expect" ]; then
        log "  … $label: $(fmt "$el") so far, about $(fmt $((expect - el))) to go"
      else
        log "  … $label: $(fmt "$el") so far, longer than the usual $(fmt "$expect") (a busy machine?); still working"
      fi
    done
  ) &
  tick=$!
  "$@" || rc=$?
  kill "$tick" 2>/dev/null || true
  wait "$tick" 2>/dev/null || true
  LEFT=$((LEFT - expect)); [ "$LEFT" -ge 0 ] || LEFT=0
  [ "$rc" -eq 0 ] && log "$label: done in $(fmt $(( $(date +%s) - t0 )))"
  return "$rc"
}

# The tools are compiled once per machine (then found at the right version and skipped).
tool_install() {
  cargo install "$@"
}

# --- 1. wasm32 target ------------------------------------------------------
if need_target; then
  step "adding rust target wasm32-unknown-unknown" "$EXPECT_TARGET" rustup target add wasm32-unknown-unknown
else
  log "rust target wasm32-unknown-unknown: present"
fi

# --- 2. trunk ----------------------------------------------------------------
# `trunk --version` prints "trunk 0.21.14".
if need_trunk; then
  # --locked: trunk's own lockfile resolves on this registry mirror; without it
  # newer deps may need a newer rustc.
  step "compiling trunk $TRUNK_VERSION" "$EXPECT_TRUNK" tool_install trunk --version "$TRUNK_VERSION" --locked
else
  log "trunk $TRUNK_VERSION: present"
fi

# --- 3. wasm-bindgen-cli (must equal Cargo.lock exactly) ---------------------
install_wb() {
  # --locked fails on this registry mirror (its index lacks webpki-roots 1.0.11,
  # which the published lockfile wants), so fall back to a fresh resolution.
  tool_install wasm-bindgen-cli --version "$WB_VERSION" --locked ||
    { log "--locked install failed; retrying without --locked"
      tool_install wasm-bindgen-cli --version "$WB_VERSION"; }
}
if need_wb; then
  step "compiling wasm-bindgen-cli $WB_VERSION" "$EXPECT_WB" install_wb
  wb_ok || die "wasm-bindgen-cli $WB_VERSION still not on PATH after install"
else
  log "wasm-bindgen-cli $WB_VERSION (+ test runner): present"
fi

# --- 3b. wasm-split-cli (the release's code splitting) ---------------------------
install_split() {
  # --locked first, as for wasm-bindgen-cli; without it if this mirror lacks a locked crate.
  tool_install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --locked ||
    { log "--locked install failed; retrying without --locked"
      tool_install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary; }
}
if need_split; then
  step "compiling wasm-split-cli $SPLIT_VERSION" "$EXPECT_SPLIT" install_split
  ! need_split || die "wasm-split-cli $SPLIT_VERSION still not on PATH after install"
elif [ "${SWANILAI_SPLIT:-}" = skip ]; then
  log "wasm-split-cli: not needed (make serve)"
else
  log "wasm-split-cli $SPLIT_VERSION: present"
fi

# --- 4. npm packages ---------------------------------------------------------
# Re-run `npm ci` only when package-lock.json changed since the last successful
# install (a content hash, not mtimes, so fresh clones and checkouts behave), or when
# the test tools are wanted and only the build's were installed.
npm_install() {
  # Playwright must never try to download its own browser (no CDN here); tests
  # use Debian's /usr/bin/chromium.
  if [ "$NPM_SET" = full ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  else
    npm ci --omit=dev --no-audit --no-fund
  fi
  echo "$LOCK_SUM $NPM_SET" > "$STAMP"
}
if need_npm; then
  if [ "$NPM_SET" = full ]; then
    step "npm ci (build and test tools)" "$EXPECT_NPM_FULL" npm_install
  else
    step "npm ci (build tools only)" "$EXPECT_NPM_BUILD" npm_install
  fi
else
  log "node_modules: up to date with package-lock.json"
fi

# --- 5. wasm-opt must be binaryen 132 ---------------------------------------
# Debian's binaryen 108 (/usr/bin/wasm-opt, also reachable as /bin/wasm-opt)
# builds a wasm that fails at init with "WebAssembly.Table.set(): Argument 1 is
# invalid". Trunk.toml pins version_132 so trunk refuses a wrong one, but fail
# here first with a message that says what to do.
WASM_OPT="$(command -v wasm-opt || true)"
[ -n "$WASM_OPT" ] || die "no wasm-opt on PATH; expected $ROOT/node_modules/.bin/wasm-opt (npm ci)"
WASM_OPT_SEEN="$("$WASM_OPT" --version 2>/dev/null || true)"
case "$WASM_OPT_SEEN" in
  *"version $WASM_OPT_VERSION "*|*"version_$WASM_OPT_VERSION"*) log "wasm-opt: $WASM_OPT ($WASM_OPT_SEEN)" ;;
  *) die "first wasm-opt on PATH is $WASM_OPT ($WASM_OPT_SEEN), need binaryen $WASM_OPT_VERSION.
    Debian's binaryen 108 breaks the wasm. Put $ROOT/node_modules/.bin first on PATH
    (the Makefile does) or remove it: apt-get remove binaryen" ;;
esac
for other in $(type -ap wasm-opt | tail -n +2); do
  case "$("$other" --version 2>/dev/null)" in
    *"version $WASM_OPT_VERSION "*|*"version_$WASM_OPT_VERSION"*) ;;
    *) log "note: $other is another wasm-opt ($("$other" --version 2>/dev/null)); it is shadowed, but never run trunk without node_modules/.bin first on PATH" ;;
  esac
done

# --- 6. crates ---------------------------------------------------------------
# Trunk.toml has offline = true, which makes trunk run cargo --offline.
if [ -d "${CARGO_HOME:-$HOME/.cargo}/registry/cache" ]; then
  log "cargo fetch"
  cargo fetch --quiet
else
  step "downloading crates (cargo fetch)" "$EXPECT_FETCH" cargo fetch --quiet
fi

# --- 7. tree-shaken echarts --------------------------------------------------
node scripts/build-echarts.mjs

log "ok"
