// SPDX-License-Identifier: Apache-2.0
#include "sim/report/report.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

#include "models/common/config/config_error.h"
#include "models/common/units.h"
#include "sim/report/coherency_report.h"
#include "sim/report/console_report.h"
#include "sim/report/message_log.h"
#include "sim/report/timing_report.h"

namespace sim::app {

// Ordered so report.json reads top-down: identity, verdict, then detail.
using json = nlohmann::ordered_json;

bool all_expectations_met(const RunOutput& run) {
  for (const ExpectationResult& e : run.expectations)
    if (!e.ok) return false;
  return true;
}

namespace {

json counts_json(const MessageCounts& c) {
  json drops = json::object();
  for (const auto& [reason, n] : c.drops) drops[reason] = n;
  return {{"sent", c.sent},
          {"delivered", c.delivered},
          {"dropped", c.dropped},
          {"corrupted", c.corrupted},
          {"in_flight", c.in_flight},
          {"echoes", c.echoes},
          {"drops", drops}};
}

/// "100 sent, 14 delivered, 86 dropped": only the states that occurred.
std::string counts_line(const MessageCounts& c) {
  std::string line = std::to_string(c.sent) + " sent";
  if (c.echoes > 0) line += " (" + std::to_string(c.echoes) + " echoes)";
  const std::pair<const char*, std::uint64_t> states[] = {{"delivered", c.delivered},
                                                          {"dropped", c.dropped},
                                                          {"corrupted", c.corrupted},
                                                          {"in flight", c.in_flight}};
  for (const auto& [name, n] : states)
    if (n > 0) line += ", " + std::to_string(n) + " " + name;
  return line;
}

/// "#10 (x6), #12": message ids in first-seen order, repeats counted, 0 (nobody's) left out.
std::string id_list(const std::vector<std::uint64_t>& ids) {
  std::vector<std::pair<std::uint64_t, std::size_t>> seen;
  for (std::uint64_t id : ids) {
    if (id == 0) continue;
    auto it = std::find_if(seen.begin(), seen.end(), [id](const auto& p) { return p.first == id; });
    if (it == seen.end())
      seen.emplace_back(id, 1);
    else
      ++it->second;
  }
  std::string out;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (i == 5) return out + ", ...";
    out += (i == 0 ? "#" : ", #") + std::to_string(seen[i].first);
    if (seen[i].second > 1) out += " (x" + std::to_string(seen[i].second) + ")";
  }
  return out;
}

/// Writes `j` indented by two spaces, as std::setw(2) would, with `messages.log` (an empty
/// array in the tree) written from the records, one message per line (message_log.h).
void write_json(std::ostream& os, const json& j, int depth,
                const std::vector<Ledger::Record>& log) {
  const std::string pad(static_cast<std::size_t>(2 * (depth + 1)), ' ');
  const std::string end_pad(static_cast<std::size_t>(2 * depth), ' ');
  if (j.is_object() && !j.empty()) {
    os << "{\n";
    bool first = true;
    for (const auto& [key, value] : j.items()) {
      os << (first ? "" : ",\n") << pad << json(key).dump() << ": ";
      if (depth == 1 && key == "log" && !log.empty()) {
        os << "[\n";
        write_message_log(os, log, pad + "  ");
        os << "\n" << pad << "]";
      } else {
        write_json(os, value, depth + 1, log);
      }
      first = false;
    }
    os << "\n" << end_pad << "}";
  } else if (j.is_array() && !j.empty()) {
    os << "[\n";
    bool first = true;
    for (const json& item : j) {
      os << (first ? "" : ",\n") << pad;
      write_json(os, item, depth + 1, log);
      first = false;
    }
    os << "\n" << end_pad << "]";
  } else {
    os << j.dump();
  }
}

/// The `mailbox` and `caches` summary lines, from the models' counters in run.stats.
std::string stats_summary(const json& stats) {
  std::ostringstream os;
  const auto count = [](const json& j, const char* k) { return j.value(k, std::uint64_t{0}); };
  if (stats.contains("mailbox")) {
    os << "mailbox  ";
    const char* sep = " ";
    for (Direction direction : kDirections) {
      if (!stats["mailbox"].contains(direction_key(direction))) continue;
      const json& d = stats["mailbox"][direction_key(direction)];
      os << sep << direction_label(direction) << ": " << count(d, "kicks") << " kick(s), peak FIFO "
         << count(d, "max_cmd_level");
      if (count(d, "cmd_words_dropped") > 0)
        os << ", " << count(d, "cmd_words_dropped") << " word(s) dropped (FIFO full)";
      sep = "; ";
    }
    os << "\n";
  }
  if (stats.contains("caches")) {
    os << "caches   ";
    const char* sep = " ";
    for (const auto& [side, c] : stats["caches"].items()) {
      const std::uint64_t accesses = count(c, "reads") + count(c, "writes");
      os << sep << side << ": ";
      sep = "; ";
      if (accesses == 0) {
        os << "no cached access";
        continue;
      }
      const std::uint64_t maintenance = count(c, "clean_calls") + count(c, "invalidate_calls") +
                                        count(c, "clean_invalidate_calls");
      char buf[160];
      std::snprintf(buf, sizeof buf,
                    "%llu accesses, %.1f%% hits, %llu write-backs, %llu maintenance calls",
                    static_cast<unsigned long long>(accesses),
                    100.0 * static_cast<double>(count(c, "hits")) / static_cast<double>(accesses),
                    static_cast<unsigned long long>(count(c, "writebacks")),
                    static_cast<unsigned long long>(maintenance));
      os << buf;
      if (count(c, "adversarial_evictions") > 0)
        os << ", " << count(c, "adversarial_evictions") << " adversarial evictions";
    }
    os << "\n";
  }
  return os.str();
}

} // namespace

