// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/memory_watch.h"

#include <algorithm>

namespace sim::models {

// The event is unnamed: polls open a scope per evaluation and naming costs host time.
MemoryWatch::Scope::Scope(MemoryWatch& watch, std::uint64_t addr, std::uint64_t len)
    : watch_(watch) {
  watch_.entries_.push_back({addr, addr + len, this});
}

MemoryWatch::Scope::~Scope() {
  auto& e = watch_.entries_;
  e.erase(std::remove_if(e.begin(), e.end(), [this](const Entry& x) { return x.scope == this; }),
          e.end());
}

void MemoryWatch::touched(std::uint64_t addr, std::uint64_t len) {
  for (const Entry& e : entries_) {
    if (addr < e.hi && e.lo < addr + len) {
      e.scope->touched_ = true;
      e.scope->event_.notify(sc_core::SC_ZERO_TIME);
      ++wakeups_;
    }
  }
}

} // namespace sim::models
