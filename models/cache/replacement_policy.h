// SPDX-License-Identifier: Apache-2.0
#pragma once
// ReplacementPolicy: chooses which way of a full set a fill replaces (gem5's shape: the array
// reports touches, insertions and invalidations; the policy answers victim()). Policies only see
// the configured `ways` of each set; the array itself prefers invalid ways before asking.
// Pure C++, no timing.

#include <memory>

#include "models/cache/cache_config.h"
#include "models/cache/cache_geometry.h"

namespace sim::models {

class ReplacementPolicy {
public:
  virtual ~ReplacementPolicy() = default;
  /// A lookup hit this way.
  virtual void touch(unsigned set, unsigned way) = 0;
  /// A line was installed in this way.
  virtual void insert(unsigned set, unsigned way) = 0;
  /// The line in this way was dropped.
  virtual void invalidate(unsigned set, unsigned way) = 0;
  /// The way to replace in a set whose ways are all valid.
  virtual unsigned victim(unsigned set) = 0;
};

/// The policy `config.replacement` names. Random draws from sim::Rng(config.seed,
/// config.name + ".replacement").
std::unique_ptr<ReplacementPolicy> make_replacement(const CacheConfig& config,
                                                    const CacheGeometry& geometry);

} // namespace sim::models
