// SPDX-License-Identifier: Apache-2.0
#pragma once
// Fifo: replaces the way filled longest ago; hits do not change the order. Pure C++.

#include <cstdint>
#include <vector>

#include "models/cache/replacement_policy.h"

namespace sim::models {

class Fifo : public ReplacementPolicy {
public:
  Fifo(unsigned sets, unsigned ways);
  void touch(unsigned set, unsigned way) override;
  void insert(unsigned set, unsigned way) override;
  void invalidate(unsigned set, unsigned way) override;
  unsigned victim(unsigned set) override;

private:
  unsigned ways_;
  std::uint64_t clock_ = 0;
  std::vector<std::uint64_t> inserted_; // sets * ways; 0 = never filled
};

} // namespace sim::models
