// SPDX-License-Identifier: Apache-2.0
// Seeded adversarial options: no capacity eviction, random eviction, eviction on doorbell and
// speculative fills. Every test fixes the cache name and seed, so the streams are replayable.
#include <gtest/gtest.h>

#include <vector>

#include "tests/models/cache/cache_rig.h"
#include "tests/models/cache/recording_observer.h"

namespace sim::test {
namespace {

using models::CacheConfig;

constexpr std::uint64_t kLine = 64;
constexpr std::uint64_t kSetStride = 128 * kLine;
constexpr std::uint64_t kLineA = 0x8000;
constexpr std::uint64_t kLineB = 0x9040; // another set
constexpr std::uint32_t kOld = 0x0ddba11;
constexpr std::uint32_t kNew = 0x7e57;

sc_core::sc_time ps(std::uint64_t v) {
  return ps_to_sc(v);
}

CacheConfig with_eviction(CacheConfig::Eviction eviction, double rate = 0.0,
                          std::uint64_t seed = 1) {
  CacheConfig c = test_config();
  c.eviction = eviction;
  c.eviction_rate = rate;
  c.seed = seed;
  return c;
}

std::vector<std::uint64_t> random_evictions(std::uint64_t seed) {
  CacheRig rig(with_eviction(CacheConfig::Eviction::kRandom, 0.3, seed));
  RecordingObserver observer;
  rig.cache.add_observer(&observer);
  for (int i = 0; i < 200; ++i) rig.cpu.read32(kLineA + static_cast<std::uint64_t>(i % 24) * kLine);
  std::vector<std::uint64_t> evicted;
  for (const auto& e : observer.of_kind("evict")) evicted.push_back(e.addr);
  return evicted;
}

TEST(CacheAdversarial, NeverEvictionKeepsALineAcrossMoreConflictsThanWays) {
  CacheRig rig(with_eviction(CacheConfig::Eviction::kNever));
  rig.set_mem32(kLineA, kOld);
  rig.cpu.read32(kLineA);
  for (std::uint64_t i = 1; i <= 6; ++i) rig.cpu.read32(kLineA + i * kSetStride);
  rig.set_mem32(kLineA, kNew); // the other side publishes
  const Result r = rig.cpu.read32(kLineA);
  EXPECT_EQ(r.data, kOld);
  EXPECT_EQ(r.delay, ps(kHitPs));
  EXPECT_EQ(rig.cache.stats().evictions, 0u);
  EXPECT_EQ(rig.cache.array().ways_in(rig.cache.geometry().set_of(kLineA)), 7u);
}

TEST(CacheAdversarial, NeverEvictionStillObeysMaintenance) {
  CacheRig rig(with_eviction(CacheConfig::Eviction::kNever));
  rig.set_mem32(kLineA, kOld);
  rig.cpu.read32(kLineA);
  rig.set_mem32(kLineA, kNew);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.invalidate(kLineA, 4, delay);
  EXPECT_EQ(rig.cpu.read32(kLineA).data, kNew);
}

TEST(CacheAdversarial, RandomEvictionAtRateOneEvictsBeforeEveryAccess) {
  CacheRig rig(with_eviction(CacheConfig::Eviction::kRandom, 1.0));
  rig.cpu.write32(kLineA, kNew);
  constexpr int kAccesses = 10;
  for (int i = 1; i < kAccesses; ++i) {
    const Result r = rig.cpu.read32(kLineA);
    EXPECT_EQ(r.data, kNew) << "the dirty data was written back, not lost";
    EXPECT_EQ(r.delay, ps(kHitPs + kMemPs)) << "background write-back is not charged";
  }
  EXPECT_EQ(rig.cache.stats().misses, static_cast<std::uint64_t>(kAccesses));
  EXPECT_EQ(rig.cache.stats().adversarial_evictions, static_cast<std::uint64_t>(kAccesses - 1));
  EXPECT_EQ(rig.cache.stats().writebacks, 1u);
}

TEST(CacheAdversarial, RandomEvictionIsDeterministicPerSeed) {
  const auto first = random_evictions(42);
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, random_evictions(42));
}

TEST(CacheAdversarial, RandomEvictionDiffersAcrossSeeds) {
  EXPECT_NE(random_evictions(42), random_evictions(43));
}

TEST(CacheAdversarial, DoorbellEvictsEveryLineInOnDoorbellMode) {
  CacheRig rig(with_eviction(CacheConfig::Eviction::kOnDoorbell));
  rig.cpu.write32(kLineA, kNew);
  rig.cpu.read32(kLineA + kLine);
  rig.cpu.read32(kLineB);
  rig.mem.log.clear();
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.doorbell(delay);
  EXPECT_EQ(rig.cache.array().valid_lines(), 0u);
  EXPECT_EQ(rig.mem.count(tlm::TLM_WRITE_COMMAND), 1u);
  EXPECT_EQ(rig.mem32(kLineA), kNew);
  EXPECT_EQ(delay, ps(kMemPs));
  EXPECT_EQ(rig.cache.stats().adversarial_evictions, 3u);
}

TEST(CacheAdversarial, DoorbellDoesNothingInOtherModes) {
  for (auto mode : {CacheConfig::Eviction::kNatural, CacheConfig::Eviction::kNever,
                    CacheConfig::Eviction::kRandom}) {
    CacheRig rig(with_eviction(mode));
    rig.cpu.write32(kLineA, kNew);
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    rig.cache.doorbell(delay);
    EXPECT_TRUE(rig.cache.is_dirty(kLineA));
    EXPECT_EQ(delay, sc_core::SC_ZERO_TIME);
  }
}

CacheConfig speculative(double rate) {
  CacheConfig c = test_config();
  c.speculative_fill = true;
  c.speculative_rate = rate;
  return c;
}

TEST(CacheAdversarial, DemandMissAlsoFillsTheNextLineInTheBackground) {
  CacheRig rig(speculative(0.0));
  RecordingObserver observer;
  rig.cache.add_observer(&observer);
  const Result r = rig.cpu.read32(kLineA);
  EXPECT_EQ(r.delay, ps(kHitPs + kMemPs));
  EXPECT_TRUE(rig.cache.contains(kLineA + kLine));
  const auto fills = observer.of_kind("fill");
  ASSERT_EQ(fills.size(), 2u);
  EXPECT_FALSE(fills[0].flag);
  EXPECT_EQ(fills[1].addr, kLineA + kLine);
  EXPECT_TRUE(fills[1].flag);
  EXPECT_EQ(rig.cache.stats().speculative_fills, 1u);
  EXPECT_EQ(rig.cache.stats().fills, 1u);
}

TEST(CacheAdversarial, SpeculativeRefillBringsBackARecentlyInvalidatedLine) {
  CacheRig rig(speculative(1.0));
  rig.set_mem32(kLineA, kOld);
  rig.cpu.read32(kLineA);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  rig.cache.invalidate(kLineA, kLine, delay);  // "invalidate before DMA"
  const Result other = rig.cpu.read32(kLineB); // unrelated work; the core fetches ahead
  ASSERT_TRUE(rig.cache.contains(kLineA));
  EXPECT_EQ(other.delay, ps(kHitPs + kMemPs));
  rig.set_mem32(kLineA, kNew); // the DMA (other side) writes after the refill
  const Result r = rig.cpu.read32(kLineA);
  EXPECT_EQ(r.data, kOld) << "without an invalidate after the DMA the read is stale";
  EXPECT_EQ(r.delay, ps(kHitPs));
  EXPECT_EQ(rig.cache.stats().speculative_fills, 3u); // two next-line fills and the refill
}

} // namespace
} // namespace sim::test
