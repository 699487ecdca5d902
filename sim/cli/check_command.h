// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim check`: every scenario under the paths, each in its own child process, a table of
// verdicts, and JUnit XML on request.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sim::app {

struct CheckArgs {
  std::vector<std::string> paths;
  std::string junit;
  unsigned jobs = 2;
  unsigned seeds = 0;
  std::string out = "out/check";
  std::vector<std::string> sets;
  bool no_sanitizer = false;
};

CLI::App* add_check_command(CLI::App& app, CheckArgs& args);
/// 0 every run passed, 1 some did not; throws for invalid input.
int run_check_command(const CheckArgs& args, const std::string& ipcsim);

} // namespace sim::app
