// SPDX-License-Identifier: Apache-2.0
#pragma once
// The timeline of one run as recorded (RunOptions::trace): what sim/report/trace_json.h turns into
// a Perfetto trace.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/ledger/ledger.h"
#include "sim/run/core_usage.h"
#include "sim/run/trace_recorder.h"

namespace sim::app {

struct TraceData {
  std::string scenario;
  /// The board's clusters in its order, with the side each plays (if any).
  std::vector<std::pair<std::string, std::optional<Side>>> clusters;
  std::vector<CoreActivityRecorder::Slice> slices;
  std::vector<CoreActivityRecorder::ConsoleSlice> console;
  std::vector<TraceInstant> instants;
  std::vector<TraceCounter> counters;
  std::vector<TraceMark> marks;
  std::vector<Ledger::Record> messages;
};

} // namespace sim::app
