// SPDX-License-Identifier: Apache-2.0
#pragma once
// libmetal's cache API on Zephyr arm64 and OpenAMP's maintenance macros on top of it
// (rpmsg-protocol.md §6.5, tcc807x-mailbox.md §5.3).
//
// metal_cache_flush -> sys_cache_data_flush_range -> DC CVAC on every line the range touches.
// metal_cache_invalidate -> sys_cache_data_invd_range: arm64 cleans+invalidates (DC CIVAC) a
// partial last and first line, so a neighbour's dirty bytes sharing the line are written back
// rather than lost, and invalidates (DC IVAC) the whole lines in between. A consequence worth
// knowing: invalidating a short object whose line this core dirtied writes the core's stale copy
// back over the other side's data first (the dirty `reserved` line of releases before v2023.04).
//
// VRING_*, BUFFER_* and RSC_TABLE_* are switched by CONFIG_OPENAMP_WITH_DCACHE (all three on
// from the release that has them); with it off every macro is empty. Not modelled: the DSB after
// each range (the HAL orders accesses sequentially), set/way operations.

#include <cstddef>

#include "sw/hal/hal.h"

namespace sim::sw::zephyr {

class MetalCache {
public:
  struct Switches {
    bool vrings = false;    ///< VIRTIO_CACHED_VRINGS / VIRTIO_USE_DCACHE
    bool buffers = false;   ///< VIRTIO_CACHED_BUFFERS
    bool rsc_table = false; ///< VIRTIO_CACHED_RSC_TABLE (v2023.10 and later)
  };

  MetalCache(hal::Hal& hal, unsigned line, Switches switches);

  /// metal_cache_flush (DC CVAC per line).
  void flush(hal::Addr addr, std::size_t len, const char* site);
  /// metal_cache_invalidate (DC CIVAC on partial edge lines, DC IVAC on whole lines).
  void invalidate(hal::Addr addr, std::size_t len, const char* site);

  void vring_flush(hal::Addr a, std::size_t n, const char* site) {
    if (switches_.vrings) flush(a, n, site);
  }
  void vring_invalidate(hal::Addr a, std::size_t n, const char* site) {
    if (switches_.vrings) invalidate(a, n, site);
  }
  void buffer_flush(hal::Addr a, std::size_t n, const char* site) {
    if (switches_.buffers) flush(a, n, site);
  }
  void buffer_invalidate(hal::Addr a, std::size_t n, const char* site) {
    if (switches_.buffers) invalidate(a, n, site);
  }
  void rsc_flush(hal::Addr a, std::size_t n, const char* site) {
    if (switches_.rsc_table) flush(a, n, site);
  }
  void rsc_invalidate(hal::Addr a, std::size_t n, const char* site) {
    if (switches_.rsc_table) invalidate(a, n, site);
  }

  const Switches& switches() const { return switches_; }
  unsigned line() const { return line_; }

private:
  hal::Hal& hal_;
  unsigned line_;
  Switches switches_;
};

} // namespace sim::sw::zephyr
