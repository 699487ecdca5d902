// SPDX-License-Identifier: Apache-2.0
#pragma once
// CacheGeometry: derives sets and the offset/index/tag split of an address from size, ways and
// line size, and rejects geometries a set-associative cache cannot have (std::invalid_argument
// with a message naming the bad value). Pure C++, no timing.

#include <cstdint>
#include <string>

namespace sim::models {

class CacheGeometry {
public:
  /// `name` prefixes error messages (e.g. "platform.remote.dcache"); may be empty.
  CacheGeometry(std::uint64_t size, unsigned ways, unsigned line, const std::string& name = "");

  std::uint64_t size() const { return size_; }
  unsigned ways() const { return ways_; }
  unsigned line() const { return line_; }
  unsigned sets() const { return sets_; }
  unsigned offset_bits() const { return offset_bits_; }
  unsigned index_bits() const { return index_bits_; }

  std::uint64_t line_addr(std::uint64_t addr) const { return addr & ~line_mask_; }
  unsigned offset_of(std::uint64_t addr) const { return static_cast<unsigned>(addr & line_mask_); }
  unsigned set_of(std::uint64_t addr) const {
    return static_cast<unsigned>((addr >> offset_bits_) & set_mask_);
  }
  std::uint64_t tag_of(std::uint64_t addr) const { return addr >> (offset_bits_ + index_bits_); }
  /// Inverse of set_of/tag_of: the address of the line with this tag in this set.
  std::uint64_t line_addr_of(std::uint64_t tag, unsigned set) const {
    return (tag << (offset_bits_ + index_bits_)) |
           (static_cast<std::uint64_t>(set) << offset_bits_);
  }
  /// Number of lines the byte range [addr, addr + len) touches, partial first/last included.
  /// Ranges running past the top of the address space are clipped there.
  std::uint64_t lines_touched(std::uint64_t addr, std::uint64_t len) const;

private:
  std::uint64_t size_;
  unsigned ways_;
  unsigned line_;
  unsigned sets_ = 0;
  unsigned offset_bits_ = 0;
  unsigned index_bits_ = 0;
  std::uint64_t line_mask_ = 0;
  std::uint64_t set_mask_ = 0;
};

} // namespace sim::models
