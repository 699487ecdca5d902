// SPDX-License-Identifier: Apache-2.0
#pragma once
// The memory attributes one OS maps physical regions with (Zephyr's mmu_regions, Linux's
// memremap/ioremap flags): normal_wb is cached in the cluster's D-cache, normal_nc and device
// bypass it, and an address in no region is an MMU fault. Identity mapping (VA = PA), as both the
// reference port's Zephyr (flat entries) and the model of Linux's view assume. Pure C++.

#include <cstdint>
#include <string>
#include <vector>

namespace sim::models {

enum class MemAttr { kNormalWb, kNormalNc, kDevice };

const char* mem_attr_name(MemAttr attr);

struct MmuRegion {
  std::string name;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  MemAttr attr = MemAttr::kNormalWb;
  std::uint64_t end() const { return base + size; }
};

class MmuMap {
public:
  /// Adds a region; throws std::invalid_argument when it overlaps another or is empty.
  void add(MmuRegion region);
  /// The region holding the whole access [addr, addr+len), or nullptr (MMU fault).
  const MmuRegion* lookup(std::uint64_t addr, std::uint64_t len) const;
  const std::vector<MmuRegion>& regions() const { return regions_; }
  /// One line per region, for fault reports and `ipcsim layout`.
  std::string describe() const;

private:
  std::vector<MmuRegion> regions_; // sorted by base
  mutable std::size_t last_hit_ = 0;
};

} // namespace sim::models
