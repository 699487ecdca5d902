// SPDX-License-Identifier: Apache-2.0
#pragma once
// Lru: true least-recently-used per set, kept as a per-way stamp of the last touch or insertion.
// Ties (never-used ways) go to the lowest way. Pure C++.

#include <cstdint>
#include <vector>

#include "models/cache/replacement_policy.h"

namespace sim::models {

class Lru : public ReplacementPolicy {
public:
  Lru(unsigned sets, unsigned ways);
  void touch(unsigned set, unsigned way) override;
  void insert(unsigned set, unsigned way) override;
  void invalidate(unsigned set, unsigned way) override;
  unsigned victim(unsigned set) override;

protected:
  /// Marks the way as the most recently refreshed of its set.
  void stamp(unsigned set, unsigned way);

private:
  unsigned ways_;
  std::uint64_t clock_ = 0;
  std::vector<std::uint64_t> stamp_; // sets * ways; 0 = never used
};

} // namespace sim::models
