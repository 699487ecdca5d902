// SPDX-License-Identifier: Apache-2.0
#pragma once
// What software knows about the board it runs on: the device-tree facts a kernel or an RTOS
// image is built with (its mailbox terminal and interrupts, the shared carve-outs). Filled by the
// simulator from the board file; plain data, no simulator types.

#include <cstdint>
#include <map>
#include <string>

namespace sim::sw {

struct MemoryRegion {
  std::uint64_t base = 0;
  std::uint64_t size = 0;
};

struct PlatformInfo {
  std::string side; ///< "master" or "remote"
  std::uint64_t mailbox_base = 0;
  unsigned mailbox_irq_rx = 0;
  unsigned mailbox_irq_tx = 0;
  std::map<std::string, MemoryRegion> carveouts;
  std::uint64_t seed = 1;
};

} // namespace sim::sw
