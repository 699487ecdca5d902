// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/check_command.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <fstream>
#include <iostream>

#include "sim/check/suite.h"
#include "sim/cli/cli_common.h"
#include "sim/cli/output_path.h"

namespace sim::app {

CLI::App* add_check_command(CLI::App& app, CheckArgs& args) {
  CLI::App* check = app.add_subcommand("check", "run a suite of scenarios in parallel processes");
  check->add_option("paths", args.paths, "scenario files or directories")->required();
  check->add_option("--junit", args.junit, "write JUnit XML to this file");
  check->add_option("-j,--jobs", args.jobs, "runs at a time (default 2)")
      ->check(CLI::Range(1u, 256u));
  check->add_option("--seeds", args.seeds, "run every scenario under seeds 1..N")
      ->check(CLI::Range(1u, 100000u));
  check->add_option("--out", args.out, "output directory (default out/check)");
  check->add_option("--set", args.sets, "override a key in every scenario (repeatable)");
  check->add_flag("--no-sanitizer", args.no_sanitizer, "switch the sanitizer off");
  return check;
}

int run_check_command(const CheckArgs& args, const std::string& ipcsim) {
  if (!args.junit.empty()) prepare_output_file(args.junit, "--junit");
  std::vector<SuiteJob> jobs = collect_jobs(args.paths, args.out);
  if (args.seeds > 0) jobs = with_seeds(jobs, args.seeds);
  SuiteOptions options;
  options.ipcsim = ipcsim;
  options.jobs = args.jobs;
  options.extra_args = run_arguments(args.sets, args.no_sanitizer);

  const auto start = std::chrono::steady_clock::now();
  const std::vector<SuiteResult> results = run_suite(jobs, options);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << suite_table(results, wall);
  if (!args.junit.empty()) {
    std::ofstream out(args.junit);
    if (!out) throw std::invalid_argument("--junit: cannot write " + args.junit);
    out << junit_xml(results, wall);
    std::cout << "junit     " << args.junit << "\n";
  }
  for (const SuiteResult& r : results)
    if (!r.passed()) return kFailed;
  return 0;
}

} // namespace sim::app
