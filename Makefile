# Chargecheck — the two commands a newcomer needs are `make run` and `make test`.
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE := .build/release/chargecheck

.PHONY: run test deps build release screenshots bench bench-ocpp bench-lint bench-websocket bench-emulator autobahn interop clean example

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
## (twenty seconds of scenario time per second of real time).
run: release
	$(RELEASE) lint scenarios
	$(RELEASE) run scenarios/ev24 --time-scale 20

## Build and run the whole test suite, then the downstream example package.
test: deps
	$(SWIFT) test
	$(MAKE) example

## Examples/StationTests, a package using the ChargecheckTesting library as a downstream user would: build it and run
## its scenario tests (its own build folder, .build-example, so the main build stays untouched).
example: deps
	cd Examples/StationTests && $(SWIFT) test --scratch-path ../../.build-example

## HTML reports of a passing and a failing EV24 run (emulator), rendered by headless Chromium into docs/screenshots/.
screenshots: deps
	$(SWIFT) build --product chargecheck
	scripts/screenshots/run.sh

## Benchmarks (release builds): `make bench` runs them all.
bench: bench-ocpp bench-lint bench-websocket bench-emulator

## OCPP: MeterValues frames, text → frame → validated payload.
bench-ocpp: deps
	$(SWIFT) run -c release OCPPBenchmark

## Lint: 1,000 scenario files.
bench-lint: deps
	$(SWIFT) run -c release LintBenchmark

## WebSocket: connections held and echo messages per second on loopback (server here, clients in a child process).
bench-websocket: deps
	$(SWIFT) build -c release --product WebSocketBenchmark
	.build/release/WebSocketBenchmark 10000 100 1000 ws
	.build/release/WebSocketBenchmark 1000 100 1000 wss

## Emulator: a fleet of 1,000 stations charging against a loopback central system, CALLs per second and CPU per CALL.
bench-emulator: deps
	$(SWIFT) run -c release EmulatorBenchmark 1000 20

## WebSocket conformance: Autobahn TestSuite both ways (installs a Python 2.7 virtualenv on first use); writes docs/autobahn.md.
autobahn: deps
	$(SWIFT) build -c release --product WebSocketEcho
	scripts/autobahn/run.sh

## Chargecheck against an independent OCPP implementation (mobilityhouse ocpp), both ways, all three security modes.
interop: release
	interop/run.sh

clean:
	rm -rf .build
