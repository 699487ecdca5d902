// SPDX-License-Identifier: Apache-2.0
// The ipcsim command line: each subcommand is added and run by its own <command>_command file;
// here they are put together, SystemC's reports are routed into the project log, and errors
// become exit codes (cli_common.h).
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include <systemc>

#include "models/common/config/config_error.h"
#include "models/common/log.h"
#include "models/common/tlm_util.h"
#include "sim/artefacts/device_tree.h"
#include "sim/cli/check_command.h"
#include "sim/cli/cli_common.h"
#include "sim/cli/conform_command.h"
#include "sim/cli/import_command.h"
#include "sim/cli/layout_command.h"
#include "sim/cli/run_command.h"
#include "sim/cli/sweep_command.h"
#include "sim/cli/validate_command.h"

namespace {

/// SystemC's own reports go to the project log; its informational notes are debug detail, and
/// an error stops the run.
void route_systemc_reports() {
  sim::log::set_time_source([] { return sim::sc_to_ps(sc_core::sc_time_stamp()); });
  sc_core::sc_report_handler::set_handler(
      [](const sc_core::sc_report& r, const sc_core::sc_actions&) {
        sim::log::Level level = r.get_severity() == sc_core::SC_INFO      ? sim::log::Level::kDebug
                                : r.get_severity() == sc_core::SC_WARNING ? sim::log::Level::kWarn
                                                                          : sim::log::Level::kError;
        SIM_LOG(level, "systemc", r.get_msg_type() << ": " << r.get_msg());
        if (r.get_severity() >= sc_core::SC_ERROR) throw std::runtime_error(r.what());
      });
}

} // namespace

int main(int argc, char** argv) {
  using namespace sim::app;
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0);
  CLI::App app{"ipcsim: Linux <-> RTOS inter-processor communication simulator"};
  app.footer("Exit codes: 0 every expectation held (or the command succeeded); 1 an expectation "
             "failed, a suite or sweep run failed, validate found a problem, or conform a "
             "divergence; 2 invalid input "
             "(the message names file:line and the key); 3 internal error in ipcsim (please "
             "report it with the command line).");
  app.require_subcommand(1);

  RunArgs run_args;
  CheckArgs check_args;
  SweepArgs sweep_args;
  ValidateArgs validate_args;
  ImportArgs import_args;
  LayoutArgs layout_args;
  ConformArgs conform_args;
  const CLI::App* run = add_run_command(app, run_args);
  const CLI::App* check = add_check_command(app, check_args);
  const CLI::App* sweep = add_sweep_command(app, sweep_args);
  const CLI::App* validate = add_validate_command(app, validate_args);
  const CLI::App* import = add_import_command(app, import_args);
  const CLI::App* layout = add_layout_command(app, layout_args);
  const CLI::App* conform = add_conform_command(app, conform_args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kInvalidInput;
  }

  route_systemc_reports();
  const std::string self = self_path(argv[0]);
  try {
    if (*run) return run_run_command(run_args, self);
    if (*check) return run_check_command(check_args, self);
    if (*sweep) return run_sweep_command(sweep_args, self);
    if (*validate) return run_validate_command(validate_args);
    if (*import) return run_import_command(import_args);
    if (*layout) return run_layout_command(layout_args);
    if (*conform) return run_conform_command(conform_args, self);
    throw std::logic_error("no subcommand ran");
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
    const std::string& what = running();
    std::cerr << "ipcsim: internal error, please report it with the command line"
              << (what.empty() ? "" : " (" + what + ")") << ": " << e.what() << "\n";
    return kInternalError;
  }
}

// libsystemc references sc_main from its own entry point; ipcsim starts through main() above.
int sc_main(int, char**) {
  return 0;
}
