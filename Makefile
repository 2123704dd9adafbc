# Shortcuts; the README's Quick start uses the scripts directly, since a
# machine with only the Swift toolchain may have no make.
.PHONY: demo test benchmark
demo:
	scripts/demo
test:
	scripts/test
benchmark:
	scripts/install-dependencies
	cd Benchmarks && swift package benchmark
