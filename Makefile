# The two commands of the README's Quick start, and a few more.
# Each installs libicu-dev (and pkg-config) first when they are missing.

SWIFT ?= swift

.PHONY: demo test build release dependencies benchmark

## Transliterate the project's own sample article (samples/article.txt).
demo: dependencies
	$(SWIFT) build --product bgtext -c release
	.build/release/bgtext translit samples/article.txt

## Build and run every test (Swift Testing).
test: dependencies
	$(SWIFT) build --build-tests
	$(SWIFT) test

build: dependencies
	$(SWIFT) build

release: dependencies
	$(SWIFT) build -c release

## Run the benchmarks (a separate package under Benchmarks/).
benchmark: dependencies
	cd Benchmarks && $(SWIFT) package benchmark

dependencies:
	@scripts/install-dependencies
