// SPDX-License-Identifier: Apache-2.0
// ipcsim command line: `run` a scenario (or explore seeds), `check` a suite in parallel processes,
// print the shared-memory `layout` of a board.
// Exit codes: 0 expectations met, 1 an expectation failed, 2 invalid input.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <systemc>

#include "models/common/config/config_error.h"
#include "models/common/log.h"
#include "models/common/tlm_util.h"
#include "sim/artefacts/device_tree.h"
#include "sim/import_command.h"
#include "sim/layout.h"
#include "sim/output_path.h"
#include "sim/report.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/suite.h"
#include "sim/sweep_command.h"
#include "sim/validate_command.h"

namespace {

constexpr int kInvalidInput = 2;
constexpr int kInternalError = 3;

/// What ran when an internal error struck ("scenario client_sample_3, seed 1").
std::string g_running;

// CLI11 reads "-1" into an unsigned as 2^64-1: only digits are a seed.
const CLI::Validator kUnsignedText(
    [](std::string& text) {
      if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
        return std::string();
      return "expected an unsigned number (0..18446744073709551615), got '" + text + "'";
    },
    "UINT");

struct RunArgs {
  std::string scenario;
  std::vector<std::string> sets;
  std::uint64_t seed = 0;
  std::string out;
  std::string log_level = "warn";
  bool no_sanitizer = false;
  unsigned seeds = 0;
  std::string trace;
  std::string vcd;
};

struct CheckArgs {
  std::vector<std::string> paths;
  std::string junit;
  unsigned jobs = 2;
  unsigned seeds = 0;
  std::string out = "out/check";
  std::vector<std::string> sets;
  bool no_sanitizer = false;
};

std::string self_path(const char* argv0) {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return argv0;
  buf[n] = '\0';
  return buf;
}

/// Runs jobs in child processes, prints the table, writes JUnit when asked. 0 all passed, 1 not.
int run_jobs(const std::vector<sim::app::SuiteJob>& jobs, const sim::app::SuiteOptions& options,
             const std::string& junit) {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<sim::app::SuiteResult> results = sim::app::run_suite(jobs, options);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << sim::app::suite_table(results, wall);
  if (!junit.empty()) {
    std::ofstream out(junit);
    if (!out) {
      std::cerr << "ipcsim: --junit: cannot write " << junit << "\n";
      return kInvalidInput;
    }
    out << sim::app::junit_xml(results, wall);
    std::cout << "junit     " << junit << "\n";
  }
  bool ok = true;
  for (const sim::app::SuiteResult& r : results) ok = ok && r.passed();
  return ok ? 0 : 1;
}

int do_check(const CheckArgs& args, const std::string& self) {
  if (!args.junit.empty()) sim::app::prepare_output_file(args.junit, "--junit");
  std::vector<sim::app::SuiteJob> jobs = sim::app::collect_jobs(args.paths, args.out);
  if (args.seeds > 0) jobs = sim::app::with_seeds(jobs, args.seeds);
  sim::app::SuiteOptions options;
  options.ipcsim = self;
  options.jobs = args.jobs;
  options.extra_args = sim::app::run_arguments(args.sets, args.no_sanitizer);
  return run_jobs(jobs, options, args.junit);
}

/// `run --seeds N`: the scenario under seeds 1..N, each in its own process; lists the seeds
/// that break its expectations, each replayable with --seed.
int do_run_seeds(const RunArgs& args, const std::string& self) {
  // Load once here so invalid input is reported once, with its location.
  sim::app::LoadOptions opts;
  opts.sets = args.sets;
  const sim::app::Scenario sc = sim::app::load_scenario(args.scenario, opts);
  const std::string out = args.out.empty() ? "out/" + sc.name : args.out;
  std::vector<sim::app::SuiteJob> jobs =
      sim::app::with_seeds({{args.scenario, sc.name, std::nullopt, out, {}}}, args.seeds);
  sim::app::SuiteOptions options;
  options.ipcsim = self;
  options.jobs = 2;
  options.extra_args = sim::app::run_arguments(args.sets, args.no_sanitizer);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<sim::app::SuiteResult> results = sim::app::run_suite(jobs, options);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::uint64_t> broken;
  for (const sim::app::SuiteResult& r : results)
    if (!r.passed()) broken.push_back(*r.job.seed);
  std::cout << sim::app::suite_table(results, wall);
  if (broken.empty()) {
    std::cout << "seeds     all " << args.seeds << " meet the expectations\n";
    return 0;
  }
  std::cout << "seeds     breaking the expectations:";
  for (std::uint64_t s : broken) std::cout << " " << s;
  std::cout << "\nreplay    ipcsim run " << args.scenario << " --seed " << broken.front() << "\n";
  return 1;
}

int do_run(const RunArgs& args, bool seed_given) {
  sim::app::LoadOptions opts;
  opts.sets = args.sets;
  opts.has_seed = seed_given;
  opts.seed = args.seed;
  opts.no_sanitizer = args.no_sanitizer;
  sim::app::Scenario sc = sim::app::load_scenario(args.scenario, opts);
  g_running =
      "scenario " + sc.name + " from " + args.scenario + ", seed " + std::to_string(sc.seed);
  // Refuse an unwritable trace before the run, not after it.
  if (!args.trace.empty()) sim::app::prepare_output_file(args.trace, "--trace");
  if (!args.vcd.empty()) sim::app::prepare_output_file(args.vcd, "--vcd");
  sim::app::RunOptions run_options;
  run_options.trace = !args.trace.empty();
  run_options.vcd = args.vcd;
  sim::app::RunOutput run = sim::app::run_scenario(sc, run_options);
  std::cout << sim::app::summary_text(sc, run);
  const std::string out = args.out.empty() ? "out/" + sc.name : args.out;
  sim::app::write_outputs(out, sc, run);
  std::cout << "report    " << out << "/report.json\n";
  if (run.trace) {
    std::ofstream(args.trace) << sim::app::trace_json(*run.trace).dump() << "\n";
    std::cout << "trace     " << args.trace
              << " (Perfetto: ui.perfetto.dev, or chrome://tracing)\n";
  }
  if (!args.vcd.empty()) std::cout << "vcd       " << args.vcd << " (GTKWave)\n";
  return sim::app::all_expectations_met(run) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0);
  CLI::App app{"ipcsim: Linux <-> RTOS inter-processor communication simulator"};
  app.footer("Exit codes: 0 every expectation held (or the command succeeded); 1 an expectation "
             "failed, a suite or sweep run failed, or validate found a problem; 2 invalid input "
             "(the message names file:line and the key); 3 internal error in ipcsim (please "
             "report it with the command line).");
  app.require_subcommand(1);

