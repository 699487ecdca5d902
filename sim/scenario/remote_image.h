// SPDX-License-Identifier: Apache-2.0
#pragma once
// The parts of the remote's firmware image that exist before anything runs: the resource table
// is static data of the Zephyr image, in DRAM at time zero as the boot loader left it (written
// straight to memory, never through the remote's cache).

#include <cstdint>
#include <vector>

#include "models/platform/platform.h"
#include "sw/zephyr/zephyr.h"

namespace sim::app {

/// The bytes of Zephyr's `resource_table` for these image options.
std::vector<std::uint8_t> remote_table_bytes(const sw::zephyr::ZephyrOptions& options);

/// Writes `bytes` at physical `addr` straight into the DRAM bank holding it.
void load_into_dram(models::Platform& platform, std::uint64_t addr,
                    const std::vector<std::uint8_t>& bytes);

} // namespace sim::app
