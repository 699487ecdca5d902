// SPDX-License-Identifier: Apache-2.0
#pragma once
// Nearest-rank percentiles: deterministic and exact for small samples (a 3-message run has three
// values, and its p99 is the largest of them).

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sim::app {

struct Percentiles {
  std::uint64_t count = 0;
  std::uint64_t p50 = 0;
  std::uint64_t p99 = 0;
  std::uint64_t max = 0;
};

/// The value of rank ceil(p * n) in `sorted` (ascending); 0 when empty.
inline std::uint64_t nearest_rank(const std::vector<std::uint64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<std::size_t>(p * static_cast<double>(sorted.size()) + 0.999999);
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

inline Percentiles percentiles(std::vector<std::uint64_t> values) {
  std::sort(values.begin(), values.end());
  Percentiles p;
  p.count = values.size();
  p.p50 = nearest_rank(values, 0.50);
  p.p99 = nearest_rank(values, 0.99);
  p.max = values.empty() ? 0 : values.back();
  return p;
}

} // namespace sim::app
