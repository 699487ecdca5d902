// SPDX-License-Identifier: Apache-2.0
#include "sim/check/suite.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "sw/hal/side.h"

extern char** environ;

namespace sim::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

// The verdict as the run wrote it.
void read_report(SuiteResult& r) {
  std::ifstream in(fs::path(r.job.out_dir) / "report.json");
  if (!in) return;
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) return;
  r.outcome = j.value("outcome", "");
  r.seed = j.value("seed", std::uint64_t{0});
  r.figures = report_figures(j);
  for (const auto& e : j.value("expectations", nlohmann::json::array())) {
    ++r.expectations;
    if (e.value("ok", false)) {
      ++r.expectations_met;
    } else {
      r.unmet.push_back(e.value("key", "") + ": expected " + e.value("expected", "") + ", got " +
                        e.value("actual", ""));
    }
  }
  if (j.contains("coherency")) {
    const auto& c = j["coherency"];
    r.violations = c.value("violations", std::uint64_t{0});
    for (const auto& f : c.value("findings", nlohmann::json::array())) {
      if (r.first_findings.size() == 3) break;
      r.first_findings.push_back(f.value("kind", "") + " " + f.value("symbol", "") + ": " +
                                 f.value("hint", ""));
    }
  }
}

/// Starts `ipcsim run` for the job; 0 when it could not be started (`error` says why).
pid_t spawn(const SuiteJob& job, const SuiteOptions& o, std::string& error) {
  std::error_code ec;
  fs::create_directories(job.out_dir, ec);
  if (ec) {
    error = "cannot create " + job.out_dir + ": " + ec.message();
    return 0;
  }
  // A verdict left from an earlier run into the same directory must not pass for this one.
  for (const char* old : {"report.json", "summary.txt", "stderr.txt"})
    fs::remove(fs::path(job.out_dir) / old, ec);
  std::vector<std::string> args = {o.ipcsim, "run", job.file, "--out", job.out_dir};
  if (job.seed) {
    args.push_back("--seed");
    args.push_back(std::to_string(*job.seed));
  }
  args.insert(args.end(), o.extra_args.begin(), o.extra_args.end());
  args.insert(args.end(), job.args.begin(), job.args.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  const std::string out = (fs::path(job.out_dir) / "summary.txt").string();
  const std::string err = (fs::path(job.out_dir) / "stderr.txt").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, o.ipcsim.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    error = "cannot start " + o.ipcsim + ": " + std::strerror(rc);
    return 0;
  }
  return pid;
}

std::string stem_id(const fs::path& root, const fs::path& file) {
  fs::path rel = fs::relative(file, root);
  if (rel.empty() || rel.native().rfind("..", 0) == 0) rel = file.filename();
  rel.replace_extension();
  return rel.generic_string();
}

} // namespace

std::vector<SuiteJob> collect_jobs(const std::vector<std::string>& paths, const std::string& out) {
  std::vector<SuiteJob> jobs;
  for (const std::string& p : paths) {
    const fs::path path(p);
    std::vector<fs::path> files;
    if (fs::is_directory(path)) {
      for (const auto& e : fs::recursive_directory_iterator(path))
        if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
      std::sort(files.begin(), files.end());
      if (files.empty())
        throw std::invalid_argument(p + ": no scenario (*.yaml) in this directory");
      for (const fs::path& f : files) {
        const std::string id = stem_id(path, f);
        jobs.push_back({f.string(), id, std::nullopt, (fs::path(out) / id).string(), {}});
      }
    } else if (fs::is_regular_file(path)) {
      const std::string id = stem_id(path.parent_path(), path);
      jobs.push_back({path.string(), id, std::nullopt, (fs::path(out) / id).string(), {}});
    } else {
      throw std::invalid_argument(p + ": no such file or directory");
    }
  }
  // The same file given twice: distinct ids (JUnit test names) and output directories.
  std::set<std::string> taken;
  for (const SuiteJob& j : jobs) taken.insert(j.id);
  std::set<std::string> used;
  for (SuiteJob& j : jobs) {
    if (used.insert(j.id).second) continue;
    // A later copy gets the first free "-N" (not the id of another scenario).
    for (int n = 2;; ++n) {
      const std::string id = j.id + "-" + std::to_string(n);
      if (taken.count(id) != 0 || used.count(id) != 0) continue;
      j.out_dir = (fs::path(out) / id).string();
      j.id = id;
      used.insert(id);
      break;
    }
  }
  return jobs;
}

