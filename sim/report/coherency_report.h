// SPDX-License-Identifier: Apache-2.0
#pragma once
// The coherency part of report.json and of the console summary (docs/report.md).

#include <string>

#include <nlohmann/json.hpp>

#include "sim/run/run_result.h"

namespace sim::app {

/// `coherency{enabled, violations, by_kind, findings[], stats, cost}`.
nlohmann::ordered_json coherency_json(const RunResult& result);
/// The summary's coherency lines: the counts, the first `full` findings in full, and the cost.
std::string coherency_summary(const RunResult& result, std::size_t full = 3);

} // namespace sim::app
