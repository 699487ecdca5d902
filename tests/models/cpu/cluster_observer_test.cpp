// SPDX-License-Identifier: Apache-2.0
// What a ClusterObserver hears: every access that bypasses the D-cache, with its data and whether
// it was a device access, and every maintenance request with its site, around the cache's work.
#include <gtest/gtest.h>

#include <cstring>

#include "tests/models/cpu/cluster_fixture.h"

namespace sim::test {
namespace {

constexpr std::uint64_t kWord = kRamBase + 0x40;

struct Recorder : models::ClusterObserver {
  struct Access {
    bool is_write;
    std::uint64_t addr;
    std::uint32_t value;
    unsigned len;
    bool device;
    std::uint64_t when;
  };
  std::vector<Access> accesses;
  std::vector<std::string> maintenance;
  void on_uncached(bool is_write, std::uint64_t addr, const std::uint8_t* data, unsigned len,
                   bool device, std::uint64_t when) override {
    std::uint32_t v = 0;
    std::memcpy(&v, data, std::min(len, 4u));
    accesses.push_back({is_write, addr, v, len, device, when});
  }
  void on_maintenance(const char* op, const char* site, std::uint64_t addr, std::uint64_t len,
                      bool skipped, std::uint64_t) override {
    maintenance.push_back(std::string(op) + "@" + site + ":" + std::to_string(addr - kRamBase) +
                          "+" + std::to_string(len) + (skipped ? " skipped" : ""));
  }
  void on_maintenance_done() override { maintenance.push_back("done"); }
};

TEST(ClusterObserver, HearsUncachedAccessesWithDataDeviceFlagAndTime) {
  ClusterFixture f;
  Recorder rec;
  f.cluster->add_observer(&rec);
  f.os().spawn({"t", 1, false, 0}, [&] {
    f.hal().write32(kWord, 0x1234);
    (void)f.hal().read32(kWord);
    f.hal().mmio_write32(kWord, 7);
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  ASSERT_EQ(rec.accesses.size(), 3u);
  EXPECT_TRUE(rec.accesses[0].is_write);
  EXPECT_EQ(rec.accesses[0].addr, kWord);
  EXPECT_EQ(rec.accesses[0].value, 0x1234u);
  EXPECT_FALSE(rec.accesses[0].device);
  EXPECT_FALSE(rec.accesses[1].is_write);
  EXPECT_EQ(rec.accesses[1].value, 0x1234u); // the data the core got
  EXPECT_TRUE(rec.accesses[2].device);
  EXPECT_EQ(rec.accesses[2].value, 7u);
  // Each reported after the bus latency of the access itself (50 ns).
  EXPECT_EQ(rec.accesses[1].when - rec.accesses[0].when, 50'000u);
}

TEST(ClusterObserver, HearsMaintenanceWithItsSiteEvenWithoutACache) {
  ClusterFixture f;
  Recorder rec;
  f.cluster->add_observer(&rec);
  f.os().spawn({"t", 1, false, 0}, [&] {
    f.hal().dcache_invalidate(kWord, 8, "rx_avail_idx_invalidate");
    f.hal().dcache_clean(kWord, 0, "empty_range"); // nothing to do, nothing reported
    f.hal().dcache_clean_invalidate(kWord, 64, "rx_buffer_invalidate");
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  const std::vector<std::string> expected = {
      "dcache invalidate@rx_avail_idx_invalidate:64+8", "done",
      "dcache clean+invalidate@rx_buffer_invalidate:64+64", "done"};
  EXPECT_EQ(rec.maintenance, expected);
}

} // namespace
} // namespace sim::test
