// SPDX-License-Identifier: Apache-2.0
#pragma once
// The consoles' part of the summary and of report.json: what each UART carried and cost, and,
// when the remote's logging dropped lines, how that compares with the messages RPMsg lost (a
// lost log line is not a lost message: docs/models/zephyr-logging.md).

#include <string>

#include <nlohmann/json.hpp>

#include "sim/run/run_result.h"

namespace sim::app {

/// The `consoles` and `log` summary lines (empty without a UART).
std::string console_summary(const RunResult& r);
/// report.json's `consoles` (null without a UART).
nlohmann::ordered_json consoles_json(const RunResult& r);

} // namespace sim::app
