// SPDX-License-Identifier: Apache-2.0
#pragma once
// The `ipcsim validate` command: loads the board (or scenario) and the artefacts, runs the
// checks, prints them. Exit 0 clean (warnings allowed), 1 problems found; unreadable input
// throws (config::ConfigError, artefacts::ArtefactError, std::invalid_argument): exit 2.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sim::app {

struct ValidateArgs {
  std::string target; ///< board or scenario file
  std::vector<std::string> dts;
  std::string elf;
  std::vector<std::string> sets;
};

CLI::App* add_validate_command(CLI::App& app, ValidateArgs& args);
int run_validate_command(const ValidateArgs& args);

} // namespace sim::app
