// SPDX-License-Identifier: Apache-2.0
// ipcsim command line: `run` a scenario, print the shared-memory `layout` of a board.
// Exit codes: 0 expectations met, 1 an expectation failed, 2 invalid input.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include <systemc>

#include "models/common/config/config_error.h"
#include "models/common/log.h"
#include "models/common/tlm_util.h"
#include "sim/layout.h"
#include "sim/report.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace {

constexpr int kInvalidInput = 2;

struct RunArgs {
  std::string scenario;
  std::vector<std::string> sets;
  std::uint64_t seed = 0;
  std::string out;
  std::string log_level = "warn";
  bool no_sanitizer = false;
};

int do_run(const RunArgs& args, bool seed_given) {
  sim::app::LoadOptions opts;
  opts.sets = args.sets;
  opts.has_seed = seed_given;
  opts.seed = args.seed;
  opts.no_sanitizer = args.no_sanitizer;
  sim::app::Scenario sc = sim::app::load_scenario(args.scenario, opts);
  sim::app::RunOutput run = sim::app::run_scenario(sc);
  std::cout << sim::app::summary_text(sc, run);
  const std::string out = args.out.empty() ? "out/" + sc.name : args.out;
  sim::app::write_outputs(out, sc, run);
  std::cout << "report    " << out << "/report.json\n";
  return sim::app::all_expectations_met(run) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0);
  CLI::App app{"ipcsim: Linux <-> RTOS inter-processor communication simulator"};
  app.require_subcommand(1);

  RunArgs run_args;
  CLI::App* run = app.add_subcommand("run", "run a scenario and check its expectations");
  run->add_option("scenario", run_args.scenario, "scenario YAML file")->required();
  run->add_option("--set", run_args.sets, "override a key: dotted.path=value (repeatable)");
  CLI::Option* seed_opt = run->add_option("--seed", run_args.seed, "replace the scenario's seed");
  run->add_option("--out", run_args.out, "output directory (default out/<scenario name>)");
  run->add_option("--log", run_args.log_level, "log level: error, warn, info, debug");
  run->add_flag("--no-sanitizer", run_args.no_sanitizer,
                "switch the coherency sanitizer off (it never changes the simulation)");

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
      return do_run(run_args, seed_opt->count() > 0);
    }
    sim::app::LoadOptions opts;
    opts.sets = layout_sets;
    std::cout << sim::app::layout_text(sim::app::load_board_or_scenario(layout_path, opts));
    return 0;
  } catch (const sim::config::ConfigError& e) {
    std::cerr << "ipcsim: " << e.what() << "\n";
    return kInvalidInput;
  } catch (const std::exception& e) {
    std::cerr << "ipcsim: internal error: " << e.what() << "\n";
    return 3;
  }
}

// libsystemc references sc_main from its own entry point; ipcsim starts through main() above.
int sc_main(int, char**) {
  return 0;
}
