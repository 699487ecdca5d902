// SPDX-License-Identifier: Apache-2.0
#pragma once
// Callback interface for components that must see accesses reaching DRAM: the coherency
// sanitizer (who published which byte when) and the CPU model's "poll until memory changes"
// primitive. Addresses are global: the memory's report base plus the local offset.

#include <cstdint>

namespace sim::models {

class MemoryObserver {
public:
  virtual ~MemoryObserver() = default;
  /// Called after `len` bytes at `addr` were written; `data` points at the bytes written.
  virtual void on_write(std::uint64_t addr, unsigned len, const std::uint8_t* data) {
    (void)addr, (void)len, (void)data;
  }
  /// Called after `len` bytes at `addr` were read.
  virtual void on_read(std::uint64_t addr, unsigned len) { (void)addr, (void)len; }
};

} // namespace sim::models
