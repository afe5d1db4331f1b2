#!/usr/bin/env bash
# Everything setup-build.sh installs, plus the browser for tests:
# Debian's chromium + chromium-driver (used by wasm-bindgen-test-runner through
# chromedriver, and by Playwright through executablePath=/usr/bin/chromium).
# Idempotent: skips apt entirely when both are present with matching majors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\033[1m[setup-test]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup-test] error:\033[0m %s\n' "$*" >&2; exit 1; }

# The test and benchmark tools too (Playwright, Lighthouse, ...: package.json's
# devDependencies), in the same `npm ci`.
SWANILAI_NPM=full "$ROOT/scripts/setup-build.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# Debian's /usr/bin/chromium is a shell wrapper that prints "[: unexpected
# operator" noise on stderr; drop it. Prints e.g. "Chromium 156.0.8078.108 built on Debian ...".
# `|| true`: a missing binary must yield "" (checked below), not trip set -e/pipefail.
chromium_major()     { { "$CHROMIUM" --version 2>/dev/null || true; } | sed -n 's/^Chromium \([0-9]*\)\..*/\1/p'; }
# Prints e.g. "ChromeDriver 156.0.8078.108 (...)".
chromedriver_major() { { "$CHROMEDRIVER" --version 2>/dev/null || true; } | sed -n 's/^ChromeDriver \([0-9]*\)\..*/\1/p'; }

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ] && [ -n "$(chromium_major)" ] && [ -n "$(chromedriver_major)" ]; then
  log "chromium + chromedriver: present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "chromium/chromedriver missing and not root (no sudo): apt-get install chromium chromium-driver"
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  # NOT binaryen: Debian's wasm-opt 108 breaks the wasm (see setup-build.sh).
  PKGS=(chromium chromium-driver)
  # apt-get update only when the package lists don't know the packages yet
  # (fresh image) or the install fails (stale lists give 404s).
  if ! apt-cache show chromium-driver >/dev/null 2>&1; then
    log "apt-get update (package lists empty)"
    $SUDO apt-get update -qq
  fi
  log "apt-get install ${PKGS[*]}"
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}"; then
    log "install failed; apt-get update and retry"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}"
  fi
fi

CM="$(chromium_major)"; DM="$(chromedriver_major)"
[ -n "$CM" ] || die "cannot read the version of $CHROMIUM"
[ -n "$DM" ] || die "cannot read the version of $CHROMEDRIVER"
# chromedriver only drives the browser major it was built for.
[ "$CM" = "$DM" ] || die "chromium major $CM != chromedriver major $DM; apt-get install --only-upgrade chromium chromium-driver"
log "chromium $CM / chromedriver $DM: ok"