std::map<std::string, double> report_figures(const nlohmann::json& j) {
  using json = nlohmann::json;
  const auto number = [](const json& o, const char* key) {
    return o.is_object() && o.contains(key) && o[key].is_number() ? o[key].get<double>() : 0.0;
  };
  std::map<std::string, double> out;
  const json m = j.value("messages", json::object());
  for (const char* k : {"sent", "delivered", "dropped", "corrupted", "in_flight"})
    out[k] = number(m, k);
  const json lat = m.value("latency_us", json::object());
  out["latency_p50_us"] = number(lat, "p50");
  out["latency_p99_us"] = number(lat, "p99");
  out["latency_max_us"] = number(lat, "max");
  const json drops = m.value("drops", json::object());
  for (const auto& [reason, n] : drops.items())
    out["drops." + reason] = n.is_number() ? n.get<double>() : 0;
  const json timing = j.value("timing", json::object());
  const json rtts = timing.value("round_trips", json::array());
  const json rtt = rtts.empty() ? json::object() : rtts.front();
  out["rtt_p50_us"] = number(rtt, "p50_ns") / 1000.0;
  out["rtt_p99_us"] = number(rtt, "p99_ns") / 1000.0;
  out["rtt_max_us"] = number(rtt, "max_ns") / 1000.0;
  out["throughput_per_s"] = number(timing.value("throughput", json::object()), "messages_per_s");
  const json mailbox = j.value("stats", json::object()).value("mailbox", json::object());
  for (Direction d : kDirections)
    out[std::string("kicks_to_") + side_name(receiver_of(d))] =
        number(mailbox.value(direction_key(d), json::object()), "kicks");
  const json software = j.value("software", json::object());
  for (const char* stack : {"linux", "zephyr"})
    out[std::string(stack) + "_kicks_lost"] = number(
        software.value(stack, json::object()).value("counters", json::object()), "kicks_lost");
  // The busiest core of each cluster.
  for (Side side : kSides) {
    double busiest = 0;
    for (const json& c : timing.value("cores", json::array()))
      if (c.value("cluster", "") == side_name(side))
        busiest = std::max(busiest, number(c, "busy_percent"));
    out[std::string(side_name(side)) + "_busy_percent"] = busiest;
  }
  // The remote's logging (Zephyr's deferred log): statements made, dropped, still buffered.
  const json remote_console = j.value("consoles", json::object()).value("remote", json::object());
  for (const char* k : {"log_messages", "log_dropped", "log_buffered"})
    out[k] = number(remote_console, k);
  out["findings"] = number(j.value("coherency", json::object()), "violations");
  out["sim_time_ms"] = number(j, "sim_time_ns") / 1e6;
  out["wall_ms"] = number(j, "wall_ms");
  return out;
}

std::vector<std::string> run_arguments(const std::vector<std::string>& sets, bool no_sanitizer) {
  std::vector<std::string> args;
  for (const std::string& kv : sets) {
    args.push_back("--set");
    args.push_back(kv);
  }
  if (no_sanitizer) args.push_back("--no-sanitizer");
  return args;
}

std::vector<SuiteJob> with_seeds(const std::vector<SuiteJob>& jobs, unsigned seeds) {
  std::vector<SuiteJob> out;
  for (const SuiteJob& j : jobs)
    for (unsigned s = 1; s <= seeds; ++s)
      out.push_back({j.file, j.id + "#seed" + std::to_string(s), s,
                     (fs::path(j.out_dir) / ("seed-" + std::to_string(s))).string(), j.args});
  return out;
}

std::vector<SuiteResult> run_suite(const std::vector<SuiteJob>& jobs, const SuiteOptions& o) {
  std::vector<SuiteResult> results(jobs.size());
  std::map<pid_t, std::pair<std::size_t, Clock::time_point>> running;
  std::size_t next = 0;
  std::size_t done = 0;
  const unsigned slots = std::max(1u, o.jobs);
  while (next < jobs.size() || !running.empty()) {
    while (next < jobs.size() && running.size() < slots) {
      SuiteResult& r = results[next];
      r.job = jobs[next];
      const pid_t pid = spawn(jobs[next], o, r.error);
      if (pid > 0)
        running[pid] = {next, Clock::now()};
      else if (o.on_done)
        o.on_done(r, ++done, jobs.size());
      ++next;
    }
    if (running.empty()) continue;
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      // No child left to wait for (should not happen): the rest have no verdict.
      for (auto& [ignored, job] : running) results[job.first].error = "lost track of the run";
      running.clear();
      continue;
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    SuiteResult& r = results[it->second.first];
    r.wall_s = std::chrono::duration<double>(Clock::now() - it->second.second).count();
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    running.erase(it);
    // Only `ipcsim run`'s verdicts (0 met, 1 unmet) come with a report of this run.
    if (r.exit_code == 0 || r.exit_code == 1) {
      read_report(r);
      // A verdict without its report is not one (the directory was shared or removed).
      if (r.outcome.empty()) {
        r.error = "ipcsim run exited " + std::to_string(r.exit_code) + " but wrote no report.json";
        r.exit_code = 3;
      }
    }
    if (r.errored() && r.error.empty()) {
      r.error = read_text(fs::path(r.job.out_dir) / "stderr.txt");
      if (r.error.empty()) r.error = "ipcsim run exited " + std::to_string(r.exit_code);
    }
    if (o.on_done) o.on_done(r, ++done, jobs.size());
  }
  return results;
}

} // namespace sim::app