  RunArgs run_args;
  CLI::App* run = app.add_subcommand("run", "run a scenario and check its expectations");
  run->add_option("scenario", run_args.scenario, "scenario YAML file")->required();
  run->add_option("--set", run_args.sets, "override a key: dotted.path=value (repeatable)");
  CLI::Option* seed_opt =
      run->add_option("--seed", run_args.seed, "replace the scenario's seed")->check(kUnsignedText);
  run->add_option("--out", run_args.out, "output directory (default out/<scenario name>)");
  run->add_option("--log", run_args.log_level, "log level: error, warn, info, debug");
  run->add_flag("--no-sanitizer", run_args.no_sanitizer,
                "switch the coherency sanitizer off (it never changes the simulation)");
  run->add_option("--trace", run_args.trace,
                  "write a Chrome/Perfetto trace-event timeline to this JSON file");
  run->add_option("--vcd", run_args.vcd,
                  "write interrupt wires, FIFO levels and vring indices to this VCD file");
  run->add_option("--seeds", run_args.seeds,
                  "explore seeds 1..N (one process each) and list those that break expectations")
      ->check(CLI::Range(1u, 100000u));

  CheckArgs check_args;
  CLI::App* check = app.add_subcommand("check", "run a suite of scenarios in parallel processes");
  check->add_option("paths", check_args.paths, "scenario files or directories")->required();
  check->add_option("--junit", check_args.junit, "write JUnit XML to this file");
  check->add_option("-j,--jobs", check_args.jobs, "runs at a time (default 2)")
      ->check(CLI::Range(1u, 256u));
  check->add_option("--seeds", check_args.seeds, "run every scenario under seeds 1..N")
      ->check(CLI::Range(1u, 100000u));
  check->add_option("--out", check_args.out, "output directory (default out/check)");
  check->add_option("--set", check_args.sets, "override a key in every scenario (repeatable)");
  check->add_flag("--no-sanitizer", check_args.no_sanitizer, "switch the sanitizer off");

  sim::app::SweepArgs sweep_args;
  CLI::App* sweep =
      app.add_subcommand("sweep", "run a scenario over parameter values: CSV, table, plot");
  sweep->add_option("scenario", sweep_args.scenario, "scenario YAML file")->required();
  sweep->add_option("--param", sweep_args.params, "key=v1,v2,... (repeatable: the product)")
      ->required();
  sweep->add_option("--set", sweep_args.sets, "override a key in every run (repeatable)");
  sweep->add_option("--seeds", sweep_args.seeds, "run every point under seeds 1..N")
      ->check(CLI::Range(1u, 100000u));
  sweep->add_option("-j,--jobs", sweep_args.jobs, "runs at a time (default 2)")
      ->check(CLI::Range(1u, 256u));
  sweep->add_option("--out", sweep_args.out, "output directory (default out/sweep/<scenario>)");
  sweep->add_option("--csv", sweep_args.csv, "CSV file (default <out>/sweep.csv)");
  sweep->add_option("--plot", sweep_args.plot, "draw a plot with gnuplot: FILE.svg or FILE.png");
  sweep->add_option("--x", sweep_args.x, "the swept key on the x axis (default: the first)");
  sweep->add_option("--metrics", sweep_args.metrics, "metrics to plot (default delivered,dropped)")
      ->delimiter(',');
  sweep->add_flag("--logx", sweep_args.logx, "logarithmic x axis");
  sweep->add_flag("--no-sanitizer", sweep_args.no_sanitizer, "switch the sanitizer off");

