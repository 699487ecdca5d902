// SPDX-License-Identifier: Apache-2.0
#include "sim/report/timing_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "models/common/units.h"

namespace sim::app {
namespace {

using json = nlohmann::ordered_json;

json percentiles_json(const Percentiles& p) {
  return {{"count", p.count},
          {"p50_ns", p.p50 / kPsPerNs},
          {"p99_ns", p.p99 / kPsPerNs},
          {"max_ns", p.max / kPsPerNs}};
}

double percent(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

/// Two decimals are plenty in report.json.
double rounded(double v) {
  return std::round(v * 100.0) / 100.0;
}

/// The threads that used most of the core, busiest first (name order among equals).
std::vector<std::pair<std::string, std::uint64_t>> busiest(const CoreUsage& c, std::size_t n) {
  std::vector<std::pair<std::string, std::uint64_t>> v(c.by_thread.begin(), c.by_thread.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > n) v.resize(n);
  return v;
}

} // namespace

json stages_json(const StageTimes& stages) {
  json j = json::object();
  for (unsigned i = 0; i < kMessageStageCount; ++i) {
    const auto s = static_cast<MessageStage>(i);
    if (stages.has(s)) j[stage_name(s)] = stages.at(s) / kPsPerNs;
  }
  return j;
}

json timing_json(const TimingResult& t) {
  json directions = json::object();
  for (const DirectionTiming& d : t.directions) {
    json intervals = json::array();
    for (const StageInterval& i : d.intervals) {
      json ij = {{"from", stage_name(i.from)}, {"to", stage_name(i.to)}};
      ij.update(percentiles_json(i.ps));
      intervals.push_back(ij);
    }
    directions[direction_key(d.direction)] = {{"messages", d.messages},
                                              {"received", d.received},
                                              {"stages", intervals},
                                              {"total", percentiles_json(d.total)}};
  }
  json round_trips = json::array();
  for (const RoundTrip& r : t.round_trips) {
    json rj = {{"channel", r.channel}, {"requester", side_name(r.requester)}};
    rj.update(percentiles_json(r.ps));
    round_trips.push_back(rj);
  }
  json cores = json::array();
  for (const CoreUsage& c : t.cores) {
    json threads = json::object();
    for (const auto& [name, ps] : c.by_thread) threads[name] = ps / kPsPerNs;
    cores.push_back({{"cluster", c.cluster},
                     {"core", c.core},
                     {"thread_ns", c.thread_ps / kPsPerNs},
                     {"isr_ns", c.isr_ps / kPsPerNs},
                     {"idle_ns", c.idle_ps / kPsPerNs},
                     {"console_ns", c.console_ps / kPsPerNs},
                     {"busy_percent", rounded(percent(c.thread_ps + c.isr_ps, c.total_ps()))},
                     {"threads", threads}});
  }
  const Throughput& tp = t.throughput;
  json throughput = {{"received", tp.received},
                     {"window_ns", tp.window_ps / kPsPerNs},
                     {"messages_per_s", rounded(tp.per_s)}};
  return {{"directions", directions},
          {"throughput", throughput},
          {"round_trips", round_trips},
          {"cores", cores}};
}

std::string timing_summary(const TimingResult& t) {
  std::ostringstream os;
  char buf[256];
  for (const DirectionTiming& d : t.directions) {
    os << "timing    " << direction_label(d.direction) << ": " << d.messages << " sent, "
       << d.received << " received";
    if (d.total.count > 0)
      os << "; send -> receive p50 " << format_time(d.total.p50) << ", p99 "
         << format_time(d.total.p99) << ", max " << format_time(d.total.max);
    os << "\n";
    if (d.intervals.empty()) continue;
    std::snprintf(buf, sizeof buf, "          %-20s %6s %12s %12s %12s\n", "stage", "n", "p50",
                  "p99", "max");
    os << buf;
    for (const StageInterval& i : d.intervals) {
      const std::string name = std::string(stage_name(i.from)) + " -> " + stage_name(i.to);
      std::snprintf(buf, sizeof buf, "          %-20s %6llu %12s %12s %12s\n", name.c_str(),
                    static_cast<unsigned long long>(i.ps.count), format_time(i.ps.p50).c_str(),
                    format_time(i.ps.p99).c_str(), format_time(i.ps.max).c_str());
      os << buf;
    }
  }
  if (t.throughput.received > 1) {
    std::snprintf(buf, sizeof buf, "          %llu received in %s: %.0f messages/s\n",
                  static_cast<unsigned long long>(t.throughput.received),
                  format_time(t.throughput.window_ps).c_str(), t.throughput.per_s);
    os << buf;
  }
  for (const RoundTrip& r : t.round_trips)
    os << "round     " << r.channel << " from " << side_name(r.requester) << ": " << r.ps.count
       << " round trip(s), p50 " << format_time(r.ps.p50) << ", p99 " << format_time(r.ps.p99)
       << ", max " << format_time(r.ps.max) << "\n";
  for (const CoreUsage& c : t.cores) {
    const std::uint64_t total = c.total_ps();
    const char* label = &c == &t.cores.front() ? "cores" : "";
    if (c.thread_ps + c.isr_ps == 0) {
      std::snprintf(buf, sizeof buf, "%-9s %s.%u idle\n", label, c.cluster.c_str(), c.core);
      os << buf;
      continue;
    }
    std::snprintf(
        buf, sizeof buf, "%-9s %s.%u busy %.1f%%: threads %.1f%% (console %.1f%%), isr %.1f%%",
        label, c.cluster.c_str(), c.core, percent(c.thread_ps + c.isr_ps, total),
        percent(c.thread_ps, total), percent(c.console_ps, total), percent(c.isr_ps, total));
    os << buf;
    const auto top = busiest(c, 3);
    for (std::size_t i = 0; i < top.size(); ++i) {
      std::snprintf(buf, sizeof buf, "%s%s %.1f%%", i == 0 ? "; top " : ", ", top[i].first.c_str(),
                    percent(top[i].second, total));
      os << buf;
    }
    os << "\n";
  }
  return os.str();
}

} // namespace sim::app
