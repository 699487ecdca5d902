// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/table_facts.h"

#include <algorithm>

#include "sw/shm/layout.h"
#include "sw/shm/resource_table_check.h"

namespace sim::artefacts {
namespace {

std::uint32_t u32(const std::vector<std::uint8_t>& b, std::uint32_t at) {
  if (at + 4 > b.size()) return 0;
  return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
         static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}

} // namespace

TableFacts read_table_facts(const std::vector<std::uint8_t>& bytes, std::uint64_t base) {
  namespace rsc = sw::shm::rsc;
  TableFacts t;
  const sw::shm::RscCheckResult check =
      sw::shm::validate_resource_table(bytes.data(), bytes.size(), base);
  t.ok = check.ok;
  t.error = check.error;
  t.warnings = check.warnings;
  if (!t.ok) return t;
  t.version = u32(bytes, rsc::kHdrVer);
  t.entries = u32(bytes, rsc::kHdrNum);
  t.size = rsc::kHdrOffsets + 4 * t.entries;
  for (std::uint32_t i = 0; i < t.entries; ++i) {
    const std::uint32_t at = u32(bytes, rsc::kHdrOffsets + 4 * i);
    const std::uint32_t type = u32(bytes, at);
    // Each entry's extent, as far as the checks above guarantee it is inside the table.
    std::uint32_t end = at + rsc::kEntryTypeSize;
    if (type == rsc::kCarveout || type == rsc::kDevmem) end = at + rsc::kCarveoutSize;
    if (type == rsc::kTrace) {
      end = at + rsc::kTraceSize;
      t.traces.push_back({u32(bytes, at + rsc::kTraceDa), u32(bytes, at + rsc::kTraceLen)});
    }
    if (type == rsc::kVdev) {
      const std::uint32_t vrings = bytes[at + rsc::kVdevNumOfVrings];
      end = at + rsc::kVdevVrings + rsc::kVringSize * vrings + u32(bytes, at + rsc::kVdevConfigLen);
      if (!t.has_vdev) {
        t.has_vdev = true;
        t.vdev_offset = at;
        t.vdev_id = u32(bytes, at + rsc::kVdevId);
        for (std::uint32_t v = 0; v < vrings; ++v) {
          const std::uint32_t vr = at + rsc::kVdevVrings + rsc::kVringSize * v;
          t.vrings.push_back({u32(bytes, vr + rsc::kVringDa), u32(bytes, vr + rsc::kVringAlign),
                              u32(bytes, vr + rsc::kVringNum),
                              u32(bytes, vr + rsc::kVringNotifyId)});
        }
      }
    }
    t.size = std::max(t.size, end);
  }
  return t;
}

} // namespace sim::artefacts
