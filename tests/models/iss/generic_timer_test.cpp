// SPDX-License-Identifier: Apache-2.0
// The generic timer on simulated time: counts, TVAL/CVAL, the outputs and when they rise.
#include "models/iss/generic_timer.h"

#include <gtest/gtest.h>

namespace sim::models::iss {
namespace {

constexpr SysReg kFrq{3, 3, 14, 0, 0}, kVct{3, 3, 14, 0, 2}, kVtval{3, 3, 14, 3, 0},
    kVctl{3, 3, 14, 3, 1}, kVcval{3, 3, 14, 3, 2}, kPctl{3, 3, 14, 2, 1}, kPcval{3, 3, 14, 2, 2};

std::uint64_t read(GenericTimer& t, const SysReg& r, Picoseconds now) {
  std::uint64_t v = 0;
  EXPECT_TRUE(t.sysreg(r, false, v, now));
  return v;
}
void write(GenericTimer& t, const SysReg& r, std::uint64_t v, Picoseconds now) {
  EXPECT_TRUE(t.sysreg(r, true, v, now));
}

TEST(GenericTimer, CountsAtItsFrequencyOnSimulatedTime) {
  GenericTimer t(24000000);
  EXPECT_EQ(read(t, kFrq, 0), 24000000u);
  EXPECT_EQ(read(t, kVct, kPsPerMs), 24000u);
  EXPECT_EQ(read(t, kVct, 41666), 0u); // 1 tick is 41.667 ns
  EXPECT_EQ(read(t, kVct, 41667), 1u);
  EXPECT_EQ(t.time_of(24000), kPsPerMs);
  EXPECT_THROW(GenericTimer(0), std::invalid_argument);
}

TEST(GenericTimer, TheVirtualTimerFiresWhenTheCountReachesCvalUnlessMasked) {
  GenericTimer t(24000000);
  write(t, kVtval, 24000, kPsPerMs); // 1 ms from 1 ms
  EXPECT_EQ(read(t, kVcval, kPsPerMs), 48000u);
  EXPECT_FALSE(t.virtual_output(3 * kPsPerMs)); // not enabled
  EXPECT_FALSE(t.next_rise(kPsPerMs).has_value());
  write(t, kVctl, 1, kPsPerMs);
  ASSERT_TRUE(t.next_rise(kPsPerMs).has_value());
  EXPECT_EQ(*t.next_rise(kPsPerMs), 2 * kPsPerMs);
  EXPECT_FALSE(t.virtual_output(2 * kPsPerMs - 1));
  EXPECT_TRUE(t.virtual_output(2 * kPsPerMs));
  EXPECT_EQ(read(t, kVctl, 2 * kPsPerMs), 0x5u); // ENABLE | ISTATUS
  // TVAL reads the signed distance: negative once passed.
  EXPECT_EQ(static_cast<std::int32_t>(read(t, kVtval, 3 * kPsPerMs)), -24000);
  write(t, kVctl, 3, 2 * kPsPerMs); // IMASK
  EXPECT_FALSE(t.virtual_output(3 * kPsPerMs));
  EXPECT_FALSE(t.physical_output(3 * kPsPerMs));
}

TEST(GenericTimer, ThePhysicalTimerIsSeparate) {
  GenericTimer t(1000000);
  write(t, kPcval, 10, 0);
  write(t, kPctl, 1, 0);
  EXPECT_TRUE(t.physical_output(10 * kPsPerUs));
  EXPECT_FALSE(t.virtual_output(10 * kPsPerUs));
  std::uint64_t v = 0;
  EXPECT_FALSE(t.sysreg({3, 0, 1, 0, 0}, false, v, 0)); // not a timer register
}

} // namespace
} // namespace sim::models::iss
