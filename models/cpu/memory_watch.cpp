// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/memory_watch.h"

#include <algorithm>

namespace sim::models {

MemoryWatch::Scope::Scope(MemoryWatch& watch, std::uint64_t addr, std::uint64_t len)
    : watch_(watch), event_(sc_core::sc_gen_unique_name("watch")) {
  watch_.entries_.push_back({addr, addr + len, &event_});
}

MemoryWatch::Scope::~Scope() {
  auto& e = watch_.entries_;
  e.erase(std::remove_if(e.begin(), e.end(), [this](const Entry& x) { return x.event == &event_; }),
          e.end());
}

void MemoryWatch::touched(std::uint64_t addr, std::uint64_t len) {
  for (const Entry& e : entries_) {
    if (addr < e.hi && e.lo < addr + len) {
      e.event->notify(sc_core::SC_ZERO_TIME);
      ++wakeups_;
    }
  }
}

} // namespace sim::models
