// SPDX-License-Identifier: Apache-2.0
#include "sim/validate_command.h"

#include <iostream>

#include "sim/scenario.h"
#include "sim/validate.h"

namespace sim::app {

int run_validate_command(const ValidateArgs& args) {
  LoadOptions opts;
  opts.sets = args.sets;
  PortDescription port = load_port(args.target, opts);
  ValidateInput in;
  in.board_file = port.board_file;
  in.board = std::move(port.board);
  in.remote = std::move(port.remote);
  Artefacts artefacts = load_artefacts(args.dts, args.elf);
  in.linux_dt = std::move(artefacts.linux_dt);
  in.zephyr_dt = std::move(artefacts.zephyr_dt);
  in.firmware = std::move(artefacts.firmware);

  std::cout << "validate  " << in.board_file;
  if (in.linux_dt) std::cout << "\n  linux   " << in.linux_dt->file;
  if (in.zephyr_dt) std::cout << "\n  zephyr  " << in.zephyr_dt->file;
  if (in.firmware) std::cout << "\n  elf     " << in.firmware->file;
  std::cout << "\n";
  const std::vector<CheckResult> results = validate_port(in);
  std::cout << validation_text(results);
  return has_errors(results) ? 1 : 0;
}

} // namespace sim::app
