// SPDX-License-Identifier: Apache-2.0
#pragma once
// The coherency part of report.json and of the console summary (docs/report.md).

#include <string>

#include <nlohmann/json.hpp>

#include "sim/run_result.h"

namespace sim::app {

/// `coherency{enabled, violations, by_kind, findings[], stats}`.
nlohmann::ordered_json coherency_json(const CoherencyResult& coherency);
/// The summary's coherency lines: the counts, then the first `full` findings in full.
std::string coherency_summary(const CoherencyResult& coherency, std::size_t full = 3);

} // namespace sim::app
