// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a run produced: the facts expectations are checked against and the report is written from.
// Every number comes from the models and the message ledger, never from the scenario.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "models/coherency/finding.h"
#include "models/cpu/panic_info.h"
#include "sim/ledger/ledger.h"
#include "sim/scenario/faults.h"
#include "sim/scenario/software_counters.h"

namespace sim::app {

/// The coherency sanitizer's verdict (empty and `enabled = false` when it was switched off).
struct CoherencyResult {
  bool enabled = false;
  /// Folded per (kind, field, site), in order of first occurrence.
  std::vector<models::coherency::Finding> findings;
  std::map<std::string, std::uint64_t> by_kind; ///< occurrences, every kind present
  models::coherency::SanitizerStats stats;
};

struct RunResult {
  std::string outcome; ///< completed | timeout | panic | attach_failed
  /// No application was awaited (only servers): the run went to stop_at, and `completed` means
  /// only that nothing panicked or failed to attach.
  bool nothing_awaited = false;
  std::uint64_t sim_time_ps = 0;
  double wall_ms = 0;
  LedgerSummary messages;
  /// Every application message, in send order (report.json `messages.log`).
  std::vector<Ledger::Record> message_log;
  /// What the ledger noticed besides messages (software notes, reports that fit nothing).
  std::vector<std::string> ledger_notes;
  std::map<Side, std::string> console; ///< captured UART text, of each side with a UART
  /// What each side's console carried and cost (its UART's counters).
  struct ConsoleStats {
    std::uint64_t lines = 0;
    std::uint64_t bytes = 0;
    std::uint64_t busy_ps = 0;  ///< the wire transmitting
    std::uint64_t stalls = 0;   ///< writes that found the FIFO full
    std::uint64_t stall_ps = 0; ///< writers waiting for a FIFO slot: the printing threads' cost
  };
  std::map<Side, ConsoleStats> consoles;
  std::vector<models::PanicInfo> panics;
  /// Linux's attach error (outcome attach_failed), naming the address and the value found.
  std::string attach_error;
  /// rpmsg channels Linux created from the remote's name-service announcements.
  std::vector<std::string> channels;
  /// Each stack's counters (software_counters.h); empty when that stack did not boot.
  Counters linux_counters;
  Counters zephyr_counters;
  /// Why the Zephyr image stopped before rpmsg was ready (empty while fine).
  std::string zephyr_error;
  /// Zephyr images that ran (more than one after a remote restart; counters are the last one's).
  std::size_t zephyr_images = 0;
  CoherencyResult coherency;
  /// The scenario's faults and when each fired.
  std::vector<FaultRecord> faults;
};

} // namespace sim::app
