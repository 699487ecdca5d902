// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim run --vcd FILE.vcd`: the mailbox interrupt wires of both sides, the command FIFO levels
// and the vring indices as waveforms (SystemC's sc_trace; GTKWave opens the file). Levels and
// indices are plain variables that follow the trace recorder's samples. A sample stamped ahead of
// SystemC time (a core running ahead in its quantum stored the index) is applied when SystemC time
// reaches its stamp, so the waveform shows each value at its own time.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <systemc>

#include "sim/run/trace_recorder.h"

namespace sim::models {
class Platform;
}

namespace sim::app {

class VcdTrace {
public:
  /// Creates the file and declares every signal; call before the simulation starts. `counters`
  /// names every counter the recorder will sample.
  VcdTrace(models::Platform& platform, const std::string& path,
           const std::vector<std::string>& counters);
  ~VcdTrace();
  VcdTrace(const VcdTrace&) = delete;
  VcdTrace& operator=(const VcdTrace&) = delete;

  void on_counter(const TraceCounter& c);

  /// "cmd FIFO master -> remote" -> "cmd_fifo_master_to_remote" (VCD identifiers).
  static std::string signal_name(const std::string& name);

private:
  void apply_due();

  sc_core::sc_trace_file* file_ = nullptr;
  std::map<std::string, unsigned> values_;
  /// Samples waiting for their time, by time (several at one time keep their order).
  std::multimap<std::uint64_t, std::pair<std::string, unsigned>> pending_;
  sc_core::sc_event due_;
};

} // namespace sim::app