json report_json(const Scenario& sc, const RunOutput& run) {
  const RunResult& r = run.result;
  const LedgerSummary& m = r.messages;
  json j;
  j["scenario"] = sc.name;
  j["seed"] = sc.seed;
  j["outcome"] = r.outcome;
  if (r.nothing_awaited) j["nothing_awaited"] = true; // ran to stop_at: only servers
  j["sim_time_ns"] = r.sim_time_ps / kPsPerNs;
  j["wall_ms"] = static_cast<std::int64_t>(r.wall_ms + 0.5);
  json drops = json::object();
  for (const auto& [reason, n] : m.drops) drops[reason] = n;
  json where = json::object();
  for (const auto& [place, n] : m.in_flight_where) where[place] = n;
  json channels = json::object();
  for (const auto& [key, counts] : count_channels(r.message_log))
    channels[key.first][direction_key(key.second)] = counts_json(counts);
  j["messages"] = {{"sent", m.sent},
                   {"delivered", m.delivered},
                   {"dropped", m.dropped},
                   {"corrupted", m.corrupted},
                   {"in_flight", m.in_flight},
                   {"echoes", m.echoes},
                   {"unexpected", m.unexpected},
                   {"unexpected_drops", m.unexpected_drops},
                   {"control", m.control},
                   {"drops", drops},
                   {"in_flight_where", where},
                   {"channels", channels},
                   {"latency_us",
                    {{"p50", static_cast<double>(m.latency_p50_ps) / kPsPerUs},
                     {"p99", static_cast<double>(m.latency_p99_ps) / kPsPerUs},
                     {"max", static_cast<double>(m.latency_max_ps) / kPsPerUs}}},
                   {"log", json::array()}}; // written by write_outputs (message_log.h)
  json panics = json::array();
  for (const models::PanicInfo& p : r.panics) {
    json pj = {{"cluster", p.cluster},
               {"kind", p.kind},
               {"time_ns", p.time_ps / kPsPerNs},
               {"thread", p.thread},
               {"context", p.context}};
    if (p.has_address) pj["address"] = format_hex(p.address);
    panics.push_back(pj);
  }
  j["panics"] = panics;
  j["timing"] = timing_json(run.timing);
  j["coherency"] = coherency_json(r);
  json faults = json::array();
  for (const FaultRecord& f : r.faults) {
    // The first times only: a fault on every call can fire thousands of times.
    constexpr std::size_t kFiredTimes = 100;
    json fired = json::array();
    for (std::size_t i = 0; i < f.fired.size() && i < kFiredTimes; ++i)
      fired.push_back(f.fired[i] / kPsPerNs);
    json fj = {{"kind", f.kind}, {"cluster", side_name(f.side)}};
    for (const auto& [key, value] : f.settings.items()) fj[key] = value;
    fj["occurrences"] = f.occurrences;
    fj["fired"] = f.fired.size();
    fj["fired_ns"] = fired;
    faults.push_back(fj);
  }
  j["faults"] = faults;
  if (run.linux_status) {
    const sw::lnx::LinuxStatus& l = *run.linux_status;
    json lj = {{"attached", l.attached}};
    if (!l.attached) {
      lj["attach_error"] = l.attach_error;
      lj["attach_error_address"] = format_hex(l.attach_error_address);
    }
    lj["channels_created"] = l.channels_created;
    lj["channels_destroyed"] = l.channels_destroyed;
    for (const auto& [name, value] : r.linux_counters) lj["counters"][name] = value;
    j["software"]["linux"] = lj;
  }
  if (run.zephyr_status) {
    json zj = json::object();
    if (!r.zephyr_error.empty()) zj["error"] = r.zephyr_error;
    if (r.zephyr_images > 1) zj["images"] = r.zephyr_images;
    for (const auto& [name, value] : r.zephyr_counters) zj["counters"][name] = value;
    j["software"]["zephyr"] = zj;
  }
  if (run.firmware) {
    const RunOutput::Firmware& f = *run.firmware;
    const models::iss::FirmwareCpuStats& c = f.cpu;
    j["software"]["firmware"] = {{"file", f.file},
                                 {"instructions", c.instructions},
                                 {"quanta", c.quanta},
                                 {"irqs_taken", c.irqs_taken},
                                 {"wfi_sleeps", c.wfi_sleeps},
                                 {"sleep_ns", c.sleep_ps / kPsPerNs},
                                 {"polls_skipped", c.polls_skipped},
                                 {"uart_waits", c.uart_waits},
                                 {"poll_skip_ns", c.poll_skip_ps / kPsPerNs},
                                 {"svcs", c.svcs},
                                 {"shared_reads", c.shared_reads},
                                 {"shared_writes", c.shared_writes},
                                 {"device_reads", c.device_reads},
                                 {"device_writes", c.device_writes},
                                 {"dc_ops", c.dc_ops},
                                 {"dc_ops_private", c.dc_ops_private},
                                 {"buffers_taken", f.taken},
                                 {"buffers_handed", f.handed},
                                 {"buffers_published", f.published},
                                 {"app_reports", f.app_reports},
                                 {"app_report_errors", f.app_report_errors},
                                 {"kicks", f.kicks},
                                 {"kicks_lost", f.kicks_lost}};
  }
  if (!r.consoles.empty()) j["consoles"] = consoles_json(r);
  json expectations = json::array();
  for (const ExpectationResult& e : run.expectations) {
    json ej = {{"key", e.key}, {"expected", e.expected}, {"actual", e.actual}, {"ok", e.ok}};
    if (e.skipped) ej["skipped"] = true;
    expectations.push_back(ej);
  }
  j["expectations"] = expectations;
  j["stats"] = run.stats;
  return j;
}

