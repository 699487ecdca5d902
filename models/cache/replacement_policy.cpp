// SPDX-License-Identifier: Apache-2.0
#include "models/cache/replacement_policy.h"

#include "models/cache/fifo_policy.h"
#include "models/cache/lru_policy.h"
#include "models/cache/random_policy.h"

namespace sim::models {

std::unique_ptr<ReplacementPolicy> make_replacement(const CacheConfig& config,
                                                    const CacheGeometry& geometry) {
  switch (config.replacement) {
  case CacheConfig::Replacement::kLru:
    return std::make_unique<Lru>(geometry.sets(), geometry.ways());
  case CacheConfig::Replacement::kFifo:
    return std::make_unique<Fifo>(geometry.sets(), geometry.ways());
  case CacheConfig::Replacement::kRandom:
    return std::make_unique<Random>(geometry.ways(),
                                    Rng(config.seed, config.name + ".replacement"));
  }
  return nullptr;
}

} // namespace sim::models
