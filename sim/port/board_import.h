// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim import`: a board file written from a port's own artefacts. The Linux DT gives the
// carve-outs (its reserved-memory regions the rproc node lists), tcc,rsc-offset/size, the master's
// mailbox terminal and its Normal-NC window; the Zephyr DT the remote's mailbox terminal; the
// firmware ELF the table's address, the rings (num, align, da) and the remote's MMU regions with
// their attributes. Everything else (clocks, caches, OS costs, latencies) comes from a base board.

#include <optional>
#include <string>

#include "sim/artefacts/device_tree.h"
#include "sim/artefacts/firmware_elf.h"

namespace sim::app {

struct ImportInput {
  std::string base_file; ///< the base board (configs/tcc807x.yaml by default)
  std::string name;      ///< the new board's name
  std::optional<artefacts::DeviceTree> linux_dt;
  std::optional<artefacts::DeviceTree> zephyr_dt;
  std::optional<artefacts::FirmwareImage> firmware;
};

/// The new board file's text (YAML with a header saying where each part came from). Throws
/// std::invalid_argument when an artefact lacks what it must give (a Linux DT without rproc node).
std::string import_board(const ImportInput& input);

} // namespace sim::app
