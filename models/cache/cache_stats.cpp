// SPDX-License-Identifier: Apache-2.0
#include "models/cache/cache_stats.h"

namespace sim::models {

std::string CacheStats::to_string() const {
  std::string out;
  for_each([&out](const char* name, std::uint64_t value) {
    out += name;
    out += ": ";
    out += std::to_string(value);
    out += '\n';
  });
  return out;
}

} // namespace sim::models
