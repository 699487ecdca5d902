// SPDX-License-Identifier: Apache-2.0
#pragma once
// The software options of each side (DESIGN §6): the board's `software.<side>` defaults merged
// with the scenario's `master:` / `remote:` sections, parsed strictly into the stacks' option
// structs. Applications are parsed separately (app_registry).

#include <memory>
#include <string>

#include "models/common/config/config_node.h"
#include "models/platform/board_config.h"
#include "sim/artefacts/firmware_elf.h"
#include "sw/linux/linux.h"
#include "sw/zephyr/zephyr.h"

namespace sim::app {

struct MasterSoftware {
  sw::lnx::LinuxOptions kernel;
};

struct RemoteSoftware {
  sw::zephyr::ZephyrOptions image;
  /// `firmware`: the real ELF the remote's ISS core runs (resolved path; empty: the modelled
  /// Zephyr), read and checked at load (remote_firmware.h).
  std::string firmware;
  std::shared_ptr<const artefacts::FirmwareImage> firmware_image;
  /// When the remote image starts running (the remote_boots_late fault; 0 = at once).
  Picoseconds boot_at = 0;
  /// The remote_restarts fault: reset at restart_at (0 = never), image running again
  /// restart_delay later.
  Picoseconds restart_at = 0;
  Picoseconds restart_delay = 0;
};

/// Reads everything but `apps` from the merged `master:` section.
MasterSoftware parse_master_software(const config::ConfigNode& section,
                                     const models::BoardConfig& board);
/// Reads everything but `apps` from the merged `remote:` section; checks the table address lies
/// in DRAM (a table elsewhere than where Linux looks is allowed: that is an attach failure to
/// simulate, not an input error).
RemoteSoftware parse_remote_software(const config::ConfigNode& section,
                                     const models::BoardConfig& board);

} // namespace sim::app
