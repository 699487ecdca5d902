// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/metal_cache.h"

namespace sim::sw::zephyr {

MetalCache::MetalCache(hal::Hal& hal, unsigned line, Switches switches)
    : hal_(hal), line_(line == 0 ? 64 : line), switches_(switches) {}

void MetalCache::flush(hal::Addr addr, std::size_t len, const char* site) {
  if (len == 0) return;
  hal_.dcache_clean(addr, len, site);
}

void MetalCache::invalidate(hal::Addr addr, std::size_t len, const char* site) {
  if (len == 0) return;
  const hal::Addr mask = line_ - 1;
  hal::Addr start = addr;
  hal::Addr end = addr + len;
  // Same order as Zephyr's arm64 arch_dcache_range (K_CACHE_INVD, arch/arm64/core/cache.c): the
  // partial last line first, then the partial first line unless it is that same line.
  if ((end & mask) != 0) {
    end &= ~mask;
    hal_.dcache_clean_invalidate(end, line_, site);
  }
  if ((start & mask) != 0) {
    start &= ~mask;
    if (start == end) return;
    hal_.dcache_clean_invalidate(start, line_, site);
    start += line_;
  }
  if (start < end) hal_.dcache_invalidate(start, static_cast<std::size_t>(end - start), site);
}

} // namespace sim::sw::zephyr
