#!/usr/bin/env bash
# Installs everything `trunk build` needs, offline-safe and idempotent: each step
# is skipped when the right version is already present, so a warm run takes ~2 s.
#
#   rustup target wasm32-unknown-unknown
#   trunk 0.21.14                       (cargo install; ~7 min cold)
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen (cargo install; ~2 min cold)
#   node_modules via `npm ci`           (wasm-opt 132, playwright-core, ...)
#   cargo fetch                         (trunk runs cargo with --offline)
#
# Run from anywhere; it works on the repo it lives in.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"   # 0.22.x declares rust-version 1.96.1; rustc here is 1.95
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

# --- 1. wasm32 target ------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rust target wasm32-unknown-unknown: present"
else
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- 2. trunk ----------------------------------------------------------------
# `trunk --version` prints "trunk 0.21.14".
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" = "$TRUNK_VERSION" ]; then
  log "trunk $TRUNK_VERSION: present"
else
  log "installing trunk $TRUNK_VERSION (takes ~7 min on 2 cores)"
  # --locked: trunk's own lockfile resolves on this registry mirror; without it
  # newer deps may need a newer rustc.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- 3. wasm-bindgen-cli (must equal Cargo.lock exactly) ---------------------
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
# Trunk.toml pins the same version: in offline mode a mismatch is a hard error
# in trunk, so catch it here with a clearer message.
TRUNK_WB="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
[ "$TRUNK_WB" = "$WB_VERSION" ] ||
  die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WB\" but Cargo.lock has wasm-bindgen $WB_VERSION; make them equal"

wb_ok() {
  [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ] &&
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]
}
if wb_ok; then
  log "wasm-bindgen-cli $WB_VERSION (+ test runner): present"
else
  log "installing wasm-bindgen-cli $WB_VERSION (takes ~2 min)"
  # --locked fails on this registry mirror (its index lacks webpki-roots 1.0.11,
  # which the published lockfile wants), so fall back to a fresh resolution.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked ||
    { log "--locked install failed; retrying without --locked"
      cargo install wasm-bindgen-cli --version "$WB_VERSION"; }
  wb_ok || die "wasm-bindgen-cli $WB_VERSION still not on PATH after install"
fi

# --- 4. npm packages ---------------------------------------------------------
# Re-run `npm ci` only when package-lock.json changed since the last successful
# install (a content hash, not mtimes, so fresh clones and checkouts behave).
LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
STAMP="node_modules/.swanilai-lock.sha256"
if [ -x node_modules/.bin/wasm-opt ] &&
   [ "$(cat "$STAMP" 2>/dev/null)" = "$LOCK_SUM" ]; then
  log "node_modules: up to date with package-lock.json"
else
  log "npm ci (node_modules missing or stale)"
  # Playwright must never try to download its own browser (no CDN here); tests
  # use Debian's /usr/bin/chromium.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$LOCK_SUM" > "$STAMP"
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
log "cargo fetch"
cargo fetch --quiet

log "ok"
