// SPDX-License-Identifier: Apache-2.0
#pragma once
// report.json (stable, docs/report.md) and the console summary of a run.

#include <string>

#include <nlohmann/json.hpp>

#include "sim/run/runner.h"
#include "sim/scenario/scenario.h"

namespace sim::app {

nlohmann::ordered_json report_json(const Scenario& scenario, const RunOutput& run);
std::string summary_text(const Scenario& scenario, const RunOutput& run);
/// Writes report.json, effective.yaml (the merged configuration, replayable) and the console logs.
void write_outputs(const std::string& dir, const Scenario& scenario, const RunOutput& run);
bool all_expectations_met(const RunOutput& run);

} // namespace sim::app
