// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim conform SCENARIO --release vYYYY.MM`: the scenario twice, each in its own `ipcsim run`
// process: with the modelled remote on that OpenAMP release preset, and with real firmware built
// from that release on the ISS core. Then the comparison of conformance.h: outcome, ledger,
// coherency verdict, and each message's shared-memory accesses and maintenance; the first
// divergence is printed with both sides' context.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sim::app {

struct ConformArgs {
  std::string scenario;
  std::string release;
  std::string firmware;     ///< the ELF; default: the build's twin of the scenario's remote app
  std::string firmware_dir; ///< where the built firmware is (default: next to this ipcsim)
  std::vector<std::string> sets;
  std::string out; ///< default out/conform/<scenario name>-<release>
  bool no_sanitizer = false;
  std::string row;   ///< also write the result as a row of docs/conformance.md's table here
  std::string label; ///< the row's first cell (default: the release)
};

CLI::App* add_conform_command(CLI::App& app, ConformArgs& args);
/// 0 conformant, 1 the runs diverge; throws std::invalid_argument for invalid input.
int run_conform_command(const ConformArgs& args, const std::string& ipcsim);

} // namespace sim::app
