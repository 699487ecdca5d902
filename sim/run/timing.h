// SPDX-License-Identifier: Apache-2.0
#pragma once
// The timing analysis of a run: where messages spent their time, stage by stage and per
// direction; request -> reply round trips; what the cores did. Built from the ledger's records
// (stages, and which message each reply echoes) and the core activity recorder. Pure C++.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/ledger/ledger.h"
#include "sim/ledger/message_stages.h"
#include "sim/ledger/percentiles.h"
#include "sim/run/core_usage.h"

namespace sim::app {

/// Time between two consecutive stages a message passed. Most messages pass every stage; one the
/// receiver took before its own notification arrived goes straight from publish to drain.
struct StageInterval {
  MessageStage from = MessageStage::kSend;
  MessageStage to = MessageStage::kSend;
  Percentiles ps;
};

struct DirectionTiming {
  Direction direction = Direction::kMasterToRemote;
  std::uint64_t messages = 0;           ///< copies sent
  std::uint64_t received = 0;           ///< of them, received (delivered or corrupted)
  std::vector<StageInterval> intervals; ///< ordered by (from, to)
  Percentiles total;                    ///< send -> receive of the received ones
};

/// Requests on one channel from one side and the replies that echo them (Record::echo_of).
struct RoundTrip {
  std::string channel;
  Side requester = Side::kMaster; ///< the side that sent the requests
  Percentiles ps;                 ///< request sent -> its reply received
};

/// Messages received per simulated second, over the window from the first send to the last
/// receive (both directions together).
struct Throughput {
  std::uint64_t received = 0;
  std::uint64_t window_ps = 0;
  double per_s = 0;
};

struct TimingResult {
  std::vector<DirectionTiming> directions; ///< per direction that carried messages
  Throughput throughput;
  std::vector<RoundTrip> round_trips;
  std::vector<CoreUsage> cores;
};

TimingResult summarize_timing(const std::vector<Ledger::Record>& records,
                              std::vector<CoreUsage> cores);

} // namespace sim::app
