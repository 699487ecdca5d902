// SPDX-License-Identifier: Apache-2.0
#pragma once
// Builds the exact bytes of a resource table (rpmsg-protocol.md §1): header, offset[] and the
// entries packed back to back in the order they were added, as a C struct of u32-multiple members
// lays them out. `zephyr()` reproduces Zephyr's `fw_resource_table` (one vdev with two vrings,
// optionally the RAM-console trace entry); the Zephyr remote model places these bytes in DRAM at
// time zero, as the boot loader would. Pure: no HAL, no addresses.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sw/shm/layout.h"

namespace sim::sw::shm {

/// Parameters of Zephyr's table (lib/open-amp/resource_table.c and the sample's prj.conf).
struct ZephyrTableParams {
  struct Trace {
    std::uint32_t da = 0;
    std::uint32_t len = 0;
    std::string name = "Zephyr_log";
  };
  std::uint32_t vring_num = 8;    ///< CONFIG_OPENAMP_RSC_TABLE_NUM_RPMSG_BUFF (sample: 8)
  std::uint32_t vring_align = 16; ///< VRING_ALIGNMENT
  std::uint32_t vring0_da = rsc::kAddrAny;
  std::uint32_t vring1_da = rsc::kAddrAny;
  std::uint32_t vring0_notifyid = 0; ///< VRING0_ID (IPM RX id)
  std::uint32_t vring1_notifyid = 1; ///< VRING1_ID (IPM TX id)
  std::uint32_t vdev_notifyid = 0;
  std::uint32_t dfeatures = rsc::kFeatureNs; ///< RPMSG_IPU_C0_FEATURES
  std::optional<Trace> trace;                ///< CONFIG_RAM_CONSOLE
};

class ResourceTableImage {
public:
  struct Vring {
    std::uint32_t da = rsc::kAddrAny;
    std::uint32_t align = 16;
    std::uint32_t num = 8;
    std::uint32_t notifyid = 0;
    std::uint32_t reserved = 0;
  };
  struct Vdev {
    std::uint32_t id = rsc::kVirtioIdRpmsg;
    std::uint32_t notifyid = 0;
    std::uint32_t dfeatures = 0;
    std::uint32_t gfeatures = 0;
    std::uint8_t status = 0;
    std::vector<Vring> vrings;
    std::vector<std::uint8_t> config; ///< config_len = config.size()
  };
  /// Carve-out or devmem entry (same body layout).
  struct Carveout {
    std::uint32_t da = rsc::kAddrAny;
    std::uint32_t pa = rsc::kAddrAny;
    std::uint32_t len = 0;
    std::uint32_t flags = 0;
    std::string name; ///< at most 31 characters are kept, NUL-padded
  };
  struct Trace {
    std::uint32_t da = 0;
    std::uint32_t len = 0;
    std::string name;
  };

  /// Each add_* appends an entry and returns its index in offset[].
  std::size_t add_vdev(const Vdev& vdev);
  std::size_t add_carveout(const Carveout& carveout);
  std::size_t add_devmem(const Carveout& devmem);
  std::size_t add_trace(const Trace& trace);

  std::size_t num_entries() const { return entries_.size(); }
  /// offset[i] as it will appear in the table.
  std::uint32_t entry_offset(std::size_t i) const;
  std::uint32_t size() const;
  std::vector<std::uint8_t> bytes() const;

  /// Zephyr's table: the vdev first, then the trace entry if requested.
  static ResourceTableImage zephyr(const ZephyrTableParams& params);

private:
  std::size_t add_entry(std::uint32_t type, std::vector<std::uint8_t> body);

  struct Entry {
    std::uint32_t type;
    std::vector<std::uint8_t> body; ///< everything after the type word
  };
  std::vector<Entry> entries_;
};

} // namespace sim::sw::shm
