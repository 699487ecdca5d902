// SPDX-License-Identifier: Apache-2.0
#include "models/cache/cache_array.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "models/cache/cache_stats.h"
#include "models/cache/lru_policy.h"
#include "models/cache/recent_lines.h"

namespace sim::models {
namespace {

constexpr unsigned kSets = 8;
constexpr unsigned kWays = 2;
constexpr unsigned kLine = 64;
constexpr std::uint64_t kStride = std::uint64_t{kSets} * kLine; // next line of the same set
constexpr std::uint64_t kLineA = 0x1000;
constexpr std::uint64_t kLineB = kLineA + kStride;
constexpr std::uint64_t kLineC = kLineA + 2 * kStride;

CacheArray make(bool unbounded = false) {
  const CacheGeometry g(kSets * kWays * kLine, kWays, kLine);
  return CacheArray(g, std::make_unique<Lru>(kSets, kWays), unbounded);
}

std::vector<std::uint8_t> pattern(std::uint8_t first) {
  std::vector<std::uint8_t> v(kLine);
  for (unsigned i = 0; i < kLine; ++i) v[i] = static_cast<std::uint8_t>(first + i);
  return v;
}

TEST(CacheArray, InstalledLineIsFoundWithItsDataAndIsClean) {
  CacheArray a = make();
  const auto data = pattern(0x10);
  const unsigned way = a.install(kLineA, data.data());
  const unsigned set = a.geometry().set_of(kLineA);
  ASSERT_EQ(a.lookup(kLineA + 0x3f), way);
  EXPECT_TRUE(a.valid(set, way));
  EXPECT_FALSE(a.dirty(set, way));
  EXPECT_EQ(a.line_addr(set, way), kLineA);
  std::uint8_t out[4];
  a.read(set, way, 8, out, 4);
  EXPECT_EQ(out[0], 0x18);
  EXPECT_EQ(out[3], 0x1b);
  EXPECT_EQ(a.valid_lines(), 1u);
}

TEST(CacheArray, AbsentLineIsNotFound) {
  CacheArray a = make();
  const auto data = pattern(0);
  a.install(kLineA, data.data());
  EXPECT_FALSE(a.lookup(kLineB).has_value());
  EXPECT_FALSE(a.lookup(kLineA + kLine).has_value());
}

TEST(CacheArray, WriteChangesDataAndDirtyIsExplicit) {
  CacheArray a = make();
  const auto data = pattern(0);
  const unsigned way = a.install(kLineA, data.data());
  const unsigned set = a.geometry().set_of(kLineA);
  const std::uint8_t bytes[2] = {0xaa, 0xbb};
  a.write(set, way, 62, bytes, 2);
  EXPECT_FALSE(a.dirty(set, way));
  a.mark_dirty(set, way);
  EXPECT_TRUE(a.dirty(set, way));
  EXPECT_EQ(a.data(set, way)[63], 0xbb);
  a.mark_clean(set, way);
  EXPECT_FALSE(a.dirty(set, way));
}

TEST(CacheArray, InvalidateDropsTheLine) {
  CacheArray a = make();
  const auto data = pattern(0);
  const unsigned way = a.install(kLineA, data.data());
  a.mark_dirty(a.geometry().set_of(kLineA), way);
  a.invalidate(a.geometry().set_of(kLineA), way);
  EXPECT_FALSE(a.lookup(kLineA).has_value());
  EXPECT_FALSE(a.dirty(a.geometry().set_of(kLineA), way));
  EXPECT_EQ(a.valid_lines(), 0u);
}

TEST(CacheArray, FullSetReplacesTheLruVictim) {
  CacheArray a = make();
  const auto data = pattern(0);
  a.install(kLineA, data.data());
  a.install(kLineB, data.data());
  a.touch(a.geometry().set_of(kLineA), *a.lookup(kLineA));
  a.install(kLineC, data.data());
  EXPECT_TRUE(a.lookup(kLineA).has_value());
  EXPECT_FALSE(a.lookup(kLineB).has_value());
  EXPECT_TRUE(a.lookup(kLineC).has_value());
}

TEST(CacheArray, UnboundedSetGrowsInsteadOfReplacing) {
  CacheArray a = make(true);
  const auto data = pattern(0);
  for (unsigned i = 0; i < 5; ++i) a.install(kLineA + i * kStride, data.data());
  const unsigned set = a.geometry().set_of(kLineA);
  EXPECT_EQ(a.ways_in(set), 5u);
  for (unsigned i = 0; i < 5; ++i) EXPECT_TRUE(a.lookup(kLineA + i * kStride).has_value()) << i;
  // A grown way freed by invalidation is reused before growing again.
  a.invalidate(set, 4);
  EXPECT_EQ(a.victim(set), 4u);
  EXPECT_EQ(a.valid_lines(), 4u);
}

TEST(CacheArray, NthValidWalksSetsThenWays) {
  CacheArray a = make();
  const auto data = pattern(0);
  a.install(kLineA + kLine, data.data()); // set 1 of the next line
  a.install(kLineA, data.data());
  const auto first = a.nth_valid(0);
  const auto second = a.nth_valid(1);
  EXPECT_EQ(a.line_addr(first.first, first.second), kLineA);
  EXPECT_EQ(a.line_addr(second.first, second.second), kLineA + kLine);
}

TEST(CacheArray, RangeVisitsEveryTouchedLineIncludingAbsentOnes) {
  CacheArray a = make();
  const auto data = pattern(0);
  a.install(kLineA + kLine, data.data());
  std::vector<std::uint64_t> lines;
  std::vector<bool> present;
  a.for_each_in_range(kLineA + 60, 8, [&](std::uint64_t la, unsigned, std::optional<unsigned> w) {
    lines.push_back(la);
    present.push_back(w.has_value());
  });
  EXPECT_EQ(lines, (std::vector<std::uint64_t>{kLineA, kLineA + kLine}));
  EXPECT_EQ(present, (std::vector<bool>{false, true}));
}

TEST(RecentLines, KeepsTheLastSixteenDistinctLines) {
  RecentLines r;
  for (std::uint64_t i = 0; i < 20; ++i) r.record(i * kLine);
  r.record(19 * kLine); // already known: no change
  ASSERT_EQ(r.size(), RecentLines::kCapacity);
  std::vector<std::uint64_t> kept;
  for (std::size_t i = 0; i < r.size(); ++i) kept.push_back(r[i] / kLine);
  std::sort(kept.begin(), kept.end());
  EXPECT_EQ(kept.front(), 4u);
  EXPECT_EQ(kept.back(), 19u);
}

TEST(CacheStats, DumpsEveryCounterByName) {
  CacheStats s;
  s.hits = 3;
  s.discarded_dirty = 1;
  const std::string dump = s.to_string();
  EXPECT_NE(dump.find("hits: 3\n"), std::string::npos);
  EXPECT_NE(dump.find("discarded_dirty: 1\n"), std::string::npos);
  EXPECT_NE(dump.find("adversarial_evictions: 0\n"), std::string::npos);
}

} // namespace
} // namespace sim::models
