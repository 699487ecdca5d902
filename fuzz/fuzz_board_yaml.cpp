// SPDX-License-Identifier: Apache-2.0
// A board file (configs/*.yaml) as the board parser reads it: the YAML reader with its alias and
// size budgets, then every board key, range and address-map check. Seeds: configs/.
#include <string_view>

#include "fuzz/fuzz_input.h"
#include "models/common/config/config_tree.h"
#include "models/platform/board_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sim::fuzz::expect_refusal_or_success([&] {
    const sim::config::ConfigValue doc = sim::config::load_string(
        std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
    sim::models::parse_board(sim::config::ConfigNode(doc, ""));
  });
  return 0;
}
