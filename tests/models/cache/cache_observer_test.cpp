// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <vector>

#include "tests/models/cache/cache_rig.h"
#include "tests/models/cache/recording_observer.h"

namespace sim::test {
namespace {

using Event = RecordingObserver::Event;

constexpr std::uint64_t kLine = 64;
constexpr std::uint64_t kSetStride = 128 * kLine;
constexpr std::uint64_t kLineA = 0x5000;
constexpr std::uint64_t kAddr = kLineA + 0x10;

struct ObservedRig : CacheRig {
  RecordingObserver observer;
  ObservedRig() { cache.add_observer(&observer); }
};

TEST(CacheObserver, MissReportsTheFillThenTheRead) {
  ObservedRig rig;
  rig.mem.store[kLineA] = 0x9c;
  rig.cpu.read32(kAddr);
  const std::vector<Event> expected = {{"fill", kLineA, 64, false, 0},
                                       {"read", kAddr, 4, false, 0}};
  EXPECT_EQ(rig.observer.events, expected);
  EXPECT_EQ(rig.observer.last_fill_first_byte, 0x9c);
}

TEST(CacheObserver, EventTimesIncludeTheAnnotatedDelaySoFar) {
  ObservedRig rig;
  rig.cpu.read32(kAddr);
  ASSERT_EQ(rig.observer.events.size(), 2u);
  EXPECT_EQ(rig.observer.events[0].when_ps, kHitPs + kMemPs);
  EXPECT_EQ(rig.observer.events[1].when_ps, kHitPs + kMemPs);
}

TEST(CacheObserver, HitAndWriteAreReportedWithTheirHitFlag) {
  ObservedRig rig;
  rig.cpu.read32(kAddr);
  rig.observer.events.clear();
  rig.cpu.read32(kAddr + 4);
  rig.cpu.write32(kAddr + 8, 1);
  rig.cpu.write32(kAddr + kLine, 2); // miss on the next line
  const std::vector<Event> expected = {{"read", kAddr + 4, 4, true, 0},
                                       {"write", kAddr + 8, 4, true, 0},
                                       {"fill", kLineA + kLine, 64, false, 0},
                                       {"write", kAddr + kLine, 4, false, 0}};
  EXPECT_EQ(rig.observer.events, expected);
}

TEST(CacheObserver, DirtyEvictionReportsWriteBackThenEvict) {
  ObservedRig rig;
  rig.cpu.write32(kAddr, 1);
  for (std::uint64_t i = 1; i <= 3; ++i) rig.cpu.read32(kAddr + i * kSetStride);
  rig.observer.events.clear();
  rig.cpu.read32(kAddr + 4 * kSetStride);
  const std::vector<Event> expected = {{"writeback", kLineA, 64, false, 0},
                                       {"evict", kLineA, 0, true, 0},
                                       {"fill", kLineA + 4 * kSetStride, 64, false, 0},
                                       {"read", kAddr + 4 * kSetStride, 4, false, 0}};
  EXPECT_EQ(rig.observer.events, expected);
}

TEST(CacheObserver, MaintenanceReportsWriteBacksAndInvalidationsWithDiscardFlag) {
  ObservedRig rig;
  rig.cpu.write32(kLineA, 1);
  rig.cpu.write32(kLineA + kLine, 2);
  rig.cpu.read32(kLineA + 2 * kLine);
  rig.observer.events.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean_invalidate(kLineA, 4, delay);
  rig.cache.invalidate(kLineA + kLine, 2 * kLine, delay);
  const std::vector<Event> expected = {{"writeback", kLineA, 64, false, 0},
                                       {"invalidate", kLineA, 0, false, 0},
                                       {"invalidate", kLineA + kLine, 0, true, 0},
                                       {"invalidate", kLineA + 2 * kLine, 0, false, 0}};
  EXPECT_EQ(rig.observer.events, expected);
}

TEST(CacheObserver, WriteThroughStoreIsReportedAsBytesReachingMemory) {
  models::CacheConfig config = test_config();
  config.write_policy = models::CacheConfig::WritePolicy::kWriteThrough;
  CacheRig rig(config);
  RecordingObserver observer;
  rig.cache.add_observer(&observer);
  rig.cpu.write32(kAddr, 5);
  const auto wb = observer.of_kind("writeback");
  ASSERT_EQ(wb.size(), 1u);
  EXPECT_EQ(wb[0].addr, kAddr);
  EXPECT_EQ(wb[0].len, 4u);
}

TEST(CacheObserver, DebugTransportIsNotReported) {
  ObservedRig rig;
  std::uint32_t v = 0;
  rig.cpu.dbg(tlm::TLM_READ_COMMAND, kAddr, &v, 4);
  rig.cpu.dbg(tlm::TLM_WRITE_COMMAND, kAddr, &v, 4);
  EXPECT_TRUE(rig.observer.events.empty());
}

} // namespace
} // namespace sim::test
