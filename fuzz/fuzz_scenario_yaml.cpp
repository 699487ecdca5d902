// SPDX-License-Identifier: Apache-2.0
// A scenario file as `ipcsim run` loads it: the document, the board it names, the merged
// software sections, the applications, the faults and the expectations. The input is written two
// folders below a scratch folder where configs/ is the repository's, so that the shipped
// scenarios' `board: ../../configs/tcc807x.yaml` resolve. Seeds: scenarios/, tests/scenarios/.
#include "fuzz/fuzz_input.h"
#include "sim/scenario/scenario.h"

#ifndef IPCSIM_SOURCE_DIR
#error "fuzz_scenario_yaml needs IPCSIM_SOURCE_DIR"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  static const fs::path file = [] {
    const fs::path root = sim::fuzz::scratch();
    std::error_code ec;
    fs::create_symlink(fs::path(IPCSIM_SOURCE_DIR) / "configs", root / "configs", ec);
    fs::create_directories(root / "scenarios" / "fuzz");
    return root / "scenarios" / "fuzz" / "input.yaml";
  }();
  sim::fuzz::write_file(file, data, size);
  sim::fuzz::expect_refusal_or_success([&] { sim::app::load_scenario(file.string()); });
  return 0;
}

// libsystemc (linked through the fault models) references sc_main; libFuzzer owns main().
extern "C" int sc_main(int, char**) {
  return 0;
}
