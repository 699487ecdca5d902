// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/run_command.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "models/common/log.h"
#include "sim/check/suite.h"
#include "sim/cli/cli_common.h"
#include "sim/cli/output_path.h"
#include "sim/report/report.h"
#include "sim/report/trace_json.h"
#include "sim/run/runner.h"
#include "sim/scenario/scenario.h"

namespace sim::app {
namespace {

/// `run --seeds N`: the scenario under seeds 1..N, each in its own process; lists the seeds
/// that break its expectations, each replayable with --seed.
int run_seeds(const RunArgs& args, const std::string& ipcsim) {
  // Load once here so invalid input is reported once, with its location.
  LoadOptions opts;
  opts.sets = args.sets;
  const Scenario sc = load_scenario(args.scenario, opts);
  const std::string out = args.out.empty() ? "out/" + sc.name : args.out;
  std::vector<SuiteJob> jobs =
      with_seeds({{args.scenario, sc.name, std::nullopt, out, {}}}, args.seeds);
  SuiteOptions options;
  options.ipcsim = ipcsim;
  options.jobs = 2;
  options.extra_args = run_arguments(args.sets, args.no_sanitizer);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<SuiteResult> results = run_suite(jobs, options);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::uint64_t> broken;
  for (const SuiteResult& r : results)
    if (!r.passed()) broken.push_back(*r.job.seed);
  std::cout << suite_table(results, wall);
  if (broken.empty()) {
    std::cout << "seeds     all " << args.seeds << " meet the expectations\n";
    return 0;
  }
  std::cout << "seeds     breaking the expectations:";
  for (std::uint64_t s : broken) std::cout << " " << s;
  std::cout << "\nreplay    ipcsim run " << args.scenario << " --seed " << broken.front() << "\n";
  return kFailed;
}

int run_once(const RunArgs& args) {
  LoadOptions opts;
  opts.sets = args.sets;
  opts.has_seed = args.seed_given;
  opts.seed = args.seed;
  opts.no_sanitizer = args.no_sanitizer;
  Scenario sc = load_scenario(args.scenario, opts);
  note_running("scenario " + sc.name + " from " + args.scenario + ", seed " +
               std::to_string(sc.seed));
  // Refuse an unwritable trace before the run, not after it.
  if (!args.trace.empty()) prepare_output_file(args.trace, "--trace");
  if (!args.vcd.empty()) prepare_output_file(args.vcd, "--vcd");
  if (!args.access_trace.empty()) prepare_output_file(args.access_trace, "--access-trace");
  RunOptions run_options;
  run_options.access_trace = !args.access_trace.empty();
  run_options.trace = !args.trace.empty();
  run_options.vcd = args.vcd;
  RunOutput run = run_scenario(sc, run_options);
  std::cout << summary_text(sc, run);
  const std::string out = args.out.empty() ? "out/" + sc.name : args.out;
  write_outputs(out, sc, run);
  std::cout << "report    " << out << "/report.json\n";
  if (run.trace) {
    std::ofstream(args.trace) << trace_json(*run.trace).dump() << "\n";
    std::cout << "trace     " << args.trace
              << " (Perfetto: ui.perfetto.dev, or chrome://tracing)\n";
  }
  if (!args.vcd.empty()) std::cout << "vcd       " << args.vcd << " (GTKWave)\n";
  if (run.access_trace) {
    std::ofstream file(args.access_trace);
    write_access_trace(file, *run.access_trace);
    std::cout << "accesses  " << args.access_trace << " (" << run.access_trace->size()
              << " remote accesses and maintenance operations on shared memory)\n";
  }
  return all_expectations_met(run) ? 0 : kFailed;
}

} // namespace

CLI::App* add_run_command(CLI::App& app, RunArgs& args) {
  CLI::App* run = app.add_subcommand("run", "run a scenario and check its expectations");
  run->add_option("scenario", args.scenario, "scenario YAML file")->required();
  run->add_option("--set", args.sets, "override a key: dotted.path=value (repeatable)");
  run->add_option("--seed", args.seed, "replace the scenario's seed")
      ->check(unsigned_text())
      ->each([&args](const std::string&) { args.seed_given = true; });
  run->add_option("--out", args.out, "output directory (default out/<scenario name>)");
  run->add_option("--log", args.log_level, "log level: error, warn, info, debug");
  run->add_flag("--no-sanitizer", args.no_sanitizer,
                "switch the coherency sanitizer off (it never changes the simulation)");
  run->add_option("--trace", args.trace,
                  "write a Chrome/Perfetto trace-event timeline to this JSON file");
  run->add_option("--vcd", args.vcd,
                  "write interrupt wires, FIFO levels and vring indices to this VCD file");
  run->add_option("--access-trace", args.access_trace,
                  "write the remote's shared-memory accesses and cache maintenance, in order, to "
                  "this TSV file (what ipcsim conform compares)");
  run->add_option("--seeds", args.seeds,
                  "explore seeds 1..N (one process each) and list those that break expectations")
      ->check(CLI::Range(1u, 100000u));
  return run;
}

int run_run_command(const RunArgs& args, const std::string& ipcsim) {
  log::Level level;
  if (!log::parse_level(args.log_level, level))
    throw std::invalid_argument("--log: '" + args.log_level +
                                "' is not one of error, warn, info, debug");
  log::set_default_level(level);
  if (!args.vcd.empty() && std::filesystem::path(args.vcd).extension().string() != ".vcd")
    throw std::invalid_argument("--vcd " + args.vcd + ": the file must end in .vcd");
  if (args.seeds == 0) return run_once(args);
  if (args.seed_given) throw std::invalid_argument("--seed and --seeds exclude each other");
  if (!args.trace.empty() || !args.vcd.empty() || !args.access_trace.empty())
    throw std::invalid_argument(
        "--trace, --vcd and --access-trace record one run: drop --seeds (or replay one "
        "seed with --seed)");
  return run_seeds(args, ipcsim);
}

} // namespace sim::app
