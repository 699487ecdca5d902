// SPDX-License-Identifier: Apache-2.0
#include "sim/validate_command.h"

#include <iostream>
#include <stdexcept>

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
  for (const std::string& file : args.dts) {
    artefacts::DeviceTree dt = artefacts::load_device_tree(file);
    std::optional<artefacts::DeviceTree>& slot = dt.is_zephyr() ? in.zephyr_dt : in.linux_dt;
    if (slot)
      throw std::invalid_argument("--dts " + file + ": a second " +
                                  (dt.is_zephyr() ? "Zephyr" : "Linux") + " device tree (after " +
                                  slot->file + ")");
    slot = std::move(dt);
  }
  if (!args.elf.empty()) in.firmware = artefacts::load_firmware(args.elf);

  std::cout << "validate  " << in.board_file;
  if (in.linux_dt) std::cout << "\n  linux   " << in.linux_dt->file;
  if (in.zephyr_dt) std::cout << "\n  zephyr  " << in.zephyr_dt->file;
  if (in.firmware) std::cout << "\n  elf     " << in.firmware->file;
  std::cout << "\n";
  const std::vector<CheckResult> results = validate_port(in);
  std::cout << validation_text(results);
  for (const CheckResult& r : results)
    if (r.status == CheckStatus::kError) return 1;
  return 0;
}

} // namespace sim::app
