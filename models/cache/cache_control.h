// SPDX-License-Identifier: Apache-2.0
#pragma once
// CacheControl: the maintenance operations a cluster's HAL issues (Arm DC by VA to the Point of
// Coherency, and by set/way for the whole cache). Addresses are physical (the platform maps VAs
// identity). A range acts on every line it touches, partial first and last lines included, as
// the instructions act on whole containing lines. Each line operation adds the hit latency to
// `delay`, plus the downstream delay of any write-back it causes.

#include <cstdint>

#include <systemc>

namespace sim::models {

class CacheControl {
public:
  virtual ~CacheControl() = default;
  /// DC CVAC: dirty lines are written back and stay valid, now clean.
  virtual void clean(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) = 0;
  /// DC IVAC: lines are dropped WITHOUT write-back, even dirty ones; dirty bytes outside the range
  /// in a partial line are lost too (software decides whether to use CIVAC there).
  virtual void invalidate(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) = 0;
  /// DC CIVAC: write back if dirty, then drop.
  virtual void clean_invalidate(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) = 0;
  /// Whole cache by set/way (DC CSW / ISW / CISW over every set and way).
  virtual void clean_all(sc_core::sc_time& delay) = 0;
  virtual void invalidate_all(sc_core::sc_time& delay) = 0;
  virtual void clean_invalidate_all(sc_core::sc_time& delay) = 0;
};

} // namespace sim::models
