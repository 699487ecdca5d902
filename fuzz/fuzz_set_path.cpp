// SPDX-License-Identifier: Apache-2.0
// `--set key=value` overrides on the reference board, one per input line, as the CLI applies
// them: the dotted path (list indices, new keys, type changes), the value's YAML, then the board
// parser over the result. Seeds: fuzz/seeds/set_path/.
#include <sstream>
#include <string>

#include "fuzz/fuzz_input.h"
#include "models/common/config/config_tree.h"
#include "models/platform/board_config.h"

#ifndef IPCSIM_SOURCE_DIR
#error "fuzz_set_path needs IPCSIM_SOURCE_DIR"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sim::config::ConfigValue reference =
      sim::config::load_file(std::string(IPCSIM_SOURCE_DIR) + "/configs/tcc807x.yaml");
  sim::fuzz::expect_refusal_or_success([&] {
    sim::config::ConfigValue doc = reference;
    std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
    std::string line;
    sim::config::SourceLoc where;
    where.file = std::make_shared<const std::string>("--set");
    while (std::getline(lines, line)) {
      const std::size_t eq = line.find('=');
      if (eq == std::string::npos || eq == 0) continue;
      sim::config::ConfigValue value = sim::config::load_string(line.substr(eq + 1), "--set");
      sim::config::set_path(doc, line.substr(0, eq), value, where);
    }
    sim::models::parse_board(sim::config::ConfigNode(doc, ""));
  });
  return 0;
}
