// SPDX-License-Identifier: Apache-2.0
// Cache shell driven through b_transport / transport_dbg directly (no sc_start).
#include <gtest/gtest.h>

#include <vector>

#include "tests/models/cache/cache_rig.h"

namespace sim::test {
namespace {

using models::CacheConfig;

constexpr std::uint64_t kLine = 64;
constexpr std::uint64_t kSetStride = 128 * kLine; // same set, next tag (32 KiB, 4 ways)
constexpr std::uint64_t kAddr = 0x1040;
constexpr std::uint64_t kLineAddr = 0x1040;

sc_core::sc_time ps(std::uint64_t v) {
  return ps_to_sc(v);
}

TEST(Cache, MissFillsExactlyOneAlignedLine) {
  CacheRig rig;
  const Result r = rig.cpu.read32(kAddr + 8);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(rig.mem.log.size(), 1u);
  EXPECT_EQ(rig.mem.log[0].command, tlm::TLM_READ_COMMAND);
  EXPECT_EQ(rig.mem.log[0].address, kLineAddr);
  EXPECT_EQ(rig.mem.log[0].length, kLine);
  EXPECT_EQ(rig.cache.stats().misses, 1u);
  EXPECT_EQ(rig.cache.stats().fills, 1u);
}

TEST(Cache, ReadReturnsMemoryDataThroughTheLine) {
  CacheRig rig;
  rig.set_mem32(kAddr + 8, 0xcafef00d);
  EXPECT_EQ(rig.cpu.read32(kAddr + 8).data, 0xcafef00du);
}

TEST(Cache, HitHasNoDownstreamTrafficAndCostsExactlyTheHitLatency) {
  CacheRig rig;
  rig.cpu.read32(kAddr);
  const Result r = rig.cpu.read32(kAddr + 4);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(rig.mem.log.size(), 1u);
  EXPECT_EQ(r.delay, ps(kHitPs));
  EXPECT_EQ(rig.cache.stats().hits, 1u);
}

TEST(Cache, WriteIsKeptInTheLineUntilWrittenBack) {
  CacheRig rig;
  ASSERT_TRUE(rig.cpu.write32(kAddr, 0x12345678).ok());
  EXPECT_EQ(rig.mem32(kAddr), 0u);
  EXPECT_TRUE(rig.cache.is_dirty(kAddr));
  EXPECT_EQ(rig.cpu.read32(kAddr).data, 0x12345678u);
  EXPECT_EQ(rig.mem.count(tlm::TLM_WRITE_COMMAND), 0u);
}

TEST(Cache, DirtyVictimIsWrittenBackOnceBeforeTheFill) {
  CacheRig rig;
  rig.cpu.write32(kAddr, 0xd1d1d1d1);
  for (std::uint64_t i = 1; i <= 4; ++i) rig.cpu.read32(kAddr + i * kSetStride);
  // Fills of kAddr and three more, then the write-back of kAddr, then the fifth fill.
  ASSERT_EQ(rig.mem.log.size(), 6u);
  const auto& wb = rig.mem.log[4];
  EXPECT_EQ(wb.command, tlm::TLM_WRITE_COMMAND);
  EXPECT_EQ(wb.address, kLineAddr);
  EXPECT_EQ(wb.length, kLine);
  EXPECT_EQ(rig.mem.log[5].command, tlm::TLM_READ_COMMAND);
  EXPECT_EQ(rig.mem.log[5].address, kLineAddr + 4 * kSetStride);
  EXPECT_EQ(rig.mem32(kAddr), 0xd1d1d1d1u);
  EXPECT_EQ(rig.cache.stats().evictions, 1u);
  EXPECT_EQ(rig.cache.stats().writebacks, 1u);
}

TEST(Cache, CleanVictimIsDroppedWithoutWriteBack) {
  CacheRig rig;
  for (std::uint64_t i = 0; i <= 4; ++i) rig.cpu.read32(kAddr + i * kSetStride);
  EXPECT_EQ(rig.mem.count(tlm::TLM_WRITE_COMMAND), 0u);
  EXPECT_EQ(rig.cache.stats().evictions, 1u);
  EXPECT_FALSE(rig.cache.contains(kAddr));
}

TEST(Cache, DelayChainsHitLatencyAndDownstreamLatencies) {
  // Direct-mapped so one conflicting access evicts: 4 KiB, 1 way, 64 sets.
  CacheConfig config = test_config();
  config.size = 4096;
  config.ways = 1;
  CacheRig rig(config);
  constexpr std::uint64_t kA = 0x2000;
  constexpr std::uint64_t kConflict = kA + 4096;
  struct Step {
    const char* what;
    tlm::tlm_command op;
    std::uint64_t addr;
    unsigned len;
    std::uint64_t expected_ps;
  };
  const std::vector<Step> steps = {
      {"read miss, empty set", tlm::TLM_READ_COMMAND, kA, 4, kHitPs + kMemPs},
      {"read hit", tlm::TLM_READ_COMMAND, kA + 4, 4, kHitPs},
      {"write hit (line now dirty)", tlm::TLM_WRITE_COMMAND, kA + 8, 4, kHitPs},
      {"miss, dirty victim", tlm::TLM_READ_COMMAND, kConflict, 4, kHitPs + 2 * kMemPs},
      {"two-line access, two clean misses", tlm::TLM_READ_COMMAND, kA + 60, 8,
       2 * (kHitPs + kMemPs)},
      {"write miss, clean victim", tlm::TLM_WRITE_COMMAND, kConflict, 4, kHitPs + kMemPs},
  };
  for (const Step& s : steps) {
    std::uint8_t buf[8] = {};
    const Result r = s.op == tlm::TLM_READ_COMMAND ? rig.cpu.read(s.addr, s.len)
                                                   : rig.cpu.write(s.addr, buf, s.len);
    ASSERT_TRUE(r.ok()) << s.what;
    EXPECT_EQ(r.delay, ps(s.expected_ps)) << s.what;
  }
}

TEST(Cache, DelayAccumulatesOnTheCallersAnnotatedTime) {
  CacheRig rig;
  tlm::tlm_generic_payload p;
  std::uint32_t v = 0;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(kAddr);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
  p.set_data_length(4);
  p.set_streaming_width(4);
  sc_core::sc_time delay = ps(1000000);
  ASSERT_EQ(rig.cpu.raw(p, delay), tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(delay, ps(1000000 + kHitPs + kMemPs));
}

TEST(Cache, AccessSpanningTwoLinesFillsBoth) {
  CacheRig rig;
  rig.set_mem32(kLineAddr + 60, 0x44332211);
  rig.set_mem32(kLineAddr + 64, 0x88776655);
  const Result r = rig.cpu.read(kLineAddr + 62, 4);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.data, 0x66554433u);
  ASSERT_EQ(rig.mem.log.size(), 2u);
  EXPECT_EQ(rig.mem.log[0].address, kLineAddr);
  EXPECT_EQ(rig.mem.log[1].address, kLineAddr + kLine);
  EXPECT_EQ(rig.cache.stats().reads, 1u);
  EXPECT_EQ(rig.cache.stats().misses, 2u);
}

TEST(Cache, WriteThroughForwardsWritesAndKeepsLinesClean) {
  CacheConfig config = test_config();
  config.write_policy = CacheConfig::WritePolicy::kWriteThrough;
  CacheRig rig(config);
  const Result r = rig.cpu.write32(kAddr, 0xabcdef01);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(rig.mem.log.size(), 2u); // allocate (fill), then the store
  EXPECT_EQ(rig.mem.log[1].command, tlm::TLM_WRITE_COMMAND);
  EXPECT_EQ(rig.mem.log[1].address, kAddr);
  EXPECT_EQ(rig.mem.log[1].length, 4u);
  EXPECT_EQ(r.delay, ps(kHitPs + 2 * kMemPs));
  EXPECT_EQ(rig.mem32(kAddr), 0xabcdef01u);
  EXPECT_FALSE(rig.cache.is_dirty(kAddr));
  EXPECT_EQ(rig.cpu.read32(kAddr).data, 0xabcdef01u);
  EXPECT_EQ(rig.cache.stats().write_throughs, 1u);
}

TEST(Cache, DownstreamErrorReachesTheCallerAndInstallsNothing) {
  CacheRig rig;
  rig.mem.response = tlm::TLM_ADDRESS_ERROR_RESPONSE;
  const Result r = rig.cpu.read32(kAddr);
  EXPECT_EQ(r.status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_FALSE(rig.cache.contains(kAddr));
  EXPECT_EQ(rig.cache.stats().fills, 0u);
}

TEST(Cache, ByteEnablesAreRejected) {
  CacheRig rig;
  tlm::tlm_generic_payload p;
  std::uint32_t v = 0;
  unsigned char be[4] = {0xff, 0, 0xff, 0};
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(kAddr);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
  p.set_data_length(4);
  p.set_streaming_width(4);
  p.set_byte_enable_ptr(be);
  p.set_byte_enable_length(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  EXPECT_EQ(rig.cpu.raw(p, delay), tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
  EXPECT_TRUE(rig.mem.log.empty());
}

TEST(Cache, StreamingWidthShorterThanLengthIsABurstError) {
  CacheRig rig;
  tlm::tlm_generic_payload p;
  std::uint64_t v = 0;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(kAddr);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
  p.set_data_length(8);
  p.set_streaming_width(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  EXPECT_EQ(rig.cpu.raw(p, delay), tlm::TLM_BURST_ERROR_RESPONSE);
  EXPECT_TRUE(rig.mem.log.empty());
}

TEST(Cache, DebugReadSeesCachedDataWithoutStatsOrTraffic) {
  CacheRig rig;
  rig.cpu.write32(kAddr, 0x600df00d);
  const models::CacheStats before = rig.cache.stats();
  const std::size_t traffic = rig.mem.log.size();
  std::uint32_t v = 0;
  EXPECT_EQ(rig.cpu.dbg(tlm::TLM_READ_COMMAND, kAddr, &v, 4), 4u);
  EXPECT_EQ(v, 0x600df00du);
  EXPECT_EQ(rig.mem.log.size(), traffic);
  EXPECT_EQ(rig.cache.stats().to_string(), before.to_string());
}

TEST(Cache, DebugReadOfAnAbsentLineReadsMemoryWithoutFilling) {
  CacheRig rig;
  rig.set_mem32(kAddr, 0x11223344);
  std::uint32_t v = 0;
  EXPECT_EQ(rig.cpu.dbg(tlm::TLM_READ_COMMAND, kAddr, &v, 4), 4u);
  EXPECT_EQ(v, 0x11223344u);
  EXPECT_FALSE(rig.cache.contains(kAddr));
  EXPECT_TRUE(rig.mem.log.empty());
}

TEST(Cache, DebugWriteUpdatesMemoryAndAPresentLineWithoutDirtyingIt) {
  CacheRig rig;
  rig.cpu.read32(kAddr);
  std::uint32_t v = 0x5a5a5a5a;
  EXPECT_EQ(rig.cpu.dbg(tlm::TLM_WRITE_COMMAND, kAddr, &v, 4), 4u);
  EXPECT_EQ(rig.mem32(kAddr), 0x5a5a5a5au);
  EXPECT_FALSE(rig.cache.is_dirty(kAddr));
  EXPECT_EQ(rig.cpu.read32(kAddr).data, 0x5a5a5a5au);
  EXPECT_EQ(rig.cache.stats().writes, 0u);
}

TEST(Cache, DeniesDmi) {
  CacheRig rig;
  tlm::tlm_generic_payload p;
  tlm::tlm_dmi dmi;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(kAddr);
  EXPECT_FALSE(rig.cpu.out->get_direct_mem_ptr(p, dmi));
  EXPECT_FALSE(p.is_dmi_allowed());
  EXPECT_FALSE(dmi.is_read_allowed());
  const Result r = rig.cpu.read32(kAddr);
  EXPECT_TRUE(r.ok());
}

TEST(Cache, CoresOfAClusterShareTheLines) {
  CacheRig rig;
  FakeInitiator core1(sc_core::sc_gen_unique_name("core1"));
  core1.out.bind(rig.cache.cpu_side);
  rig.cpu.write32(kAddr, 0x0badcafe);
  const Result r = core1.read32(kAddr);
  EXPECT_EQ(r.data, 0x0badcafeu);
  EXPECT_EQ(r.delay, ps(kHitPs));
}

TEST(Cache, RejectsRatesOutsideZeroToOne) {
  CacheConfig config = test_config();
  config.eviction_rate = 1.5;
  EXPECT_THROW(models::Cache(sc_core::sc_gen_unique_name("bad"), config), std::invalid_argument);
}

TEST(Cache, RejectsBadGeometryWithItsName) {
  CacheConfig config = test_config("platform.remote.dcache");
  config.size = 48 * 1024;
  try {
    models::Cache cache(sc_core::sc_gen_unique_name("bad"), config);
    FAIL() << "48 KiB accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "platform.remote.dcache: dcache size 48 KiB is not a power of two");
  }
}

} // namespace
} // namespace sim::test
