// SPDX-License-Identifier: Apache-2.0
#include "models/common/rng.h"

#include <gtest/gtest.h>

namespace sim {
namespace {

TEST(Rng, SameSeedAndNameGiveSameStream) {
  Rng a(42, "platform.remote.dcache"), b(42, "platform.remote.dcache");
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(Rng, DifferentNamesGiveIndependentStreams) {
  Rng a(42, "platform.remote.dcache"), b(42, "platform.master.dcache");
  int same = 0;
  for (int i = 0; i < 100; ++i) same += a.next_u64() == b.next_u64() ? 1 : 0;
  EXPECT_EQ(same, 0);
}

TEST(Rng, FirstValuesArePinnedAcrossPlatforms) {
  // Golden: reports must be byte-identical for a seed on every machine.
  Rng r(1, "x");
  EXPECT_EQ(r.below(1000), Rng(1, "x").below(1000));
  Rng g(0, "");
  std::uint64_t first = g.next_u64();
  Rng g2(0, "");
  EXPECT_EQ(first, g2.next_u64());
}

TEST(Rng, BelowStaysInRangeAndCoversIt) {
  Rng r(7, "t");
  bool seen[6] = {};
  for (int i = 0; i < 1000; ++i) {
    auto v = r.below(6);
    ASSERT_LT(v, 6u);
    seen[v] = true;
  }
  for (bool s : seen) EXPECT_TRUE(s);
  EXPECT_EQ(r.below(0), 0u);
}

TEST(Rng, ChanceRespectsExtremesAndRate) {
  Rng r(3, "c");
  EXPECT_FALSE(r.chance(0.0));
  EXPECT_TRUE(r.chance(1.0));
  int hits = 0;
  for (int i = 0; i < 10000; ++i) hits += r.chance(0.25) ? 1 : 0;
  EXPECT_NEAR(hits, 2500, 200);
}

} // namespace
} // namespace sim
