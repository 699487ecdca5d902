// SPDX-License-Identifier: Apache-2.0
#include "models/cache/random_policy.h"

namespace sim::models {

Random::Random(unsigned ways, const Rng& rng) : ways_(ways), rng_(rng) {}

void Random::touch(unsigned, unsigned) {}
void Random::insert(unsigned, unsigned) {}
void Random::invalidate(unsigned, unsigned) {}

unsigned Random::victim(unsigned) {
  return static_cast<unsigned>(rng_.below(ways_));
}

} // namespace sim::models
