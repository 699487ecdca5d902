// SPDX-License-Identifier: Apache-2.0
#pragma once
// What an ISS core on one side of a board sees (docs/firmware.md): private RAM is every Normal
// region of the cluster's `mmu` list outside the carve-outs (the image, as the reference port's
// Zephyr maps it), mapped straight into the core; every carve-out goes through the cluster's
// D-cache model by the firmware's own page tables; the side's mailbox terminal and UART are device
// windows; the GICv3 and the timer come from `clusters.<name>.core`.

#include "models/iss/firmware_cpu.h"
#include "models/platform/board_config.h"

namespace sim::models {

/// Throws std::invalid_argument when a private region is not 4 KiB aligned (the ISS maps pages).
iss::FirmwareCpuConfig firmware_cpu_config(const BoardConfig& board, Side side);

} // namespace sim::models
