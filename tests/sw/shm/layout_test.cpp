// SPDX-License-Identifier: Apache-2.0
// Golden offsets of the shared structures (rpmsg-protocol.md §1.5, §2.2, §3.1).
#include <gtest/gtest.h>

#include "sw/shm/layout.h"

namespace sim::sw::shm {
namespace {

TEST(RscLayout, ZephyrTableWithoutRamConsoleIs88BytesWithStatusAt0x2C) {
  constexpr rsc::ZephyrTableLayout layout{1};
  static_assert(layout.size() == 88);
  static_assert(layout.status() == 0x2C);
  EXPECT_EQ(layout.vdev(), 0x14u);
  EXPECT_EQ(layout.vdev() + rsc::kVdevNumOfVrings, 0x2Du);
  EXPECT_EQ(layout.vring(0), 0x30u);
  EXPECT_EQ(layout.vring(1), 0x44u);
}

TEST(RscLayout, ZephyrTableWithRamConsoleShiftsByFourAndAddsTrace) {
  constexpr rsc::ZephyrTableLayout layout{2};
  EXPECT_EQ(layout.status(), 0x30u);
  EXPECT_EQ(layout.trace(), 0x5Cu);
  EXPECT_EQ(layout.size(), 140u);
}

TEST(RscLayout, VdevOffsetsIncludeTheTypeWordAndLinuxBodyOffsetsDoNot) {
  EXPECT_EQ(rsc::kVdevId, 4u);
  EXPECT_EQ(rsc::kVdevVrings, 28u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kVdevId), 0u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kVdevConfigLen), 16u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kVdevStatus), 20u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kVdevNumOfVrings), 21u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kVdevReserved), 22u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kVdevVrings), 24u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kCarveoutSize), 52u);
  EXPECT_EQ(rsc::linux_body_offset(rsc::kTraceSize), 44u);
  EXPECT_EQ(rsc::kVringSize, 20u);
}

TEST(VringLayout, Num8Align16MatchesTheWorkedExample) {
  constexpr VringLayout v{8, 16};
  EXPECT_EQ(v.desc(0), 0x000u);
  EXPECT_EQ(v.desc(7), 0x070u);
  EXPECT_EQ(v.avail_flags(), 0x080u);
  EXPECT_EQ(v.avail_idx(), 0x082u);
  EXPECT_EQ(v.avail_ring(0), 0x084u);
  EXPECT_EQ(v.avail_ring(7), 0x092u);
  EXPECT_EQ(v.used_event(), 0x094u);
  EXPECT_EQ(v.used_flags(), 0x0A0u);
  EXPECT_EQ(v.used_idx(), 0x0A2u);
  EXPECT_EQ(v.used_ring_id(0), 0x0A4u);
  EXPECT_EQ(v.used_ring_len(0), 0x0A8u);
  EXPECT_EQ(v.used_ring_len(7), 0x0E0u);
  EXPECT_EQ(v.avail_event(), 0x0E4u);
  EXPECT_EQ(v.size(), 230u);
  static_assert(vring_size(8, 16) == 230);
}

TEST(VringLayout, Num16Align16PutsUsedAt0x130) {
  constexpr VringLayout v{16, 16};
  EXPECT_EQ(v.used_event() + 2, 0x126u);
  EXPECT_EQ(v.used(), 0x130u);
  EXPECT_EQ(v.size(), vring_size(16, 16));
}

TEST(VringLayout, VringSizeFollowsTheFormulaForSeveralGeometries) {
  struct Case {
    std::uint64_t num, align, size;
  };
  // ALIGN(16n + 2(3+n), a) + 6 + 8n, worked by hand.
  const Case cases[] = {
      {1, 4, 38},         // 24 -> 24, +14
      {8, 4, 222},        // 150 -> 152, +70
      {8, 64, 262},       // 150 -> 192, +70
      {16, 16, 438},      // 294 -> 304, +134
      {32, 16, 854},      // 582 -> 592, +262
      {8, 4096, 4166},    // 150 -> 4096, +70
      {256, 4096, 10246}, // 4614 -> 8192, +2054
  };
  for (const Case& c : cases) {
    EXPECT_EQ(vring_size(c.num, c.align), c.size) << "num " << c.num << " align " << c.align;
    EXPECT_EQ((VringLayout{c.num, c.align}.size()), c.size);
  }
}

TEST(RpmsgLayout, HeaderIs16BytesAndPayloadLimitIs496) {
  EXPECT_EQ(kRpmsgHdrSize, 16u);
  EXPECT_EQ(kRpmsgHdrLen, 12u);
  EXPECT_EQ(kRpmsgHdrFlags, 14u);
  EXPECT_EQ(kRpmsgMaxPayload, 496u);
  EXPECT_EQ(kRpmsgNsMsgSize, 40u);
  EXPECT_EQ(kRpmsgNsAddress, 0x35u);
}

} // namespace
} // namespace sim::sw::shm
