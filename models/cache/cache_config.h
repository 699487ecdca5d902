// SPDX-License-Identifier: Apache-2.0
#pragma once
// Typed configuration of one D-cache (STYLE §11). The platform fills it from the board's
// `clusters.<name>.dcache` keys; the cache never parses YAML. Pure C++.

#include <cstdint>
#include <string>

#include "models/common/units.h"

namespace sim::models {

struct CacheConfig {
  enum class Replacement { kLru, kFifo, kRandom };
  enum class WritePolicy { kWriteBack, kWriteThrough };
  /// How lines leave the cache besides maintenance (docs/models/cache.md has the exact meaning).
  enum class Eviction { kNatural, kRandom, kOnDoorbell, kNever };

  /// Hierarchical name; also names the seeded random streams. Empty = the module's name.
  std::string name;
  std::uint64_t size = 32 * 1024;
  unsigned ways = 4;
  unsigned line = 64;
  /// Cost of one lookup or one maintenance operation on one line.
  Latency hit_latency{0, 4, true};
  /// Resolves latencies given in cycles (667 ps = 1.5 GHz).
  Picoseconds clock_period_ps = 667;
  Replacement replacement = Replacement::kLru;
  WritePolicy write_policy = WritePolicy::kWriteBack;
  Eviction eviction = Eviction::kNatural;
  /// Probability per CPU access of one adversarial eviction (Eviction::kRandom only).
  double eviction_rate = 0.001;
  /// Next-line fill on a miss, plus refills of recently used lines (Arm speculative fetch).
  bool speculative_fill = false;
  /// Probability per CPU access of refilling one recently used, absent line.
  double speculative_rate = 0.05;
  std::uint64_t seed = 1;
};

} // namespace sim::models
