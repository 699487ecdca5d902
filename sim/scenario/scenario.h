// SPDX-License-Identifier: Apache-2.0
#pragma once
// A scenario (DESIGN §6): board file, seed, simulated-time limit, overrides, per-side software and
// the expectations. Loading builds one merged document — the board's keys, plus `master` and
// `remote` (the board's `software.<side>` defaults merged with the scenario's sections) — then
// applies the scenario's `set:` and the command line's `--set` by dotted path. Every node keeps
// the file:line it came from, so errors in the merged document still point into the right file.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/common/config/config_node.h"
#include "models/common/config/keys.h"
#include "models/platform/board_config.h"
#include "sim/scenario/app_registry.h"
#include "sim/scenario/expectations.h"
#include "sim/scenario/faults.h"
#include "sim/scenario/software_config.h"

namespace sim::app {

struct Scenario {
  std::string file;
  std::string name;
  std::string description;
  std::string board_file;
  std::uint64_t seed = 1;
  Picoseconds stop_at = 0;
  /// Simulated time allowed after the awaited applications are done, before the run stops.
  Picoseconds settle = 20 * kPsPerMs;
  /// The coherency sanitizer watches the run (`sanitizer: false` or --no-sanitizer: off).
  bool sanitizer = true;
  models::BoardConfig board;
  MasterSoftware master;
  RemoteSoftware remote;
  std::vector<AppInstance> master_apps;
  std::vector<AppInstance> remote_apps;
  Expectations expect;
  std::vector<std::shared_ptr<const Fault>> faults;
  /// The effective document (board + software + overrides), dumped next to the results.
  config::ConfigValue effective;
};

struct LoadOptions {
  /// `key=value` pairs from the command line, applied after the scenario's own `set:`.
  std::vector<std::string> sets;
  /// Replaces the scenario's seed when present.
  bool has_seed = false;
  std::uint64_t seed = 0;
  /// Switches the coherency sanitizer off whatever the scenario says.
  bool no_sanitizer = false;
};

/// A scenario's name: a file name under --out, so it cannot climb out of it.
inline constexpr const char* kScenarioNamePattern = "[A-Za-z0-9_-][A-Za-z0-9_.-]*";

/// The top-level keys of a scenario file (scenario_keys.cpp).
const config::KeySet& scenario_keys();

/// Loads and validates a scenario. Throws config::ConfigError on any invalid input.
Scenario load_scenario(const std::string& path, const LoadOptions& options = {});

/// Loads just a board file (for `ipcsim layout`). A scenario path loads its board with overrides.
models::BoardConfig load_board_or_scenario(const std::string& path,
                                           const LoadOptions& options = {});

/// A board with the remote software that runs on it (for `ipcsim validate`): a board file's own
/// `software.remote`, or a scenario's merged `remote` section.
struct PortDescription {
  std::string board_file;
  models::BoardConfig board;
  RemoteSoftware remote;
};
PortDescription load_port(const std::string& path, const LoadOptions& options = {});

} // namespace sim::app
