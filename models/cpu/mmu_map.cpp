// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/mmu_map.h"

#include <algorithm>
#include <stdexcept>

#include "models/common/units.h"

namespace sim::models {

const char* mem_attr_name(MemAttr attr) {
  switch (attr) {
  case MemAttr::kNormalWb:
    return "normal_wb";
  case MemAttr::kNormalNc:
    return "normal_nc";
  case MemAttr::kDevice:
    return "device";
  }
  return "?";
}

void MmuMap::add(MmuRegion region) {
  if (region.size == 0) throw std::invalid_argument("MMU region " + region.name + " is empty");
  if (region.base + region.size < region.base)
    throw std::invalid_argument("MMU region " + region.name + " wraps around the address space");
  for (const MmuRegion& r : regions_) {
    if (region.base < r.end() && r.base < region.end())
      throw std::invalid_argument("MMU region " + region.name + " [" + format_hex(region.base) +
                                  ", " + format_hex(region.end()) + ") overlaps " + r.name + " [" +
                                  format_hex(r.base) + ", " + format_hex(r.end()) + ")");
  }
  regions_.push_back(std::move(region));
  std::sort(regions_.begin(), regions_.end(),
            [](const MmuRegion& a, const MmuRegion& b) { return a.base < b.base; });
  last_hit_ = 0;
}

const MmuRegion* MmuMap::lookup(std::uint64_t addr, std::uint64_t len) const {
  auto inside = [&](const MmuRegion& r) {
    return addr >= r.base && addr - r.base < r.size && len <= r.size - (addr - r.base);
  };
  // Software touches the same region many times in a row; try the last hit first.
  if (last_hit_ < regions_.size() && inside(regions_[last_hit_])) return &regions_[last_hit_];
  for (std::size_t i = 0; i < regions_.size(); ++i) {
    if (inside(regions_[i])) {
      last_hit_ = i;
      return &regions_[i];
    }
  }
  return nullptr;
}

std::string MmuMap::describe() const {
  std::string out;
  for (const MmuRegion& r : regions_) {
    out += "  " + r.name + " [" + format_hex(r.base) + ", " + format_hex(r.end()) + ") " +
           mem_attr_name(r.attr) + "\n";
  }
  return out;
}

} // namespace sim::models
