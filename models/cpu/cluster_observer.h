// SPDX-License-Identifier: Apache-2.0
#pragma once
// Hooks for checkers that must see what a cluster's software does around its D-cache: accesses
// that bypass the cache (normal_nc and device memory) and cache-maintenance requests with their
// site names. Cached accesses are reported by the D-cache itself (CacheObserver). Default methods
// do nothing; observers watch and must not call back into the cluster. Pure C++.

#include <cstdint>

namespace sim::models {

class ClusterObserver {
public:
  virtual ~ClusterObserver() = default;
  /// A completed access that did not go through the D-cache; `device` = a device mapping (MMIO).
  virtual void on_uncached(bool /*is_write*/, std::uint64_t /*addr*/, const std::uint8_t* /*data*/,
                           unsigned /*len*/, bool /*device*/, std::uint64_t /*when_ps*/) {}
  /// Software asked for maintenance `op` (`dcache clean`, `dcache invalidate`, `dcache
  /// clean+invalidate`) at `site`; skipped = a fault suppressed it. The cache's events for it come
  /// between this call and on_maintenance_done().
  virtual void on_maintenance(const char* /*op*/, const char* /*site*/, std::uint64_t /*addr*/,
                              std::uint64_t /*len*/, bool /*skipped*/, std::uint64_t /*when_ps*/) {}
  virtual void on_maintenance_done() {}
};

} // namespace sim::models
