// SPDX-License-Identifier: Apache-2.0
#include "models/cache/cache_geometry.h"

#include <stdexcept>

#include "models/common/units.h"

namespace sim::models {
namespace {

bool is_pow2(std::uint64_t v) {
  return v != 0 && (v & (v - 1)) == 0;
}

unsigned log2_exact(std::uint64_t v) {
  unsigned bits = 0;
  while ((std::uint64_t{1} << bits) < v) ++bits;
  return bits;
}

} // namespace

CacheGeometry::CacheGeometry(std::uint64_t size, unsigned ways, unsigned line,
                             const std::string& name)
    : size_(size), ways_(ways), line_(line) {
  const std::string who = (name.empty() ? std::string() : name + ": ") + "dcache ";
  if (!is_pow2(size))
    throw std::invalid_argument(who + "size " + format_bytes(size) + " is not a power of two");
  if (!is_pow2(ways))
    throw std::invalid_argument(who + "ways " + std::to_string(ways) + " is not a power of two");
  if (!is_pow2(line))
    throw std::invalid_argument(who + "line " + format_bytes(line) + " is not a power of two");
  if (ways > size || line > size / ways)
    throw std::invalid_argument(who + "line " + format_bytes(line) + " is larger than size/ways (" +
                                format_bytes(size) + " / " + std::to_string(ways) +
                                "): the cache would have no set");
  const std::uint64_t sets = size / ways / line;
  if (sets > (std::uint64_t{1} << 31))
    throw std::invalid_argument(who + "has too many sets (" + std::to_string(sets) + ")");
  sets_ = static_cast<unsigned>(sets);
  offset_bits_ = log2_exact(line);
  index_bits_ = log2_exact(sets);
  line_mask_ = line - 1;
  set_mask_ = sets - 1;
}

std::uint64_t CacheGeometry::lines_touched(std::uint64_t addr, std::uint64_t len) const {
  if (len == 0) return 0;
  const std::uint64_t max_len = ~std::uint64_t{0} - addr + 1; // 0 means "all 2^64"
  const std::uint64_t last = (max_len != 0 && len > max_len) ? ~std::uint64_t{0} : addr + len - 1;
  return ((last >> offset_bits_) - (addr >> offset_bits_)) + 1;
}

} // namespace sim::models
