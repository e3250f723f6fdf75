# The two commands: `make run` (install, build, build data, serve) and `make test`.
SNAI := build/snai

.PHONY: run test deps build data serve debug clean

run: build data serve

test: build
	scripts/test.sh

deps:
	scripts/install-deps.sh

build: deps
	cmake --preset release
	cmake --build --preset release

data:
	$(SNAI) data build

serve:
	$(SNAI) serve

# Sanitizer build (ASan + UBSan) in build-debug/, with the same tests.
debug: deps
	cmake --preset debug
	cmake --build --preset debug
	BUILD_DIR=build-debug scripts/test.sh

clean:
	rm -rf build build-debug
