// SPDX-License-Identifier: Apache-2.0
#pragma once
// The `ipcsim import` command: writes a board file from the artefacts, then validates it with
// them. Exit 0 written and clean, 1 written with problems; unreadable input throws (exit 2).

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sim::app {

struct ImportArgs {
  std::vector<std::string> dts;
  std::string elf;
  std::string output;
  std::string base; ///< default: configs/tcc807x.yaml
  std::string name; ///< default: the output file's stem
};

CLI::App* add_import_command(CLI::App& app, ImportArgs& args);
int run_import_command(const ImportArgs& args);

} // namespace sim::app
