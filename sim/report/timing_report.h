// SPDX-License-Identifier: Apache-2.0
#pragma once
// The timing analysis in report.json (`timing`, and `stages` in each message log entry) and in
// the console summary (docs/report.md "Timing").

#include <string>

#include <nlohmann/json.hpp>

#include "sim/ledger/message_stages.h"
#include "sim/run/timing.h"

namespace sim::app {

nlohmann::ordered_json timing_json(const TimingResult& timing);
/// One message's stage times in ns, by stage name; only the stages it passed.
nlohmann::ordered_json stages_json(const StageTimes& stages);
/// The summary's `timing`, `round`, `cores` lines (empty when there is nothing to say).
std::string timing_summary(const TimingResult& timing);

} // namespace sim::app
