# The README's two commands. Both install what is missing first (scripts/setup), then build.
# SANITIZE=1: the same, built with ASan and UBSan in build-asan/.
ifeq ($(SANITIZE),1)
BUILD_DIR ?= build-asan
BUILD_TYPE ?= Asan
endif
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= 2
DEMO_SCENARIO ?= scenarios/basic/client_sample_3.yaml
WERROR ?= $(if $(CI),ON,OFF)

# Under SANITIZE=1 a leak or an undefined behaviour fails the test that hit it.
SANITIZER_ENV := $(if $(filter 1,$(SANITIZE)),ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1)

.PHONY: all setup configure build demo test bench format keys clean

all: build

setup:
	@bash scripts/setup

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DIPCSIM_WERROR=$(WERROR) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS) -- --no-print-directory

# The demo needs the simulator only: no test or benchmark is compiled for it.
demo: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS) --target ipcsim -- --no-print-directory
	@$(BUILD_DIR)/sim/ipcsim run $(DEMO_SCENARIO) --out out/demo

test: build
	@cd $(BUILD_DIR) && SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1 $(SANITIZER_ENV) ctest --output-on-failure -j$(JOBS)

bench: build
	@for b in $(BUILD_DIR)/bench/bench_*; do [ -x "$$b" ] && "$$b"; done

# The schemas and docs' key tables from the key declarations (the test docs.config_keys checks).
keys: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS) --target gen_keys -- --no-print-directory
	@$(BUILD_DIR)/tests/docs/gen_keys --write .

format:
	@git ls-files '*.h' '*.cpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR) out
