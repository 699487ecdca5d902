// SPDX-License-Identifier: Apache-2.0
#include "sim/report/console_report.h"

#include <cstdio>

#include "models/common/units.h"

namespace sim::app {
namespace {

std::uint64_t counter(const Counters& counters, const char* name) {
  for (const auto& [key, value] : counters)
    if (key == name) return value;
  return 0;
}

/// Log messages neither printed nor dropped: still in the deferred buffer when the run ended.
std::uint64_t log_buffered(const RunResult& r) {
  const std::uint64_t logged = counter(r.zephyr_counters, "log_messages");
  const std::uint64_t gone =
      counter(r.zephyr_counters, "log_dropped") + counter(r.zephyr_counters, "log_lines");
  return logged > gone ? logged - gone : 0;
}

} // namespace

std::string console_summary(const RunResult& r) {
  std::string out;
  if (r.consoles.empty()) return out;
  out = "consoles ";
  const char* sep = " ";
  char buf[256];
  for (const auto& [side, c] : r.consoles) {
    std::snprintf(buf, sizeof buf, "%s%s: %llu lines, %llu bytes, wire busy %s, writers waited %s",
                  sep, side_name(side), static_cast<unsigned long long>(c.lines),
                  static_cast<unsigned long long>(c.bytes), format_time(c.busy_ps).c_str(),
                  format_time(c.stall_ps).c_str());
    out += buf;
    sep = "; ";
  }
  out += "\n";
  const std::uint64_t logged = counter(r.zephyr_counters, "log_messages");
  const std::uint64_t lost = counter(r.zephyr_counters, "log_dropped");
  const std::uint64_t buffered = log_buffered(r);
  if (lost > 0 || buffered > 0) {
    std::snprintf(buf, sizeof buf, "log       remote's log lost %llu of %llu lines",
                  static_cast<unsigned long long>(lost), static_cast<unsigned long long>(logged));
    out += buf;
    if (buffered > 0) {
      // Not lost: the log thread had not printed them yet when the run stopped.
      std::snprintf(buf, sizeof buf, ", %llu still buffered at the end",
                    static_cast<unsigned long long>(buffered));
      out += buf;
    }
    std::snprintf(buf, sizeof buf, "; RPMsg lost %llu messages\n",
                  static_cast<unsigned long long>(r.messages.dropped));
    out += buf;
  }
  return out;
}

nlohmann::ordered_json consoles_json(const RunResult& r) {
  nlohmann::ordered_json j;
  const auto ms = [](std::uint64_t ps) { return static_cast<double>(ps) / kPsPerMs; };
  for (const auto& [side, c] : r.consoles) {
    j[side_name(side)] = {{"lines", c.lines},
                          {"bytes", c.bytes},
                          {"busy_ms", ms(c.busy_ps)},
                          {"stalls", c.stalls},
                          {"stall_ms", ms(c.stall_ps)}};
  }
  if (r.consoles.count(Side::kRemote) != 0) {
    j["remote"]["log_messages"] = counter(r.zephyr_counters, "log_messages");
    j["remote"]["log_dropped"] = counter(r.zephyr_counters, "log_dropped");
    j["remote"]["log_buffered"] = log_buffered(r);
  }
  return j;
}

} // namespace sim::app
