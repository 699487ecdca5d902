// SPDX-License-Identifier: Apache-2.0
#pragma once
// The timeline of one run as recorded (RunOptions::trace): what sim/report/trace_json.h turns into
// a Perfetto trace.

#include <string>
#include <vector>

#include "sim/ledger/ledger.h"
#include "sim/run/core_usage.h"
#include "sim/run/trace_recorder.h"

namespace sim::app {

struct TraceData {
  std::string scenario;
  std::vector<CoreActivityRecorder::Slice> slices;
  std::vector<CoreActivityRecorder::ConsoleSlice> console;
  std::vector<TraceInstant> instants;
  std::vector<TraceCounter> counters;
  std::vector<TraceMark> marks;
  std::vector<Ledger::Record> messages;
};

} // namespace sim::app
