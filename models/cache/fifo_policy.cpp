// SPDX-License-Identifier: Apache-2.0
#include "models/cache/fifo_policy.h"

namespace sim::models {

Fifo::Fifo(unsigned sets, unsigned ways)
    : ways_(ways), inserted_(static_cast<std::size_t>(sets) * ways, 0) {}

void Fifo::touch(unsigned, unsigned) {}

void Fifo::insert(unsigned set, unsigned way) {
  inserted_[static_cast<std::size_t>(set) * ways_ + way] = ++clock_;
}

void Fifo::invalidate(unsigned set, unsigned way) {
  inserted_[static_cast<std::size_t>(set) * ways_ + way] = 0;
}

unsigned Fifo::victim(unsigned set) {
  const std::uint64_t* s = &inserted_[static_cast<std::size_t>(set) * ways_];
  unsigned best = 0;
  for (unsigned w = 1; w < ways_; ++w)
    if (s[w] < s[best]) best = w;
  return best;
}

} // namespace sim::models
