// SPDX-License-Identifier: Apache-2.0
#include "sim/cli/validate_command.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "sim/port/validate.h"
#include "sim/scenario/scenario.h"

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

CLI::App* add_validate_command(CLI::App& app, ValidateArgs& args) {
  CLI::App* validate = app.add_subcommand(
      "validate", "cross-check a board with the Linux DT, the Zephyr DT and the firmware ELF");
  validate->add_option("board", args.target, "board or scenario YAML file")->required();
  validate->add_option("--dts", args.dts,
                       "a Linux or Zephyr device tree, .dts or .dtb (repeatable)");
  validate->add_option("--elf", args.elf, "the remote's firmware ELF (zephyr.elf)");
  validate->add_option("--set", args.sets, "override a key: dotted.path=value");
  return validate;
}

} // namespace sim::app