std::string summary_text(const Scenario& sc, const RunOutput& run) {
  const RunResult& r = run.result;
  const LedgerSummary& m = r.messages;
  std::ostringstream os;
  char buf[256];
  os << "scenario  " << sc.name << " (seed " << sc.seed << ")\n";
  os << "outcome   " << r.outcome;
  if (r.nothing_awaited) os << " (no application awaited: ran to stop_at)";
  os << "\n";
  os << "messages  sent " << m.sent << ", delivered " << m.delivered << ", dropped " << m.dropped
     << ", corrupted " << m.corrupted << ", in flight " << m.in_flight;
  os << "\n";
  for (const auto& [reason, n] : m.drops) os << "  dropped  " << reason << ": " << n << "\n";
  if (m.corrupted > 0) {
    os << "  corrupted";
    std::size_t shown = 0;
    for (const Ledger::Record& rec : r.message_log) {
      if (rec.state != "corrupted") continue;
      if (++shown > 5) {
        os << ", ...";
        break;
      }
      os << (shown == 1 ? " #" : ", #") << rec.id;
      if (rec.read_as != 0) os << " (bytes of #" << rec.read_as << ")";
    }
    os << "\n";
  }
  for (const auto& [place, n] : m.in_flight_where)
    os << "  in flight " << n << " " << place << "\n";
  if (m.unexpected > 0) {
    os << "  unexpected " << m.unexpected << " reception(s) of a buffer nothing was published in";
    const std::string copies = id_list(m.unexpected_read_as);
    if (!copies.empty()) os << " (bytes of " << copies << ")";
    os << "\n";
  }
  if (m.unexpected_drops > 0)
    os << "  unexpected " << m.unexpected_drops
       << " application report(s) on a message it did not hold\n";
  for (const auto& [key, counts] : count_channels(r.message_log))
    os << "  " << key.first << "  " << direction_label(key.second) << ": " << counts_line(counts)
       << "\n";
  if (m.sent > 0) {
    std::snprintf(buf, sizeof buf, "latency   p50 %.3f us, p99 %.3f us, max %.3f us\n",
                  static_cast<double>(m.latency_p50_ps) / kPsPerUs,
                  static_cast<double>(m.latency_p99_ps) / kPsPerUs,
                  static_cast<double>(m.latency_max_ps) / kPsPerUs);
    os << buf;
  }
  if (run.linux_status) {
    const sw::lnx::LinuxStatus& l = *run.linux_status;
    if (l.attached) {
      os << "linux     attached";
      for (const std::string& c : l.channels_created) os << "; channel " << c << " created";
      if (l.kicks_lost > 0) os << "; " << l.kicks_lost << " kick(s) lost (-ENOBUFS)";
      os << "\n";
    } else {
      os << "linux     attach failed: " << l.attach_error << "\n";
    }
  }
  if (r.zephyr_images > 1)
    os << "zephyr    restarted: " << r.zephyr_images
       << " images ran; the counters are the last one's\n";
  if (!r.zephyr_error.empty())
    os << "zephyr    " << r.zephyr_error << "\n";
  else if (run.zephyr_status && !run.zephyr_status->driver_ok_seen)
    os << "zephyr    never saw DRIVER_OK in the resource table's status byte\n";
  if (run.firmware) {
    const models::iss::FirmwareCpuStats& c = run.firmware->cpu;
    std::snprintf(buf, sizeof buf,
                  "firmware  %s: %.2f M instructions, %llu interrupt(s), %llu WFI sleep(s) "
                  "(%s)",
                  std::filesystem::path(run.firmware->file).filename().c_str(),
                  static_cast<double>(c.instructions) / 1e6,
                  static_cast<unsigned long long>(c.irqs_taken),
                  static_cast<unsigned long long>(c.wfi_sleeps), format_time(c.sleep_ps).c_str());
    os << buf;
    if (c.polls_skipped > 0)
      os << ", " << c.polls_skipped << " poll(s) slept through (" << format_time(c.poll_skip_ps)
         << ")";
    os << "\n";
  }
  os << timing_summary(run.timing);
  os << stats_summary(run.stats);
  os << console_summary(r);
  os << coherency_summary(r);
  for (const FaultRecord& f : r.faults) {
    os << "fault     " << f.description << ": fired " << f.fired.size() << " of " << f.occurrences
       << " time(s)";
    if (!f.fired.empty()) os << ", first at " << format_time(f.fired.front());
    os << "\n";
  }
  for (const models::PanicInfo& p : r.panics) {
    os << "panic     " << p.cluster << ": " << p.kind;
    if (p.has_address) os << " at " << format_hex(p.address);
    os << " in thread " << p.thread << " at " << format_time(p.time_ps) << "\n";
    os << "          " << p.context << "\n";
  }
  const double sim_s = static_cast<double>(r.sim_time_ps) / static_cast<double>(kPsPerS);
  std::snprintf(buf, sizeof buf, "time      simulated %s, wall %.1f ms (sim/wall %.3g)\n",
                format_time(r.sim_time_ps).c_str(), r.wall_ms,
                r.wall_ms > 0 ? sim_s / (r.wall_ms / 1000.0) : 0.0);
  os << buf;
  if (!run.console_lines.empty()) {
    os << "console\n";
    for (const auto& [side, line] : run.console_lines)
      os << "  " << side_name(side) << " " << line << "\n";
  }
  if (!run.expectations.empty()) {
    std::size_t failed = 0, skipped = 0;
    for (const ExpectationResult& e : run.expectations) {
      failed += e.ok ? 0 : 1;
      skipped += e.skipped ? 1 : 0;
    }
    const std::size_t checked = run.expectations.size() - skipped;
    os << "expect    " << checked - failed << "/" << checked << " met";
    if (skipped > 0) os << ", " << skipped << " not checked (sanitizer off)";
    os << "\n";
    for (const ExpectationResult& e : run.expectations)
      if (!e.ok)
        os << "  FAILED  " << e.key << ": expected " << e.expected << ", got " << e.actual << "\n";
  }
  return os.str();
}

void write_outputs(const std::string& dir, const Scenario& sc, const RunOutput& run) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    config::SourceLoc loc;
    loc.file = std::make_shared<const std::string>(dir);
    throw config::ConfigError(loc, "--out", "cannot create output directory: " + ec.message());
  }
  {
    // Streamed, not dumped into a string first: a 10 000-message log is megabytes.
    std::ofstream report(fs::path(dir) / "report.json");
    write_json(report, report_json(sc, run), 0, run.result.message_log);
    report << "\n";
  }
  std::ofstream(fs::path(dir) / "effective.yaml") << config::to_yaml(sc.effective);
  for (const auto& [side, text] : run.result.console)
    std::ofstream(fs::path(dir) / (std::string("console-") + side_name(side) + ".log")) << text;
}

} // namespace sim::app
