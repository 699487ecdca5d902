// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim validate`: do the four descriptions of one RPMsg port agree? The board file (and its
// software section), the Linux device tree (reserved-memory, the rproc node), the Zephyr
// devicetree (zephyr,memory-region nodes, /chosen) and the remote firmware ELF (where the linker
// put `resource_table`, the table's bytes, the image's MMU regions). Every check names both
// sources it compares, so a mismatch points at the two lines to reconcile.

#include <optional>
#include <string>
#include <vector>

#include "models/platform/board_config.h"
#include "sim/artefacts/device_tree.h"
#include "sim/artefacts/firmware_elf.h"
#include "sim/scenario/software_config.h"

namespace sim::app {

enum class CheckStatus { kOk, kWarning, kError };

struct CheckResult {
  CheckStatus status = CheckStatus::kOk;
  std::string check; ///< short id: "rsc_offset", "buffer_pool", "mmu.remote.VRING1", ...
  std::string text;  ///< what holds, or what is wrong, with the values from both sources
  std::vector<std::string> sources; ///< "configs/tcc807x.yaml:12 carveouts.rsc_table", ...
};

/// The artefacts given on the command line, each device tree sorted to its side.
struct Artefacts {
  std::optional<artefacts::DeviceTree> linux_dt;
  std::optional<artefacts::DeviceTree> zephyr_dt;
  std::optional<artefacts::FirmwareImage> firmware;
};
/// Reads them; throws ArtefactError (unreadable) or std::invalid_argument (two trees of a side).
Artefacts load_artefacts(const std::vector<std::string>& dts, const std::string& elf);

struct ValidateInput {
  std::string board_file;
  models::BoardConfig board;
  RemoteSoftware remote; ///< the board's software.remote (table, openamp.dcache)
  std::optional<artefacts::DeviceTree> linux_dt;
  std::optional<artefacts::DeviceTree> zephyr_dt;
  std::optional<artefacts::FirmwareImage> firmware;
};

std::vector<CheckResult> validate_port(const ValidateInput& input);

/// The printed report: a line per check, then the totals.
std::string validation_text(const std::vector<CheckResult>& results);
bool has_errors(const std::vector<CheckResult>& results);

} // namespace sim::app
