// SPDX-License-Identifier: Apache-2.0
#pragma once
// What software knows about the board it runs on: the device-tree facts a kernel or an RTOS
// image is built with (its mailbox terminal and interrupts, the shared carve-outs). Filled by the
// simulator from the board file; plain data, no simulator types.

#include <cstdint>
#include <map>
#include <string>

#include "sw/hal/side.h"

namespace sim::sw {

struct MemoryRegion {
  std::uint64_t base = 0;
  std::uint64_t size = 0;
};

struct PlatformInfo {
  Side side = Side::kMaster;
  std::uint64_t mailbox_base = 0;
  unsigned mailbox_irq_rx = 0;
  unsigned mailbox_irq_tx = 0;
  /// Reserved-memory regions by DT name: rsc_table, vdev0vring0, vdev0vring1, vdev0buffer.
  std::map<std::string, MemoryRegion> carveouts;
  /// The Linux DT's tcc,rsc-offset / tcc,rsc-size inside the rsc_table region (0 when absent).
  std::uint64_t rsc_offset = 0;
  std::uint64_t rsc_size = 0;
  std::uint64_t seed = 1;
};

} // namespace sim::sw
