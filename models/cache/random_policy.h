// SPDX-License-Identifier: Apache-2.0
#pragma once
// Random: a uniformly drawn way from the cache's own seeded stream, so a run is replayable and
// adding another component does not change the choices. Pure C++.

#include "models/cache/replacement_policy.h"
#include "models/common/rng.h"

namespace sim::models {

class Random : public ReplacementPolicy {
public:
  Random(unsigned ways, const Rng& rng);
  void touch(unsigned set, unsigned way) override;
  void insert(unsigned set, unsigned way) override;
  void invalidate(unsigned set, unsigned way) override;
  unsigned victim(unsigned set) override;

private:
  unsigned ways_;
  Rng rng_;
};

} // namespace sim::models
