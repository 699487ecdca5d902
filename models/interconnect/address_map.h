// SPDX-License-Identifier: Apache-2.0
#pragma once
// The system address map (pure C++): named, non-overlapping regions, each routed to a target port.
// Decode is a one-entry last-hit cache in front of a binary search over regions sorted by base,
// so the common case (a core streaming through one region) costs one compare.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sim::models {

struct AddressRegion {
  std::string name;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  unsigned port = 0;  ///< target port the region is routed to
  std::size_t id = 0; ///< declaration order, stable while regions are added

  std::uint64_t last() const { return base + (size - 1); }
  bool contains(std::uint64_t addr) const { return addr >= base && addr - base < size; }
  /// True when all of [addr, addr+len) lies in the region (len 0 is never contained).
  bool contains(std::uint64_t addr, std::uint64_t len) const {
    return len != 0 && contains(addr) && len <= size - (addr - base);
  }
};

class AddressMap {
public:
  /// Adds a region and returns its id. Throws std::invalid_argument for a zero size, a region
  /// that wraps past 2^64, a duplicate name, or an overlap (the message names both regions).
  std::size_t add(std::string name, std::uint64_t base, std::uint64_t size, unsigned port);

  /// The region holding `addr`, or nullptr. The pointer is valid until the next add().
  const AddressRegion* decode(std::uint64_t addr) const;
  const AddressRegion* find(const std::string& name) const;
  /// For an unmapped address: the surrounding unmapped range [first, last].
  void gap(std::uint64_t addr, std::uint64_t& first, std::uint64_t& last) const;

  /// Regions sorted by base address.
  const std::vector<AddressRegion>& regions() const { return regions_; }
  bool empty() const { return regions_.empty(); }
  /// One line per region: range, size, name, port.
  std::string describe() const;

private:
  std::vector<AddressRegion> regions_;
  mutable std::size_t last_hit_ = 0;
};

} // namespace sim::models
