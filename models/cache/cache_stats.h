// SPDX-License-Identifier: Apache-2.0
#pragma once
// CacheStats: counters of one cache, dumped at the end of a run and asserted by tests and scenario
// expectations. Plain data; for_each() gives the stable names used in dumps. Pure C++.

#include <cstdint>
#include <string>

namespace sim::models {

struct CacheStats {
  std::uint64_t reads = 0;  // CPU read transactions
  std::uint64_t writes = 0; // CPU write transactions
  std::uint64_t hits = 0;   // line lookups that hit (an access spanning two lines looks up two)
  std::uint64_t misses = 0;
  std::uint64_t fills = 0;             // demand line fills from memory
  std::uint64_t evictions = 0;         // valid lines replaced by a fill (capacity/conflict)
  std::uint64_t writebacks = 0;        // dirty lines written to memory, for any reason
  std::uint64_t write_throughs = 0;    // CPU writes forwarded to memory (write-through policy)
  std::uint64_t cleans = 0;            // present lines a clean acted on
  std::uint64_t invalidates = 0;       // present lines an invalidate dropped
  std::uint64_t clean_invalidates = 0; // present lines a clean+invalidate acted on
  std::uint64_t clean_calls = 0;       // clean() and clean_all() calls
  std::uint64_t invalidate_calls = 0;
  std::uint64_t clean_invalidate_calls = 0;
  std::uint64_t discarded_dirty = 0; // dirty lines an invalidate dropped without write-back
  std::uint64_t speculative_fills = 0;
  std::uint64_t adversarial_evictions = 0; // random and doorbell evictions
  std::uint64_t resets = 0;                // reset(): every line dropped, dirty data lost

  /// Calls f(name, value) for every counter, in declaration order.
  template <typename F> void for_each(F&& f) const {
    f("reads", reads);
    f("writes", writes);
    f("hits", hits);
    f("misses", misses);
    f("fills", fills);
    f("evictions", evictions);
    f("writebacks", writebacks);
    f("write_throughs", write_throughs);
    f("cleans", cleans);
    f("invalidates", invalidates);
    f("clean_invalidates", clean_invalidates);
    f("clean_calls", clean_calls);
    f("invalidate_calls", invalidate_calls);
    f("clean_invalidate_calls", clean_invalidate_calls);
    f("discarded_dirty", discarded_dirty);
    f("speculative_fills", speculative_fills);
    f("adversarial_evictions", adversarial_evictions);
    f("resets", resets);
  }
  /// One `name: value` line per counter (YAML-compatible).
  std::string to_string() const;
};

} // namespace sim::models
