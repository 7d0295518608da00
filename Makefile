# Chargecheck — the two commands a newcomer needs are `make run` and `make test`.
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE := .build/release/chargecheck

.PHONY: run test sanitize leaks deps build release screenshots bench bench-json bench-build autobahn interop soak fuzz example clean

## Install the system libraries (libyaml, OpenSSL, pkg-config) when they are missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists yaml-0.1 openssl; then \
		echo "Installing libyaml-dev, libssl-dev and pkg-config with apt-get…"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libyaml-dev libssl-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product chargecheck

## Build in release, check the shipped scenarios, and run the EV24 suite against the built-in emulator
## (virtual time: scenario time jumps to the next deadline whenever runner and emulator both wait).
run: release
	$(RELEASE) lint scenarios
	$(RELEASE) run scenarios/ev24 --time-scale max

## Build and test the downstream example package, then build and run the whole test suite, once, under
## AddressSanitizer (build folder .build-asan; docs/sanitizers.md); the suite's summary is the last thing printed.
test: deps
	$(MAKE) example
	SWIFT=$(SWIFT) scripts/sanitize/run.sh address

## The whole test suite under each sanitizer in SANITIZERS: `make sanitize` runs ThreadSanitizer (.build-tsan),
## `make sanitize SANITIZERS="thread address"` both.
SANITIZERS ?= thread
sanitize: deps
	@for sanitizer in $(SANITIZERS); do SWIFT=$(SWIFT) scripts/sanitize/run.sh $$sanitizer || exit 1; done

## The product under LeakSanitizer: chargecheck built with AddressSanitizer (.build-asan) runs EV24 against the
## emulator (--time-scale max) and a live wss:// run with a chargecheck emulate process; a leak fails it (docs/sanitizers.md).
leaks: deps
	SWIFT=$(SWIFT) scripts/sanitize/leaks.sh

## Examples/StationTests, a package using the ChargecheckTesting library as a downstream user would: build it and run
## its scenario tests (its own build folder, .build-example, so the main build stays untouched).
## The cached build description is dropped first: with it, SwiftPM kept this package's old file list after files
## were added here (the example failed to compile OCPP), and re-planning costs no rebuild.
example: deps
	rm -f .build-example/*/debug/description.json
	cd Examples/StationTests && $(SWIFT) test --scratch-path ../../.build-example

## HTML reports of a passing and a failing EV24 run (emulator), rendered by headless Chromium into docs/screenshots/.
screenshots: deps
	$(SWIFT) build --product chargecheck
	scripts/screenshots/run.sh

## Benchmarks: `make bench` builds chargecheck-bench in release and runs every workload at its default N (throughput,
## connections and fleet also at 2N; connections again over mutual TLS); `make bench-json` prints JSON lines.
## BENCH_ARGS adds options (e.g. BENCH_ARGS="--seconds 20"); `chargecheck-bench --help` lists them.
BENCH      := .build/release/chargecheck-bench
BENCH_ARGS ?=

bench: bench-build
	$(BENCH) --scaling $(BENCH_ARGS)
	$(BENCH) connections --mtls $(BENCH_ARGS)

bench-json: bench-build
	$(BENCH) --scaling --json $(BENCH_ARGS)
	$(BENCH) connections --mtls --json $(BENCH_ARGS)

bench-build: deps
	$(SWIFT) build -c release --product chargecheck-bench

## WebSocket conformance: Autobahn TestSuite both ways (installs a Python 2.7 virtualenv on first use); writes docs/autobahn.md.
autobahn: deps
	$(SWIFT) build -c release --product WebSocketEcho
	scripts/autobahn/run.sh

## Chargecheck against an independent OCPP implementation (mobilityhouse ocpp), both ways, all three security modes.
interop: release
	interop/run.sh

## Soak under faults (loopback): SOAK_STATIONS (1,000) emulated stations, a tenth misbehaving, plus a rogue transport
## client, against chargecheck run for SOAK_SECONDS (600); checks crash, memory, descriptors, verdicts, trace (docs/soak.md).
SOAK_SECONDS  ?= 600
SOAK_STATIONS ?= 1000
soak: release
	$(SWIFT) build -c release --product Soak
	SOAK_SECONDS=$(SOAK_SECONDS) SOAK_STATIONS=$(SOAK_STATIONS) .build/release/Soak

## Fuzzing: every libFuzzer target of Fuzz/ for FUZZ_SECONDS each (default 60), with address sanitizer; docs/fuzzing.md.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz/run.sh

clean:
	rm -rf .build
