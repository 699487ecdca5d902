// SPDX-License-Identifier: Apache-2.0
#pragma once
// A resource table read from bytes (the firmware's `.resource_table` section, or the table the
// board's software section describes): Linux's checks first (sw/shm/resource_table_check.h), then
// the first vdev's vrings, which the cross-checks compare with the carve-outs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::artefacts {

struct VringFacts {
  std::uint32_t da = 0;
  std::uint32_t align = 0;
  std::uint32_t num = 0;
  std::uint32_t notifyid = 0;
};

struct TableFacts {
  bool ok = false;
  std::string error;                 ///< Linux's first complaint, when !ok
  std::vector<std::string> warnings; ///< entries Linux would skip
  std::uint32_t version = 0;
  std::uint32_t entries = 0;
  std::uint32_t size = 0; ///< bytes the table spans (to the end of its last entry)
  bool has_vdev = false;
  std::uint32_t vdev_offset = 0; ///< of the vdev's type word
  std::uint32_t vdev_id = 0;
  std::vector<VringFacts> vrings;
  /// Trace entries (a RAM console's buffer): Linux looks for each one's da in its carve-outs.
  struct Trace {
    std::uint32_t da = 0;
    std::uint32_t len = 0;
  };
  std::vector<Trace> traces;
};

/// `base` is the table's address (for messages).
TableFacts read_table_facts(const std::vector<std::uint8_t>& bytes, std::uint64_t base);

} // namespace sim::artefacts
