// SPDX-License-Identifier: Apache-2.0
#pragma once
// Fifo: replaces the way filled longest ago; hits do not change the order. It is LRU whose stamps
// are refreshed only by fills, never by hits. Pure C++.

#include "models/cache/lru_policy.h"

namespace sim::models {

class Fifo final : public Lru {
public:
  using Lru::Lru;
  void touch(unsigned, unsigned) override {}
};

} // namespace sim::models
