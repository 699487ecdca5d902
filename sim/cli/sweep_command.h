// SPDX-License-Identifier: Apache-2.0
#pragma once
// The `ipcsim sweep` command: validates the whole sweep first (every point loads, the plot request
// names swept keys and known metrics), runs it with progress, writes the CSV, prints the table and
// draws the plot.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sim::app {

struct SweepArgs {
  std::string scenario;
  std::vector<std::string> params; ///< "key=v1,v2"
  std::vector<std::string> sets;   ///< fixed overrides for every run
  unsigned seeds = 0;              ///< 0: the scenario's seed
  unsigned jobs = 2;
  std::string out;  ///< default out/sweep/<scenario name>
  std::string csv;  ///< default <out>/sweep.csv
  std::string plot; ///< .svg or .png, optional
  std::string x;    ///< plot against this key (default: the first --param)
  std::vector<std::string> metrics = {"delivered", "dropped"};
  bool logx = false;
  bool no_sanitizer = false;
};

CLI::App* add_sweep_command(CLI::App& app, SweepArgs& args);
/// 0 every run produced a report, 1 some did not (or the plot failed); throws
/// std::invalid_argument / config::ConfigError for invalid input.
int run_sweep_command(const SweepArgs& args, const std::string& ipcsim);

} // namespace sim::app
