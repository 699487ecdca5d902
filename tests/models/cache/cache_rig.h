// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test rig: FakeInitiator -> Cache -> FakeTarget (with a backing store), no sc_start. The named
// config keeps the cache's random streams independent of instance naming order.

#include <cstring>
#include <string>

#include "models/cache/cache.h"
#include "models/common/tlm_util.h"
#include "tests/support/fake_initiator.h"
#include "tests/support/fake_target.h"

namespace sim::test {

inline constexpr std::size_t kRigMemoryBytes = 256 * 1024;
/// Clock period and hit latency of test_config(): 4 cycles at 1 ns.
inline constexpr std::uint64_t kTestPeriodPs = 1000;
inline constexpr std::uint64_t kHitPs = 4 * kTestPeriodPs;
inline constexpr std::uint64_t kMemPs = 50000;

/// 32 KiB, 4 ways, 64-byte lines (128 sets), LRU, write-back, 1 ns clock.
inline models::CacheConfig test_config(const std::string& name = "test.dcache") {
  models::CacheConfig c;
  c.name = name;
  c.clock_period_ps = kTestPeriodPs;
  return c;
}

struct CacheRig {
  FakeInitiator cpu;
  models::Cache cache;
  FakeTarget mem;

  explicit CacheRig(const models::CacheConfig& config = test_config())
      : cpu(sc_core::sc_gen_unique_name("cpu")),
        cache(sc_core::sc_gen_unique_name("dcache"), config),
        mem(sc_core::sc_gen_unique_name("mem"), kRigMemoryBytes) {
    cpu.out.bind(cache.cpu_side);
    cache.mem_side.bind(mem.in);
    mem.latency = ps_to_sc(kMemPs);
  }

  std::uint32_t mem32(std::uint64_t addr) const {
    std::uint32_t v = 0;
    std::memcpy(&v, mem.store.data() + addr, sizeof v);
    return v;
  }
  void set_mem32(std::uint64_t addr, std::uint32_t v) {
    std::memcpy(mem.store.data() + addr, &v, sizeof v);
  }
};

} // namespace sim::test
