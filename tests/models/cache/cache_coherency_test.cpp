// SPDX-License-Identifier: Apache-2.0
// Two clusters' caches over one DRAM: nothing keeps them coherent except maintenance, so stale
// and unpublished data must really be observable (DESIGN §3, STYLE §9 ordering tests).
#include <gtest/gtest.h>

#include "models/cache/cache.h"
#include "models/common/tlm_util.h"
#include "tests/models/cache/shared_memory.h"
#include "tests/support/fake_initiator.h"

namespace sim::test {
namespace {

using models::Cache;
using models::CacheConfig;

constexpr std::uint64_t kLine = 64;
constexpr std::uint64_t kStatus = 0x63b8 + 0x2c; // a shared word (rsc.vdev.status-like)
constexpr std::uint64_t kLineBase = 0x4000;      // a shared line for the partial-line cases
constexpr std::uint32_t kOld = 0x01010101;
constexpr std::uint32_t kNew = 0x07070707;

CacheConfig named(const char* name) {
  CacheConfig c;
  c.name = name;
  return c;
}

struct TwoClusters {
  SharedMemory ddr{sc_core::sc_gen_unique_name("ddr"), 64 * 1024};
  FakeInitiator cpu_a{sc_core::sc_gen_unique_name("cpu_a")};
  FakeInitiator cpu_b{sc_core::sc_gen_unique_name("cpu_b")};
  Cache a{sc_core::sc_gen_unique_name("dcache_a"), named("test.master.dcache")};
  Cache b{sc_core::sc_gen_unique_name("dcache_b"), named("test.remote.dcache")};
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;

  TwoClusters() {
    cpu_a.out.bind(a.cpu_side);
    cpu_b.out.bind(b.cpu_side);
    a.mem_side.bind(ddr.in);
    b.mem_side.bind(ddr.in);
    ddr.poke32(kStatus, kOld);
  }
};

TEST(CacheCoherency, WriteWithoutCleanStaysInTheWritersCache) {
  TwoClusters s;
  ASSERT_EQ(s.cpu_b.read32(kStatus).data, kOld); // B holds the line
  s.cpu_a.write32(kStatus, kNew);
  EXPECT_EQ(s.cpu_b.read32(kStatus).data, kOld);
  EXPECT_EQ(s.ddr.peek32(kStatus), kOld);
}

TEST(CacheCoherency, UnpublishedWriteIsInvisibleEvenToAReaderThatMisses) {
  TwoClusters s;
  s.cpu_a.write32(kStatus, kNew);
  s.b.invalidate(kStatus, 4, s.delay);
  EXPECT_EQ(s.cpu_b.read32(kStatus).data, kOld);
}

TEST(CacheCoherency, CleanThenInvalidateThenReadSeesTheNewData) {
  TwoClusters s;
  s.cpu_b.read32(kStatus);
  s.cpu_a.write32(kStatus, kNew);
  s.a.clean(kStatus, 4, s.delay);
  s.b.invalidate(kStatus, 4, s.delay);
  EXPECT_EQ(s.cpu_b.read32(kStatus).data, kNew);
}

TEST(CacheCoherency, ReaderWithoutInvalidateKeepsReadingStaleData) {
  TwoClusters s;
  s.cpu_b.read32(kStatus);
  s.cpu_a.write32(kStatus, kNew);
  s.a.clean(kStatus, 4, s.delay);
  ASSERT_EQ(s.ddr.peek32(kStatus), kNew);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(s.cpu_b.read32(kStatus).data, kOld) << "poll " << i;
}

TEST(CacheCoherency, PartialLineInvalidateDropsDirtyNeighbourBytes) {
  TwoClusters s;
  s.ddr.poke32(kLineBase, kOld);
  s.cpu_a.write32(kLineBase, kNew);            // bytes 0..3: the writer's own data
  s.cpu_a.write32(kLineBase + 60, 0x5e5e5e5e); // bytes 60..63: the range to invalidate
  s.a.invalidate(kLineBase + 60, 4, s.delay);
  EXPECT_EQ(s.cpu_a.read32(kLineBase).data, kOld);
  EXPECT_EQ(s.a.stats().discarded_dirty, 1u);
}

TEST(CacheCoherency, PartialLineCleanInvalidateKeepsDirtyNeighbourBytes) {
  TwoClusters s;
  s.ddr.poke32(kLineBase, kOld);
  s.cpu_a.write32(kLineBase, kNew);
  s.cpu_a.write32(kLineBase + 60, 0x5e5e5e5e);
  s.a.clean_invalidate(kLineBase + 60, 4, s.delay);
  EXPECT_EQ(s.ddr.peek32(kLineBase), kNew);
  EXPECT_EQ(s.cpu_a.read32(kLineBase).data, kNew);
  EXPECT_EQ(s.a.stats().discarded_dirty, 0u);
}

TEST(CacheCoherency, FalseSharingWriteBackOverwritesTheOtherSidesPublishedBytes) {
  TwoClusters s;
  constexpr std::uint64_t kMine = kLineBase;       // B's field
  constexpr std::uint64_t kTheirs = kLineBase + 8; // A's field in the same line
  s.cpu_b.write32(kMine, 0xb0b0b0b0);              // B's line now holds kTheirs = 0 (dirty)
  s.cpu_a.write32(kTheirs, kNew);
  s.a.clean(kTheirs, 4, s.delay);
  ASSERT_EQ(s.ddr.peek32(kTheirs), kNew);
  s.b.clean(kMine, 4, s.delay); // writes back the whole line, old kTheirs included
  EXPECT_EQ(s.ddr.peek32(kTheirs), 0u);
  EXPECT_EQ(s.ddr.peek32(kMine), 0xb0b0b0b0u);
}

} // namespace
} // namespace sim::test
