// SPDX-License-Identifier: Apache-2.0
// CacheControl: Arm DC CVAC / IVAC / CIVAC by range and the whole-cache operations.
#include <gtest/gtest.h>

#include "tests/models/cache/cache_rig.h"
#include "tests/support/log_capture.h"

namespace sim::test {
namespace {

constexpr std::uint64_t kLine = 64;
constexpr std::uint64_t kLineA = 0x3000;
constexpr std::uint64_t kLineB = kLineA + kLine;
constexpr std::uint64_t kLineC = kLineA + 2 * kLine;

sc_core::sc_time ps(std::uint64_t v) {
  return ps_to_sc(v);
}

TEST(CacheMaintenance, CleanWritesBackEachDirtyLineOnceAndKeepsItValidAndClean) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 0xaaaa0001);
  rig.cpu.read32(kLineB); // present, clean
  rig.cpu.write32(kLineC + 60, 0xcccc0003);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;

  rig.cache.clean(kLineA + 4, 2 * kLine + 56, delay); // partial first and last lines

  ASSERT_EQ(rig.mem.log.size(), 2u);
  EXPECT_EQ(rig.mem.log[0].address, kLineA);
  EXPECT_EQ(rig.mem.log[1].address, kLineC);
  EXPECT_EQ(rig.mem32(kLineA), 0xaaaa0001u);
  EXPECT_EQ(rig.mem32(kLineC + 60), 0xcccc0003u);
  for (std::uint64_t line : {kLineA, kLineB, kLineC}) {
    EXPECT_TRUE(rig.cache.contains(line));
    EXPECT_FALSE(rig.cache.is_dirty(line));
  }
  EXPECT_EQ(delay, ps(3 * kHitPs + 2 * kMemPs));
  EXPECT_EQ(rig.cache.stats().cleans, 3u);
  EXPECT_EQ(rig.cache.stats().clean_calls, 1u);
  EXPECT_EQ(rig.cache.stats().writebacks, 2u);
}

TEST(CacheMaintenance, CleaningACleanLineAgainCausesNoTraffic) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 1);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean(kLineA, 4, delay);
  rig.mem.log.clear();
  delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean(kLineA, 4, delay);
  EXPECT_TRUE(rig.mem.log.empty());
  EXPECT_EQ(delay, ps(kHitPs));
}

TEST(CacheMaintenance, InvalidateOfACleanLineCausesNoTraffic) {
  CacheRig rig;
  rig.cpu.read32(kLineA);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.invalidate(kLineA, kLine, delay);
  EXPECT_TRUE(rig.mem.log.empty());
  EXPECT_FALSE(rig.cache.contains(kLineA));
  EXPECT_EQ(delay, ps(kHitPs));
  EXPECT_EQ(rig.cache.stats().invalidates, 1u);
  EXPECT_EQ(rig.cache.stats().discarded_dirty, 0u);
}

TEST(CacheMaintenance, InvalidateDiscardsADirtyLineWithoutWriteBack) {
  CacheRig rig;
  rig.set_mem32(kLineA, 0x01d01d00);
  rig.cpu.write32(kLineA, 0x0e0e0e0e);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.invalidate(kLineA, 4, delay);
  EXPECT_TRUE(rig.mem.log.empty());
  EXPECT_EQ(rig.mem32(kLineA), 0x01d01d00u);
  EXPECT_EQ(rig.cpu.read32(kLineA).data, 0x01d01d00u);
  EXPECT_EQ(rig.cache.stats().discarded_dirty, 1u);
}

TEST(CacheMaintenance, CleanInvalidateWritesBackThenDrops) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 0x0c1e0c1e);
  rig.cpu.read32(kLineB);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean_invalidate(kLineA, 2 * kLine, delay);
  ASSERT_EQ(rig.mem.log.size(), 1u);
  EXPECT_EQ(rig.mem.log[0].command, tlm::TLM_WRITE_COMMAND);
  EXPECT_EQ(rig.mem32(kLineA), 0x0c1e0c1eu);
  EXPECT_FALSE(rig.cache.contains(kLineA));
  EXPECT_FALSE(rig.cache.contains(kLineB));
  EXPECT_EQ(delay, ps(2 * kHitPs + kMemPs));
  EXPECT_EQ(rig.cache.stats().clean_invalidates, 2u);
  EXPECT_EQ(rig.cache.stats().clean_invalidate_calls, 1u);
}

TEST(CacheMaintenance, RangeOverAbsentLinesCostsALookupPerLineAndNothingElse) {
  CacheRig rig;
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean_invalidate(kLineA, 4 * kLine, delay);
  EXPECT_EQ(delay, ps(4 * kHitPs));
  EXPECT_TRUE(rig.mem.log.empty());
  EXPECT_EQ(rig.cache.stats().clean_invalidates, 0u);
  EXPECT_EQ(rig.cache.stats().clean_invalidate_calls, 1u);
}

TEST(CacheMaintenance, EmptyRangeTouchesNoLine) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 1);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.invalidate(kLineA, 0, delay);
  EXPECT_TRUE(rig.cache.contains(kLineA));
  EXPECT_EQ(delay, sc_core::SC_ZERO_TIME);
  EXPECT_EQ(rig.cache.stats().invalidate_calls, 1u);
}

TEST(CacheMaintenance, CleanAllWritesBackEveryDirtyLineAndKeepsThem) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 1);
  rig.cpu.write32(kLineC, 3);
  rig.cpu.read32(kLineB);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean_all(delay);
  EXPECT_EQ(rig.mem.count(tlm::TLM_WRITE_COMMAND), 2u);
  EXPECT_TRUE(rig.cache.contains(kLineA));
  EXPECT_FALSE(rig.cache.is_dirty(kLineC));
  // One operation per set and way (128 x 4), plus the two write-backs.
  EXPECT_EQ(delay, ps(512 * kHitPs + 2 * kMemPs));
  EXPECT_EQ(rig.cache.stats().cleans, 3u);
}

TEST(CacheMaintenance, InvalidateAllDropsEverythingWithoutTraffic) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 1);
  rig.cpu.read32(kLineB);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.invalidate_all(delay);
  EXPECT_TRUE(rig.mem.log.empty());
  EXPECT_EQ(rig.cache.array().valid_lines(), 0u);
  EXPECT_EQ(rig.cache.stats().invalidates, 2u);
  EXPECT_EQ(rig.cache.stats().discarded_dirty, 1u);
}

TEST(CacheMaintenance, CleanInvalidateAllPublishesAndEmpties) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 0x77);
  rig.cpu.read32(kLineB);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean_invalidate_all(delay);
  EXPECT_EQ(rig.mem.count(tlm::TLM_WRITE_COMMAND), 1u);
  EXPECT_EQ(rig.mem32(kLineA), 0x77u);
  EXPECT_EQ(rig.cache.array().valid_lines(), 0u);
  EXPECT_EQ(rig.cache.stats().clean_invalidates, 2u);
  EXPECT_EQ(rig.cache.stats().clean_invalidate_calls, 1u);
}

TEST(CacheMaintenance, FailedWriteBackIsReportedAndLeavesTheLineDirty) {
  CacheRig rig;
  rig.cpu.write32(kLineA, 1);
  rig.mem.response = tlm::TLM_ADDRESS_ERROR_RESPONSE;
  LogCapture::instance().expect(log::Level::kError, "during maintenance failed");
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.clean_invalidate(kLineA, 4, delay);
  EXPECT_TRUE(rig.cache.is_dirty(kLineA));
}

} // namespace
} // namespace sim::test
