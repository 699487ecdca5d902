// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim layout`: the shared-memory map of a board (or a scenario's board) and how each side
// maps it.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sim::app {

struct LayoutArgs {
  std::string board; ///< board or scenario file
  std::vector<std::string> sets;
};

CLI::App* add_layout_command(CLI::App& app, LayoutArgs& args);
int run_layout_command(const LayoutArgs& args);

} // namespace sim::app
