# Chargecheck — the two commands a newcomer needs are `make run` and `make test`.
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE := .build/release/chargecheck

.PHONY: run test deps build release bench clean

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

## Build in release and run the default job.
run: release
	$(RELEASE) lint scenarios

## Build and run the whole test suite.
test: deps
	$(SWIFT) test

## Run the benchmarks in release.
bench: deps
	$(SWIFT) run -c release OCPPBenchmark

clean:
	rm -rf .build
