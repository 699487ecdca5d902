// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/sweep_command.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>

#include "sim/check/sweep.h"
#include "sim/check/sweep_plot.h"
#include "sim/cli/output_path.h"
#include "sim/scenario/scenario.h"

namespace sim::app {
namespace {

namespace fs = std::filesystem;

/// A bar redrawn in place on a terminal; one line per finished run otherwise (logs, CI).
class Progress {
public:
  explicit Progress(std::size_t total) : total_(total), tty_(::isatty(STDOUT_FILENO) != 0) {}

  void done(const SuiteResult& r, std::size_t n) {
    if (tty_) {
      constexpr std::size_t kWidth = 40;
      const std::size_t filled = total_ == 0 ? kWidth : n * kWidth / total_;
      std::cout << "\rsweep     [" << std::string(filled, '#') << std::string(kWidth - filled, '.')
                << "] " << n << "/" << total_ << std::flush;
      if (n == total_) std::cout << "\n";
      return;
    }
    std::cout << "run " << n << "/" << total_ << "  " << r.job.id << "  "
              << (r.outcome.empty() ? "error" : r.outcome) << "\n";
  }

private:
  std::size_t total_;
  bool tty_;
};

} // namespace

int run_sweep_command(const SweepArgs& a, const std::string& ipcsim) {
  std::vector<SweepParam> params;
  std::set<std::string> keys;
  for (const std::string& p : a.params) {
    params.push_back(parse_sweep_param(p));
    if (!keys.insert(params.back().key).second)
      throw std::invalid_argument("--param " + params.back().key + " is given twice");
  }
  if (params.empty()) throw std::invalid_argument("sweep: give at least one --param key=v1,v2");

  // Every point must load: a bad value is reported once, here, with its key.
  const std::vector<SweepPoint> points = sweep_points(params);
  std::string name;
  for (const SweepPoint& point : points) {
    LoadOptions opts;
    opts.sets = a.sets;
    for (std::size_t i = 0; i < params.size(); ++i)
      opts.sets.push_back(params[i].key + "=" + point[i]);
    name = load_scenario(a.scenario, opts).name;
  }
  for (const std::string& m : a.metrics)
    if (!is_sweep_metric(m))
      throw std::invalid_argument("--metrics " + m + ": not a metric (see the CSV's columns)");
  PlotRequest plot;
  if (!a.plot.empty()) {
    plot = {a.plot, a.x, a.metrics, a.logx, name};
    validate_plot(plot, params);
  } else if (!a.x.empty() || a.logx) {
    throw std::invalid_argument("--x and --logx shape a plot: add --plot FILE.svg");
  }

  const std::string out = a.out.empty() ? "out/sweep/" + name : a.out;
  const std::string csv = a.csv.empty() ? (fs::path(out) / "sweep.csv").string() : a.csv;
  {
    // Where the results go must be writable before anything runs.
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) throw std::invalid_argument("--out: cannot create " + out + ": " + ec.message());
    prepare_output_file(csv, "--csv");
    if (!a.plot.empty()) prepare_output_file(a.plot, "--plot");
  }
  const std::vector<SuiteJob> jobs = sweep_jobs(a.scenario, params, a.seeds, out);
  SuiteOptions options;
  options.ipcsim = ipcsim;
  options.jobs = a.jobs;
  options.extra_args = run_arguments(a.sets, a.no_sanitizer);
  Progress progress(jobs.size());
  options.on_done = [&progress](const SuiteResult& r, std::size_t n, std::size_t) {
    progress.done(r, n);
  };
  const auto start = std::chrono::steady_clock::now();
  const std::vector<SuiteResult> results = run_suite(jobs, options);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const std::size_t copies = a.seeds == 0 ? 1 : a.seeds;
  std::vector<SweepRun> runs;
  bool all_reported = true;
  for (std::size_t i = 0; i < results.size(); ++i) {
    runs.push_back(read_sweep_run(points[i / copies], results[i]));
    all_reported = all_reported && !runs.back().metrics.empty();
  }
  std::cout << sweep_table(params, runs);
  std::ofstream csv_out(csv);
  if (!csv_out) throw std::invalid_argument("--csv: cannot write " + csv);
  csv_out << sweep_csv(params, runs);
  char buf[128];
  std::snprintf(buf, sizeof buf, "%zu run(s) in %.1f s", runs.size(), wall);
  std::cout << "sweep     " << buf << "\ncsv       " << csv << "\n";
  for (const SweepRun& r : runs)
    if (r.metrics.empty())
      std::cout << "error     " << r.result.job.id << ": " << r.result.error << "\n";
  if (!a.plot.empty()) {
    const std::string err = draw_plot(plot, params, runs);
    if (!err.empty()) {
      std::cerr << "ipcsim: --plot: " << err << "\n";
      return 1;
    }
    std::cout << "plot      " << a.plot << "\n";
  }
  return all_reported ? 0 : 1;
}

CLI::App* add_sweep_command(CLI::App& app, SweepArgs& args) {
  CLI::App* sweep =
      app.add_subcommand("sweep", "run a scenario over parameter values: CSV, table, plot");
  sweep->add_option("scenario", args.scenario, "scenario YAML file")->required();
  sweep->add_option("--param", args.params, "key=v1,v2,... (repeatable: the product)")->required();
  sweep->add_option("--set", args.sets, "override a key in every run (repeatable)");
  sweep->add_option("--seeds", args.seeds, "run every point under seeds 1..N")
      ->check(CLI::Range(1u, 100000u));
  sweep->add_option("-j,--jobs", args.jobs, "runs at a time (default 2)")
      ->check(CLI::Range(1u, 256u));
  sweep->add_option("--out", args.out, "output directory (default out/sweep/<scenario>)");
  sweep->add_option("--csv", args.csv, "CSV file (default <out>/sweep.csv)");
  sweep->add_option("--plot", args.plot, "draw a plot with gnuplot: FILE.svg or FILE.png");
  sweep->add_option("--x", args.x, "the swept key on the x axis (default: the first)");
  sweep->add_option("--metrics", args.metrics, "metrics to plot (default delivered,dropped)")
      ->delimiter(',');
  sweep->add_flag("--logx", args.logx, "logarithmic x axis");
  sweep->add_flag("--no-sanitizer", args.no_sanitizer, "switch the sanitizer off");
  return sweep;
}

} // namespace sim::app
