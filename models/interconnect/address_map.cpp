// SPDX-License-Identifier: Apache-2.0
#include "models/interconnect/address_map.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "models/common/units.h"

namespace sim::models {
namespace {

std::string describe_region(const AddressRegion& r) {
  return "'" + r.name + "' [" + format_hex(r.base) + ".." + format_hex(r.last()) + "]";
}

} // namespace

std::size_t AddressMap::add(std::string name, std::uint64_t base, std::uint64_t size,
                            unsigned port) {
  if (size == 0) throw std::invalid_argument("address region '" + name + "' has size 0");
  if (size - 1 > ~0ull - base)
    throw std::invalid_argument("address region '" + name + "' at " + format_hex(base) +
                                " wraps past the end of the address space");
  AddressRegion region{std::move(name), base, size, port, regions_.size()};
  for (const AddressRegion& r : regions_) {
    if (r.name == region.name)
      throw std::invalid_argument("address region '" + region.name + "' declared twice");
    if (r.base <= region.last() && region.base <= r.last())
      throw std::invalid_argument("address region " + describe_region(region) + " overlaps " +
                                  describe_region(r));
  }
  const std::size_t id = region.id;
  auto pos = std::upper_bound(regions_.begin(), regions_.end(), region.base,
                              [](std::uint64_t b, const AddressRegion& r) { return b < r.base; });
  regions_.insert(pos, std::move(region));
  last_hit_ = 0;
  return id;
}

const AddressRegion* AddressMap::decode(std::uint64_t addr) const {
  if (regions_.empty()) return nullptr;
  if (regions_[last_hit_].contains(addr)) return &regions_[last_hit_];
  auto it = std::upper_bound(regions_.begin(), regions_.end(), addr,
                             [](std::uint64_t a, const AddressRegion& r) { return a < r.base; });
  if (it == regions_.begin()) return nullptr;
  --it;
  if (!it->contains(addr)) return nullptr;
  last_hit_ = static_cast<std::size_t>(it - regions_.begin());
  return &*it;
}

const AddressRegion* AddressMap::find(const std::string& name) const {
  for (const AddressRegion& r : regions_)
    if (r.name == name) return &r;
  return nullptr;
}

void AddressMap::gap(std::uint64_t addr, std::uint64_t& first, std::uint64_t& last) const {
  first = 0;
  last = ~0ull;
  for (const AddressRegion& r : regions_) {
    if (r.last() < addr)
      first = std::max(first, r.last() + 1);
    else if (r.base > addr)
      last = std::min(last, r.base - 1);
  }
}

std::string AddressMap::describe() const {
  std::ostringstream os;
  for (const AddressRegion& r : regions_) {
    os << format_hex(r.base) << ".." << format_hex(r.last()) << "  " << format_bytes(r.size) << "  "
       << r.name << " -> port " << r.port << "\n";
  }
  return os.str();
}

} // namespace sim::models
