// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim run`: one scenario, its summary on stdout, report.json and friends under --out, and on
// request a Perfetto trace and a VCD; or, with --seeds N, the scenario under seeds 1..N in child
// processes, listing the seeds that break its expectations.

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sim::app {

struct RunArgs {
  std::string scenario;
  std::vector<std::string> sets;
  std::uint64_t seed = 0;
  bool seed_given = false;
  std::string out; ///< default out/<scenario name>
  std::string log_level = "warn";
  bool no_sanitizer = false;
  unsigned seeds = 0; ///< 0: one run
  std::string trace;
  std::string vcd;
  std::string access_trace; ///< the remote's shared accesses, TSV (ipcsim conform reads it)
};

CLI::App* add_run_command(CLI::App& app, RunArgs& args);
/// 0 every expectation held, 1 one failed; throws for invalid input.
int run_run_command(const RunArgs& args, const std::string& ipcsim);

} // namespace sim::app
