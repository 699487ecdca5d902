// SPDX-License-Identifier: Apache-2.0
// libmetal's cache calls on Zephyr arm64: CIVAC on partial edge lines, IVAC on whole lines.
#include <gtest/gtest.h>

#include "sw/zephyr/metal_cache.h"
#include "tests/support/fake_hal.h"

namespace sim::sw::zephyr {
namespace {

using Kind = test::FakeHal::CacheOpKind;
constexpr MetalCache::Switches kAllOn{true, true, true};

TEST(MetalCache, InvalidateOfWholeLinesUsesPlainInvalidate) {
  test::FakeHal hal;
  MetalCache cache(hal, 64, kAllOn);
  cache.invalidate(0x1000, 128, "s");
  ASSERT_EQ(hal.cache_ops().size(), 1u);
  EXPECT_EQ(hal.cache_ops()[0].kind, Kind::kInvalidate);
  EXPECT_EQ(hal.cache_ops()[0].addr, 0x1000u);
  EXPECT_EQ(hal.cache_ops()[0].len, 128u);
  EXPECT_EQ(hal.cache_ops()[0].site, "s");
}

TEST(MetalCache, SmallObjectInsideOneLineIsCleanedAndInvalidated) {
  test::FakeHal hal;
  MetalCache cache(hal, 64, kAllOn);
  cache.invalidate(0x2082, 2, "rx_avail_idx_invalidate"); // avail.idx of a num=8 ring
  ASSERT_EQ(hal.cache_ops().size(), 1u);
  EXPECT_EQ(hal.cache_ops()[0].kind, Kind::kCleanInvalidate);
  EXPECT_EQ(hal.cache_ops()[0].addr, 0x2080u);
  EXPECT_EQ(hal.cache_ops()[0].len, 64u);
}

TEST(MetalCache, PartialEdgesAreCleanedAndTheMiddleInvalidated) {
  test::FakeHal hal;
  MetalCache cache(hal, 64, kAllOn);
  cache.invalidate(0x1010, 0x100, "s"); // 0x1010..0x110f: partial 0x1000 and 0x1100
  ASSERT_EQ(hal.cache_ops().size(), 3u);
  EXPECT_EQ(hal.cache_ops()[0].kind, Kind::kCleanInvalidate); // last line first, as Zephyr
  EXPECT_EQ(hal.cache_ops()[0].addr, 0x1100u);
  EXPECT_EQ(hal.cache_ops()[1].kind, Kind::kCleanInvalidate);
  EXPECT_EQ(hal.cache_ops()[1].addr, 0x1000u);
  EXPECT_EQ(hal.cache_ops()[2].kind, Kind::kInvalidate);
  EXPECT_EQ(hal.cache_ops()[2].addr, 0x1040u);
  EXPECT_EQ(hal.cache_ops()[2].len, 0xc0u);
}

TEST(MetalCache, AlignedStartWithPartialEnd) {
  test::FakeHal hal;
  MetalCache cache(hal, 64, kAllOn);
  cache.invalidate(0x3000, 28, "rx_buffer_invalidate"); // a 12-byte message with its header
  ASSERT_EQ(hal.cache_ops().size(), 1u);
  EXPECT_EQ(hal.cache_ops()[0].kind, Kind::kCleanInvalidate);
  EXPECT_EQ(hal.cache_ops()[0].addr, 0x3000u);
}

TEST(MetalCache, FlushCleansTheRangeAsGiven) {
  test::FakeHal hal;
  MetalCache cache(hal, 64, kAllOn);
  cache.flush(0x3000, 512, "tx_buffer_flush");
  ASSERT_EQ(hal.cache_ops().size(), 1u);
  EXPECT_EQ(hal.cache_ops()[0].kind, Kind::kClean);
  EXPECT_EQ(hal.cache_ops()[0].len, 512u);
}

TEST(MetalCache, SwitchedOffMacrosIssueNothing) {
  test::FakeHal hal;
  MetalCache cache(hal, 64, MetalCache::Switches{});
  cache.vring_invalidate(0x1000, 2, "a");
  cache.vring_flush(0x1000, 2, "b");
  cache.buffer_invalidate(0x1000, 2, "c");
  cache.buffer_flush(0x1000, 2, "d");
  cache.rsc_invalidate(0x1000, 2, "e");
  cache.rsc_flush(0x1000, 2, "f");
  EXPECT_TRUE(hal.cache_ops().empty());
}

TEST(MetalCache, ResourceTableSwitchIsSeparate) {
  test::FakeHal hal;
  MetalCache cache(hal, 64, MetalCache::Switches{true, true, false});
  cache.rsc_invalidate(0x1000, 28, "rsc_status_invalidate");
  cache.vring_invalidate(0x1000, 2, "rx_avail_idx_invalidate");
  ASSERT_EQ(hal.cache_ops().size(), 1u);
  EXPECT_EQ(hal.cache_ops()[0].site, "rx_avail_idx_invalidate");
}

} // namespace
} // namespace sim::sw::zephyr
