// SPDX-License-Identifier: Apache-2.0
#include "models/cache/lru_policy.h"

namespace sim::models {

Lru::Lru(unsigned sets, unsigned ways)
    : ways_(ways), stamp_(static_cast<std::size_t>(sets) * ways, 0) {}

void Lru::stamp(unsigned set, unsigned way) {
  stamp_[static_cast<std::size_t>(set) * ways_ + way] = ++clock_;
}

void Lru::touch(unsigned set, unsigned way) {
  stamp(set, way);
}

void Lru::insert(unsigned set, unsigned way) {
  stamp(set, way);
}

void Lru::invalidate(unsigned set, unsigned way) {
  stamp_[static_cast<std::size_t>(set) * ways_ + way] = 0;
}

unsigned Lru::victim(unsigned set) {
  const std::uint64_t* s = &stamp_[static_cast<std::size_t>(set) * ways_];
  unsigned best = 0;
  for (unsigned w = 1; w < ways_; ++w)
    if (s[w] < s[best]) best = w;
  return best;
}

} // namespace sim::models
