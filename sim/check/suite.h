// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim check` and `ipcsim run --seeds`: many scenario runs, each in its own `ipcsim run`
// process (one SystemC simulation per process), up to N at a time. Each run writes its
// report.json, summary.txt and stderr.txt into its own output directory; the suite reads the
// verdict back from there.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sim::app {

struct SuiteJob {
  std::string file;                  ///< scenario path as given
  std::string id;                    ///< "basic/client_sample_3" (+ "#seed3" when exploring seeds)
  std::optional<std::uint64_t> seed; ///< replaces the scenario's seed
  std::string out_dir;
  std::vector<std::string> args; ///< this run's own extra arguments (a sweep point's --set)
};

struct SuiteResult {
  SuiteJob job;
  int exit_code = -1; ///< of `ipcsim run`: 0 met, 1 unmet, 2 invalid input; other = crash
  double wall_s = 0;
  std::string outcome; ///< from report.json ("" when there is none)
  unsigned expectations_met = 0;
  unsigned expectations = 0;
  std::uint64_t violations = 0;
  std::vector<std::string> unmet;          ///< "messages.delivered: expected 6, got 0"
  std::vector<std::string> first_findings; ///< "stale_read rsc.vdev.status: hint"
  std::string error;                       ///< stderr when the run did not produce a verdict
  std::uint64_t seed = 0;                  ///< the seed the report says it ran
  /// The report's figures by name (report_figures), read with the verdict; empty without one.
  std::map<std::string, double> figures;
  bool passed() const { return exit_code == 0; }
  bool errored() const { return exit_code != 0 && exit_code != 1; }
};

struct SuiteOptions {
  std::string ipcsim; ///< the binary to run (this one)
  unsigned jobs = 1;
  std::vector<std::string> extra_args; ///< passed to every run (--set, --no-sanitizer)
  /// Called as each run ends, with how many have ended of how many.
  std::function<void(const SuiteResult&, std::size_t done, std::size_t total)> on_done;
};

/// The scenario files under each path (directories recursively, *.yaml, sorted), with ids
/// relative to the directory given. Throws std::invalid_argument for a missing path or when
/// nothing is found.
std::vector<SuiteJob> collect_jobs(const std::vector<std::string>& paths, const std::string& out);

/// A report's figures, flat by name: `sent`, `delivered`, `dropped`, `corrupted`, `in_flight`,
/// latency and round-trip percentiles (`latency_p99_us`, `rtt_p50_us`, ...), `throughput_per_s`,
/// kicks sent and lost each way, the busiest core's `busy_percent` per cluster, the remote log's
/// `log_messages`, `log_dropped` and `log_buffered`, `findings`,
/// `sim_time_ms`, `wall_ms`, and `drops.<reason>` for every reason that occurred.
std::map<std::string, double> report_figures(const nlohmann::json& report);

/// The `ipcsim run` arguments that pass the user's overrides on to every run.
std::vector<std::string> run_arguments(const std::vector<std::string>& sets, bool no_sanitizer);

/// Each job once per seed 1..seeds (ids get "#seedN", output directories "seed-N").
std::vector<SuiteJob> with_seeds(const std::vector<SuiteJob>& jobs, unsigned seeds);

/// Runs every job, at most options.jobs at a time; results in job order.
std::vector<SuiteResult> run_suite(const std::vector<SuiteJob>& jobs, const SuiteOptions& options);

/// The console table: scenario, outcome, expectations met, findings, wall time; then the failures.
std::string suite_table(const std::vector<SuiteResult>& results, double wall_s);

/// JUnit XML (one testsuite, one testcase per run; failure = unmet expectations and first
/// findings; error = invalid input or a crash).
std::string junit_xml(const std::vector<SuiteResult>& results, double wall_s);

} // namespace sim::app
