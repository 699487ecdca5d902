// SPDX-License-Identifier: Apache-2.0
#pragma once
// Checks a finished run against the scenario's `expect:` block (sim/scenario/expectations.h
// parses it): one result per key, met, unmet or not checked.

#include <string>
#include <vector>

#include "sim/run/run_result.h"
#include "sim/scenario/expectations.h"

namespace sim::app {

struct ExpectationResult {
  std::string key;
  std::string expected;
  std::string actual;
  bool ok = false;
  /// Not checked (a coherency expectation with the sanitizer off): neither met nor failed.
  bool skipped = false;
};

std::vector<ExpectationResult> evaluate(const Expectations& expect, const RunResult& result);

} // namespace sim::app
