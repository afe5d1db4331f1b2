# Swanilai build and test entry points.
#   make serve  dev server with live reload on http://127.0.0.1:8080/
#   make dist   release build into dist/ (works from any sub-path)
#   make test   host tests, wasm tests in headless Chromium, release build, e2e
#   make bench  shipped sizes and cold load time of the release build
#   make fuzz   the fuzz targets for FUZZ_SECONDS (default 600) in all
# Every target first runs an idempotent setup script that installs what is
# missing (cached: a warm run costs ~2 s).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := dist

# npm's wasm-opt (binaryen 132) must come before Debian's /usr/bin/wasm-opt (108,
# which produces a broken wasm); cargo-installed trunk/wasm-bindgen come next.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# wasm-bindgen-test-runner finds chromedriver here first (it would try a
# geckodriver on PATH before chromedriver).
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Skip trunk's self-update check, which `offline = true` in Trunk.toml doesn't cover.
export TRUNK_SKIP_VERSION_CHECK := true

# The release build: three apps from one crate, one cargo feature each (see
# src/ui/route.rs): the unit's app at dist/, the coordinator's at dist/koordinator/,
# results and report at dist/hasil/. The root is built first: trunk empties its own
# dist directory. --offline goes AFTER the subcommand: `trunk --offline build` makes
# the optional-valued flag swallow the word "build".
TRUNK_RELEASE = trunk build --release --offline --no-default-features
# scripts/postbuild.mjs then adds what makes it one installable, offline release: the
# strict-CSP start scripts, the manifest and icons, the service worker with every file
# of the three apps, the .gz/.br copies and swanilai-<version>.zip.
# Each app's build is then split (scripts/split.mjs, feature `split`: the screens behind the
# app's home go into wasm files fetched when needed), before the next app's build replaces
# cargo's output.
RELEASE_APP = $(TRUNK_RELEASE) --features $(1) --dist $(2) && node scripts/split.mjs --features $(1) --dist $(2)
TRUNK_DIST = $(call RELEASE_APP,app-unit$(comma)texts-on-demand$(comma)split,dist) \
	&& $(call RELEASE_APP,app-coordinator$(comma)split,dist/koordinator) \
	&& $(call RELEASE_APP,app-results$(comma)split,dist/hasil) \
	&& node scripts/postbuild.mjs
comma := ,

.PHONY: setup-build setup-test serve dist test lint test-host test-wasm fuzz fuzz-smoke e2e bench clean

setup-build:
	scripts/setup-build.sh

setup-test:
	scripts/setup-test.sh

# Dev server with live reload on http://127.0.0.1:8080/. public_url is "./" in
# Trunk.toml (for sub-path deploys); the dev server serves from the root, hence
# --public-url /. Its debug build goes to target/trunk-serve, not dist/, so dist/
# always holds the last release build (e2e and bench test dist/).
serve:
	SWANILAI_SPLIT=skip scripts/setup-build.sh
	trunk serve --offline --address 127.0.0.1 --port 8080 --public-url / --dist target/trunk-serve

dist: setup-build
	$(TRUNK_DIST)

test: setup-test
	$(MAKE) --no-print-directory lint test-host test-wasm fuzz-smoke
	$(TRUNK_DIST)
	# Size budgets and ceilings (scripts/budget.mjs): an app over either fails the test.
	node scripts/budget.mjs
	$(MAKE) --no-print-directory e2e

# The pieces of `make test`, without the setup step (for quick re-runs).
# Formatting and lints: the host (all targets, and the domain alone as the fuzz targets
# build it) and the wasm of each app, warnings as errors.
WASM_APPS := app-unit app-coordinator app-results
lint:
	cargo fmt --check
	cd fuzz && cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --no-default-features -- -D warnings
	for app in $(WASM_APPS); do \
	  cargo clippy --target wasm32-unknown-unknown --no-default-features --features $$app,split --all-targets -- -D warnings; \
	done
test-host:
	cargo test
	node --test tests/schema.test.mjs tests/zip.test.mjs
test-wasm:
	cargo test --target wasm32-unknown-unknown
e2e:
	node scripts/e2e.mjs
# Fuzzing (fuzz/, cargo-fuzz on nightly): a short smoke of each target in `make test`, and
# the long run. scripts/fuzz.sh installs cargo-fuzz if missing.
FUZZ_SECONDS ?= 600
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh
fuzz-smoke:
	FUZZ_SECONDS=30 scripts/fuzz.sh

bench: setup-test
	$(TRUNK_DIST)
	node scripts/bench.mjs
	cargo run --release --quiet --example bench_domain

clean:
	rm -rf dist test-results
	cargo clean
