// SPDX-License-Identifier: Apache-2.0
#pragma once
// CacheObserver: hooks for checkers that must see every cache event (the coherency sanitizer, the
// "poll until memory may have changed" primitive, tracing). Default methods do nothing, so an
// observer overrides only what it needs. Observers watch; they must not call back into the cache.
// `when_ps` is the simulated time of the event: the kernel time plus the initiator's annotated
// delay at that moment (loosely timed). Debug transport is not reported. Pure C++.

#include <cstdint>

namespace sim::models {

class CacheObserver {
public:
  virtual ~CacheObserver() = default;
  /// A CPU read of [addr, addr + len) within one line; `data` is what the core got; hit = no
  /// fill was needed.
  virtual void on_read(std::uint64_t /*addr*/, const std::uint8_t* /*data*/, unsigned /*len*/,
                       bool /*hit*/, std::uint64_t /*when_ps*/) {}
  /// A CPU write within one line (after the line data was updated). With write-through, the
  /// on_writeback of the same bytes follows.
  virtual void on_write(std::uint64_t /*addr*/, const std::uint8_t* /*data*/, unsigned /*len*/,
                        bool /*hit*/, std::uint64_t /*when_ps*/) {}
  /// A line was filled from memory; `data` is what was installed.
  virtual void on_fill(std::uint64_t /*line_addr*/, const std::uint8_t* /*data*/, unsigned /*len*/,
                       bool /*speculative*/, std::uint64_t /*when_ps*/) {}
  /// Bytes reached memory: a dirty line written back (whole line), or a write-through store
  /// (`addr`/`len` of the store).
  virtual void on_writeback(std::uint64_t /*addr*/, const std::uint8_t* /*data*/, unsigned /*len*/,
                            std::uint64_t /*when_ps*/) {}
  /// A line left the cache without maintenance (replacement or adversarial eviction); a dirty
  /// one was written back first (on_writeback came before).
  virtual void on_evict(std::uint64_t /*line_addr*/, bool /*dirty*/, std::uint64_t /*when_ps*/) {}
  /// Maintenance dropped a line; discarded_dirty = it was dirty and its data was lost (IVAC).
  virtual void on_invalidate(std::uint64_t /*line_addr*/, bool /*discarded_dirty*/,
                             std::uint64_t /*when_ps*/) {}
};

} // namespace sim::models
