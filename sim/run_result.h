// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a run produced: the facts expectations are checked against and the report is written from.
// Every number comes from the models and the message ledger, never from the scenario.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "models/cpu/panic_info.h"
#include "sim/ledger.h"

namespace sim::app {

struct RunResult {
  std::string outcome; ///< completed | timeout | panic
  std::uint64_t sim_time_ps = 0;
  double wall_ms = 0;
  LedgerSummary messages;
  std::map<std::string, std::string> console; ///< side -> captured UART text
  std::vector<models::PanicInfo> panics;
};

} // namespace sim::app