  sim::app::ValidateArgs validate_args;
  CLI::App* validate = app.add_subcommand(
      "validate", "cross-check a board with the Linux DT, the Zephyr DT and the firmware ELF");
  validate->add_option("board", validate_args.target, "board or scenario YAML file")->required();
  validate->add_option("--dts", validate_args.dts,
                       "a Linux or Zephyr device tree, .dts or .dtb (repeatable)");
  validate->add_option("--elf", validate_args.elf, "the remote's firmware ELF (zephyr.elf)");
  validate->add_option("--set", validate_args.sets, "override a key: dotted.path=value");

  sim::app::ImportArgs import_args;
  CLI::App* import = app.add_subcommand(
      "import", "write a board file from the Linux DT, the Zephyr DT and the firmware ELF");
  import->add_option("--dts", import_args.dts, "a Linux or Zephyr device tree (repeatable)");
  import->add_option("--elf", import_args.elf, "the remote's firmware ELF (zephyr.elf)");
  import->add_option("-o,--output", import_args.output, "the board file to write")->required();
  import->add_option("--base", import_args.base,
                     "the board the rest comes from (default configs/tcc807x.yaml)");
  import->add_option("--name", import_args.name, "the board's name (default: the file's stem)");

  std::string layout_path;
  std::vector<std::string> layout_sets;
  CLI::App* layout = app.add_subcommand("layout", "print the shared-memory map of a board");
  layout->add_option("board", layout_path, "board or scenario YAML file")->required();
  layout->add_option("--set", layout_sets, "override a key: dotted.path=value (repeatable)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kInvalidInput;
  }

  sim::log::set_time_source([] { return sim::sc_to_ps(sc_core::sc_time_stamp()); });
  // SystemC's own reports go to the project log; its informational notes are debug detail.
  sc_core::sc_report_handler::set_handler(
      [](const sc_core::sc_report& r, const sc_core::sc_actions&) {
        sim::log::Level level = r.get_severity() == sc_core::SC_INFO      ? sim::log::Level::kDebug
                                : r.get_severity() == sc_core::SC_WARNING ? sim::log::Level::kWarn
                                                                          : sim::log::Level::kError;
        SIM_LOG(level, "systemc", r.get_msg_type() << ": " << r.get_msg());
        if (r.get_severity() >= sc_core::SC_ERROR) throw std::runtime_error(r.what());
      });
  try {
    if (*run) {
      sim::log::Level level;
      if (!sim::log::parse_level(run_args.log_level, level)) {
        std::cerr << "ipcsim: --log: '" << run_args.log_level
                  << "' is not one of error, warn, info, debug\n";
        return kInvalidInput;
      }
      sim::log::set_default_level(level);
      if (!run_args.vcd.empty() &&
          std::filesystem::path(run_args.vcd).extension().string() != ".vcd") {
        std::cerr << "ipcsim: --vcd " << run_args.vcd << ": the file must end in .vcd\n";
        return kInvalidInput;
      }
      if (run_args.seeds > 0) {
        if (seed_opt->count() > 0) {
          std::cerr << "ipcsim: --seed and --seeds exclude each other\n";
          return kInvalidInput;
        }
        if (!run_args.trace.empty() || !run_args.vcd.empty()) {
          std::cerr << "ipcsim: --trace and --vcd record one run: drop --seeds (or replay one "
                       "seed with --seed)\n";
          return kInvalidInput;
        }
        return do_run_seeds(run_args, self_path(argv[0]));
      }
      return do_run(run_args, seed_opt->count() > 0);
    }
    if (*check) return do_check(check_args, self_path(argv[0]));
    if (*sweep) return sim::app::run_sweep_command(sweep_args, self_path(argv[0]));
    if (*validate) return sim::app::run_validate_command(validate_args);
    if (*import) return sim::app::run_import_command(import_args);
    sim::app::LoadOptions opts;
    opts.sets = layout_sets;
    std::cout << sim::app::layout_text(sim::app::load_board_or_scenario(layout_path, opts));
    return 0;
  } catch (const sim::config::ConfigError& e) {
    std::cerr << "ipcsim: " << e.what() << "\n";
    return kInvalidInput;
  } catch (const sim::artefacts::ArtefactError& e) {
    std::cerr << "ipcsim: " << e.what() << "\n";
    return kInvalidInput;
  } catch (const std::invalid_argument& e) {
    std::cerr << "ipcsim: " << e.what() << "\n";
    return kInvalidInput;
  } catch (const std::exception& e) {
    // A broken invariant (sim::ModelError) or anything else nobody expected: ipcsim's fault.
    std::cerr << "ipcsim: internal error, please report it with the command line"
              << (g_running.empty() ? "" : " (" + g_running + ")") << ": " << e.what() << "\n";
    return kInternalError;
  }
}

// libsystemc references sc_main from its own entry point; ipcsim starts through main() above.
int sc_main(int, char**) {
  return 0;
}
