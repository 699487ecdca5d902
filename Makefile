# The README's two commands. Both install what is missing first (scripts/setup), then build.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= 2
DEMO_SCENARIO ?= scenarios/basic/client_sample_3.yaml
WERROR ?= $(if $(CI),ON,OFF)

.PHONY: all setup configure build demo test bench format clean

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
	@cd $(BUILD_DIR) && SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1 ctest --output-on-failure -j$(JOBS)

bench: build
	@for b in $(BUILD_DIR)/bench/bench_*; do [ -x "$$b" ] && "$$b"; done

format:
	@git ls-files '*.h' '*.cpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR) out
