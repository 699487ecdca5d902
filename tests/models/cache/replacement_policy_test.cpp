// SPDX-License-Identifier: Apache-2.0
#include "models/cache/replacement_policy.h"

#include <gtest/gtest.h>

#include <vector>

#include "models/cache/cache_array.h"
#include "models/cache/fifo_policy.h"
#include "models/cache/lru_policy.h"
#include "models/cache/random_policy.h"

namespace sim::models {
namespace {

constexpr unsigned kSets = 4;
constexpr unsigned kWays = 4;
constexpr unsigned kSet = 2;

void fill_all_ways(ReplacementPolicy& p) {
  for (unsigned w = 0; w < kWays; ++w) p.insert(kSet, w);
}

std::vector<unsigned> victims(std::uint64_t seed, int n) {
  CacheConfig c;
  c.name = "test.dcache";
  c.seed = seed;
  c.replacement = CacheConfig::Replacement::kRandom;
  auto policy = make_replacement(c, CacheGeometry(kSets * kWays * 64, kWays, 64));
  std::vector<unsigned> out;
  for (int i = 0; i < n; ++i) out.push_back(policy->victim(kSet));
  return out;
}

TEST(Lru, EvictsTheLeastRecentlyTouchedWay) {
  Lru lru(kSets, kWays);
  fill_all_ways(lru);
  lru.touch(kSet, 0);
  EXPECT_EQ(lru.victim(kSet), 1u);
  lru.touch(kSet, 1);
  lru.touch(kSet, 2);
  EXPECT_EQ(lru.victim(kSet), 3u);
}

TEST(Lru, SetsAreIndependent) {
  Lru lru(kSets, kWays);
  fill_all_ways(lru);
  lru.touch(kSet, 0);
  lru.insert(kSet + 1, 0);
  EXPECT_EQ(lru.victim(kSet), 1u);
  EXPECT_EQ(lru.victim(kSet + 1), 1u); // ways 1..3 of that set were never used
}

TEST(Lru, InvalidatedWayIsChosenFirst) {
  Lru lru(kSets, kWays);
  fill_all_ways(lru);
  lru.invalidate(kSet, 3);
  EXPECT_EQ(lru.victim(kSet), 3u);
}

TEST(Fifo, EvictsTheOldestInsertedWayRegardlessOfTouches) {
  Fifo fifo(kSets, kWays);
  fill_all_ways(fifo);
  for (int i = 0; i < 10; ++i) fifo.touch(kSet, 0);
  EXPECT_EQ(fifo.victim(kSet), 0u);
  fifo.insert(kSet, 0);
  EXPECT_EQ(fifo.victim(kSet), 1u);
}

TEST(Random, IsDeterministicPerSeed) {
  EXPECT_EQ(victims(7, 64), victims(7, 64));
}

TEST(Random, DiffersAcrossSeeds) {
  EXPECT_NE(victims(7, 64), victims(8, 64));
}

TEST(Random, StaysWithinTheWays) {
  for (unsigned v : victims(3, 256)) EXPECT_LT(v, kWays);
}

TEST(MakeReplacement, BuildsThePolicyTheConfigNames) {
  CacheConfig c;
  const CacheGeometry g(1024, kWays, 64);
  c.replacement = CacheConfig::Replacement::kLru;
  EXPECT_NE(dynamic_cast<Lru*>(make_replacement(c, g).get()), nullptr);
  c.replacement = CacheConfig::Replacement::kFifo;
  EXPECT_NE(dynamic_cast<Fifo*>(make_replacement(c, g).get()), nullptr);
  c.replacement = CacheConfig::Replacement::kRandom;
  EXPECT_NE(dynamic_cast<Random*>(make_replacement(c, g).get()), nullptr);
}

// A policy that must not be asked: the array has to use invalid ways first.
class NeverAsked : public ReplacementPolicy {
public:
  void touch(unsigned, unsigned) override {}
  void insert(unsigned, unsigned) override {}
  void invalidate(unsigned, unsigned) override {}
  unsigned victim(unsigned) override {
    ADD_FAILURE() << "policy asked for a victim while an invalid way exists";
    return 0;
  }
};

TEST(CacheArray, ChoosesInvalidWaysBeforeAskingThePolicy) {
  const CacheGeometry g(kSets * kWays * 64, kWays, 64);
  CacheArray array(g, std::make_unique<NeverAsked>());
  const std::vector<std::uint8_t> line(64, 0);
  const std::uint64_t stride = std::uint64_t{kSets} * 64;
  for (unsigned i = 0; i < kWays; ++i) EXPECT_EQ(array.install(i * stride, line.data()), i);
  array.invalidate(0, 2);
  EXPECT_EQ(array.victim(0), 2u);
}

} // namespace
} // namespace sim::models
