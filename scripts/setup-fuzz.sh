#!/usr/bin/env bash
# Installs what the fuzz targets need, skipping what is there: the nightly toolchain
# (libFuzzer's instrumentation needs it) and cargo-fuzz. Idempotent; a warm run is instant.
set -euo pipefail

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
