// SPDX-License-Identifier: Apache-2.0
#pragma once
// Deterministic random numbers: xoshiro256** seeded through splitmix64 from the scenario seed and
// the component's hierarchical name, so adding a component never shifts another one's stream.
// Ranges are mapped in-tree (not std::uniform_int_distribution, whose algorithm differs between
// standard libraries) so golden outputs are portable.

#include <cstdint>
#include <string_view>

namespace sim {

class Rng {
public:
  Rng(std::uint64_t seed, std::string_view stream_name);
  explicit Rng(std::uint64_t seed) : Rng(seed, "") {}

  std::uint64_t next_u64();
  /// Uniform in [0, bound); bound 0 returns 0.
  std::uint64_t below(std::uint64_t bound);
  /// Uniform double in [0, 1).
  double unit();
  /// True with probability p (clamped to [0, 1]).
  bool chance(double p);

  static std::uint64_t hash_name(std::string_view name);

private:
  std::uint64_t s_[4];
};

} // namespace sim
