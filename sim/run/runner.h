// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs one scenario: builds the platform, boots each side's applications as threads, simulates
// until every application returned (then lets the consoles drain) or until `stop_at`, and
// collects the result from the ledger and the models. A process runs at most one scenario (one
// SystemC simulation per process).

#include <nlohmann/json.hpp>

#include "sim/run/access_trace.h"
#include "sim/run/expectation_check.h"
#include "sim/run/run_result.h"
#include "sim/run/timing.h"
#include "sim/run/trace_data.h"
#include "sim/scenario/scenario.h"
#include "sw/linux/linux.h"
#include "sw/zephyr/zephyr.h"

#include <optional>

#include "models/iss/firmware_cpu.h"

namespace sim::app {

struct RunOutput {
  RunResult result;
  std::optional<sw::lnx::LinuxStatus> linux_status;
  std::optional<sw::zephyr::ZephyrStatus> zephyr_status;
  /// When the remote ran real firmware: the ELF, its core's figures, its messages as read.
  struct Firmware {
    std::string file;
    models::iss::FirmwareCpuStats cpu;
    std::uint64_t taken = 0, handed = 0, published = 0;
    /// What its application reported on the probe port, and writes there that made no sense.
    std::uint64_t app_reports = 0, app_report_errors = 0;
    /// Kicks its platform reported sent, and lost to a busy mailbox.
    std::uint64_t kicks = 0, kicks_lost = 0;
  };
  std::optional<Firmware> firmware;
  std::vector<ExpectationResult> expectations;
  nlohmann::ordered_json stats;
  std::vector<std::pair<Side, std::string>> console_lines; ///< side, "[t] text"
  TimingResult timing;
  /// The timeline, when RunOptions::trace asked for it.
  std::optional<TraceData> trace;
  /// The remote's shared-memory accesses and maintenance, when RunOptions::access_trace asked.
  std::optional<std::vector<SharedAccess>> access_trace;
};

struct RunOptions {
  /// Record the timeline (--trace): every core slice, console print, mailbox event, counter.
  bool trace = false;
  /// Write the interrupt wires, FIFO levels and vring indices to this VCD file (--vcd).
  std::string vcd;
  /// Record the remote's shared-memory accesses and cache maintenance (--access-trace).
  bool access_trace = false;
};

RunOutput run_scenario(const Scenario& scenario, const RunOptions& options = RunOptions());

} // namespace sim::app
