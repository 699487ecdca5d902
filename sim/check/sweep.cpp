// SPDX-License-Identifier: Apache-2.0
#include "sim/check/sweep.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>

namespace sim::app {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// CSV field: quoted when it holds a separator, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string format_number(double v) {
  char buf[64];
  if (std::floor(v) == v && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

/// The metric names of a sweep: the fixed ones, then every drop reason seen, sorted.
std::vector<std::string> metric_columns(const std::vector<SweepRun>& runs) {
  std::vector<std::string> names = sweep_metric_names();
  std::set<std::string> drops;
  for (const SweepRun& r : runs)
    for (const auto& [name, value] : r.metrics)
      if (name.rfind("drops.", 0) == 0) drops.insert(name);
  names.insert(names.end(), drops.begin(), drops.end());
  return names;
}

} // namespace

SweepParam parse_sweep_param(const std::string& arg) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0)
    throw std::invalid_argument("--param '" + arg + "': expected key=v1,v2,... (a --set key)");
  SweepParam p;
  p.key = trim(arg.substr(0, eq));
  std::string rest = arg.substr(eq + 1);
  std::size_t start = 0;
  for (;;) {
    const auto comma = rest.find(',', start);
    const std::string v = trim(rest.substr(start, comma - start));
    if (v.empty()) throw std::invalid_argument("--param '" + arg + "': an empty value in the list");
    p.values.push_back(v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return p;
}

std::vector<SweepPoint> sweep_points(const std::vector<SweepParam>& params) {
  std::vector<SweepPoint> points = {{}};
  for (const SweepParam& p : params) {
    std::vector<SweepPoint> next;
    for (const SweepPoint& prefix : points)
      for (const std::string& v : p.values) {
        SweepPoint point = prefix;
        point.push_back(v);
        next.push_back(std::move(point));
      }
    points = std::move(next);
  }
  return points;
}

std::vector<SuiteJob> sweep_jobs(const std::string& scenario, const std::vector<SweepParam>& params,
                                 unsigned seeds, const std::string& out) {
  std::vector<SuiteJob> jobs;
  for (const SweepPoint& point : sweep_points(params)) {
    SuiteJob job;
    job.file = scenario;
    for (std::size_t i = 0; i < params.size(); ++i) {
      job.id += (i == 0 ? "" : " ") + params[i].key + "=" + point[i];
      job.args.push_back("--set");
      job.args.push_back(params[i].key + "=" + point[i]);
    }
    const unsigned copies = seeds == 0 ? 1 : seeds;
    for (unsigned s = 1; s <= copies; ++s) {
      SuiteJob j = job;
      if (seeds > 0) {
        j.seed = s;
        j.id += " seed=" + std::to_string(s);
      }
      char dir[32];
      std::snprintf(dir, sizeof dir, "run-%04zu", jobs.size() + 1);
      j.out_dir = (fs::path(out) / dir).string();
      jobs.push_back(std::move(j));
    }
  }
  return jobs;
}

const std::vector<std::string>& sweep_metric_names() {
  // clang-format off
  static const std::vector<std::string> kNames = {
      "sent", "delivered", "dropped", "corrupted", "in_flight",
      "latency_p50_us", "latency_p99_us", "latency_max_us", "rtt_p50_us", "rtt_p99_us",
      "rtt_max_us", "throughput_per_s", "kicks_to_remote", "kicks_to_master",
      "linux_kicks_lost", "zephyr_kicks_lost", "remote_busy_percent", "master_busy_percent",
      "log_messages", "log_dropped", "log_buffered", "findings", "sim_time_ms", "wall_ms"};
  // clang-format on
  return kNames;
}

bool is_sweep_metric(const std::string& name) {
  if (name.rfind("drops.", 0) == 0 && name.size() > 6) return true;
  for (const std::string& n : sweep_metric_names())
    if (n == name) return true;
  return false;
}

SweepRun read_sweep_run(const SweepPoint& point, const SuiteResult& result) {
  SweepRun run;
  run.point = point;
  run.result = result;
  run.seed = result.job.seed.value_or(result.seed);
  run.metrics = result.figures; // empty without a report
  return run;
}

std::string sweep_csv(const std::vector<SweepParam>& params, const std::vector<SweepRun>& runs) {
  const std::vector<std::string> metrics = metric_columns(runs);
  std::ostringstream os;
  for (const SweepParam& p : params) os << csv_field(p.key) << ",";
  os << "seed,outcome,expectations_met,expectations";
  for (const std::string& m : metrics) os << "," << csv_field(m);
  os << "\n";
  for (const SweepRun& r : runs) {
    for (const std::string& v : r.point) os << csv_field(v) << ",";
    const std::string outcome = r.result.outcome.empty() ? "error" : r.result.outcome;
    os << r.seed << "," << outcome << "," << r.result.expectations_met << ","
       << r.result.expectations;
    for (const std::string& m : metrics) {
      os << ",";
      auto it = r.metrics.find(m);
      if (it != r.metrics.end())
        os << format_number(it->second);
      else if (!r.metrics.empty() && m.rfind("drops.", 0) == 0)
        os << "0"; // no drop of that reason in this run
    }
    os << "\n";
  }
  return os.str();
}

std::string sweep_table(const std::vector<SweepParam>& params, const std::vector<SweepRun>& runs) {
  std::vector<std::size_t> width;
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::size_t w = params[i].key.size();
    for (const std::string& v : params[i].values) w = std::max(w, v.size());
    width.push_back(w);
  }
  std::ostringstream os;
  char buf[256];
  for (std::size_t i = 0; i < params.size(); ++i)
    os << params[i].key << std::string(width[i] - params[i].key.size() + 2, ' ');
  std::snprintf(buf, sizeof buf, "%5s  %-13s %6s %9s %8s %14s %8s %8s\n", "seed", "outcome", "sent",
                "delivered", "dropped", "latency p99", "findings", "expect");
  os << buf;
  for (const SweepRun& r : runs) {
    for (std::size_t i = 0; i < r.point.size(); ++i)
      os << r.point[i] << std::string(width[i] - r.point[i].size() + 2, ' ');
    if (r.metrics.empty()) {
      std::snprintf(buf, sizeof buf, "%5llu  %-13s %s\n", static_cast<unsigned long long>(r.seed),
                    "error", r.result.error.substr(0, r.result.error.find('\n')).c_str());
      os << buf;
      continue;
    }
    const auto m = [&](const char* k) { return r.metrics.at(k); };
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.1f us", m("latency_p99_us"));
    char expect[32];
    std::snprintf(expect, sizeof expect, "%u/%u", r.result.expectations_met, r.result.expectations);
    std::snprintf(buf, sizeof buf, "%5llu  %-13s %6.0f %9.0f %8.0f %14s %8.0f %8s\n",
                  static_cast<unsigned long long>(r.seed), r.result.outcome.c_str(), m("sent"),
                  m("delivered"), m("dropped"), latency, m("findings"), expect);
    os << buf;
  }
  return os.str();
}

} // namespace sim::app
