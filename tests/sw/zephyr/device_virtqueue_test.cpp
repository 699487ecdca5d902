// SPDX-License-Identifier: Apache-2.0
// The device side of a split virtqueue: what it reads and writes, and the maintenance around it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sw/shm/vring_view.h"
#include "sw/zephyr/device_virtqueue.h"
#include "tests/support/fake_hal.h"

namespace sim::sw::zephyr {
namespace {

using Kind = test::FakeHal::CacheOpKind;
constexpr hal::Addr kRing = 0x2000;
constexpr DeviceVirtqueue::ShmRegion kShm{0x10000, 0x4000};

struct Rig {
  explicit Rig(const char* release, unsigned num = 8) : Rig(openamp_release(release), num) {}
  explicit Rig(OpenampRelease release, unsigned num = 8)
      : release_(std::move(release)), cache(hal, 64, MetalCache::Switches{true, true, true}),
        ring(hal, kRing, num, 16), vq(hal, cache, release_, site::kVring1, ring, 1, kShm,
                                      [this](std::uint32_t id) { notified.push_back(id); }) {}

  // Driver side, straight into memory: message `n` in descriptor `desc`.
  void post(unsigned slot, unsigned desc, std::uint64_t addr, std::uint32_t len) {
    const shm::VringLayout& l = ring.layout();
    std::uint16_t d = static_cast<std::uint16_t>(desc);
    hal.poke(kRing + l.avail_ring(slot), &d, 2);
    hal.poke(kRing + l.desc(desc), &addr, 8);
    hal.poke(kRing + l.desc(desc) + 8, &len, 4);
  }
  void set_avail_idx(std::uint16_t v) { hal.poke(kRing + ring.layout().avail_idx(), &v, 2); }
  std::vector<std::string> sites() const {
    std::vector<std::string> out;
    for (const auto& op : hal.cache_ops()) out.push_back(op.site);
    return out;
  }

  const OpenampRelease release_;
  test::FakeHal hal{"remote"};
  MetalCache cache;
  shm::VringView ring;
  DeviceVirtqueue vq;
  std::vector<std::uint32_t> notified;
};

TEST(DeviceVirtqueue, EmptyRingInvalidatesOnlyTheAvailIndex) {
  Rig r("v2024.05");
  DeviceVirtqueue::Buffer b;
  EXPECT_FALSE(r.vq.get_available_buffer(b));
  EXPECT_EQ(r.sites(), std::vector<std::string>{"rx_avail_idx_invalidate"});
}

TEST(DeviceVirtqueue, TakesBuffersInAvailOrderWithTheirInvalidates) {
  Rig r("v2023.10");
  r.post(0, 3, 0x10000, 28);
  r.post(1, 5, 0x10200, 40);
  r.set_avail_idx(2);
  DeviceVirtqueue::Buffer b;
  ASSERT_TRUE(r.vq.get_available_buffer(b));
  EXPECT_EQ(b.idx, 3u);
  EXPECT_EQ(b.addr, 0x10000u);
  EXPECT_EQ(b.len, 28u);
  ASSERT_TRUE(r.vq.get_available_buffer(b));
  EXPECT_EQ(b.idx, 5u);
  EXPECT_FALSE(r.vq.get_available_buffer(b));
  const std::vector<std::string> one = {"rx_avail_idx_invalidate", "rx_avail_ring_invalidate",
                                        "rx_desc_invalidate"};
  std::vector<std::string> want = one;
  want.insert(want.end(), one.begin(), one.end());
  want.push_back("rx_avail_idx_invalidate");
  EXPECT_EQ(r.sites(), want);
  // desc[5] (16 bytes at 0x2050) sits inside one line: cleaned and invalidated as a partial line.
  const auto& desc_op = r.hal.cache_ops()[5];
  EXPECT_EQ(desc_op.kind, Kind::kCleanInvalidate);
  EXPECT_EQ(desc_op.addr, 0x2040u);
  EXPECT_EQ(desc_op.len, 64u);
}

TEST(DeviceVirtqueue, FromV2024_05DescAddrAndLenAreInvalidatedApart) {
  // a6b48bd: virtqueue_get_buffer_addr (8 bytes), then virtqueue_get_buffer_length (4 bytes).
  for (const bool split : {true, false}) {
    Rig r(openamp_release("v2024.05").with(Feature::kSplitDescInvalidate, split));
    r.post(0, 5, 0x10200, 40);
    r.set_avail_idx(1);
    DeviceVirtqueue::Buffer b;
    ASSERT_TRUE(r.vq.get_available_buffer(b));
    EXPECT_EQ(b.addr, 0x10200u);
    EXPECT_EQ(b.len, 40u);
    std::vector<std::string> want = {"rx_avail_idx_invalidate", "rx_avail_ring_invalidate",
                                     "rx_desc_invalidate"};
    if (split) want.push_back("rx_desc_len_invalidate");
    EXPECT_EQ(r.sites(), want) << split;
    // desc[5] is at 0x2050: its addr, its len, or the whole descriptor, each in line 0x2040.
    EXPECT_EQ(r.hal.cache_ops()[2].addr, 0x2040u);
    if (split) {
      EXPECT_EQ(r.hal.cache_ops()[3].addr, 0x2040u);
    }
  }
}

TEST(DeviceVirtqueue, V2021_10InvalidatesRingZeroWhateverTheHead) {
  // num = 32: ring[0] is at 0x2204, ring[30] at 0x2240, a different 64-byte line.
  for (const char* release : {"v2021.10", "v2022.04"}) {
    Rig r(release, 32);
    for (unsigned i = 0; i < 31; ++i) r.post(i, i, 0x10000, 20);
    r.set_avail_idx(31);
    DeviceVirtqueue::Buffer b;
    for (unsigned i = 0; i < 31; ++i) ASSERT_TRUE(r.vq.get_available_buffer(b));
    const auto& ring_op = r.hal.cache_ops()[3 * 30 + 1]; // the 31st buffer's ring invalidate
    ASSERT_EQ(ring_op.site, "rx_avail_ring_invalidate");
    EXPECT_EQ(ring_op.addr, std::string(release) == "v2021.10" ? 0x2200u : 0x2240u) << release;
  }
}

TEST(DeviceVirtqueue, DescriptorOutsideSharedMemoryGivesNoAddress) {
  Rig r("v2024.05");
  r.post(0, 0, 0x9000, 28);
  r.set_avail_idx(1);
  DeviceVirtqueue::Buffer b;
  ASSERT_TRUE(r.vq.get_available_buffer(b));
  EXPECT_EQ(b.addr, 0u);
  EXPECT_EQ(r.vq.available_idx(), 1u);
}

TEST(DeviceVirtqueue, ConsumedBufferGoesToTheUsedRingThenTheIndex) {
  Rig r("v2024.05");
  ASSERT_TRUE(r.vq.add_consumed_buffer(3, 28));
  ASSERT_TRUE(r.vq.add_consumed_buffer(5, 40));
  EXPECT_EQ(r.ring.used_idx(), 2u);
  EXPECT_EQ(r.ring.used_ring_id(0), 3u);
  EXPECT_EQ(r.ring.used_ring_len(1), 40u);
  ASSERT_EQ(r.hal.cache_ops().size(), 4u);
  EXPECT_EQ(r.hal.cache_ops()[0].site, "rx_used_ring_flush");
  EXPECT_EQ(r.hal.cache_ops()[0].len, 8u);
  EXPECT_EQ(r.hal.cache_ops()[0].addr, kRing + r.ring.layout().used_ring_id(0));
  EXPECT_EQ(r.hal.cache_ops()[1].site, "rx_used_idx_flush");
  EXPECT_EQ(r.hal.cache_ops()[1].len, 2u);
  EXPECT_EQ(r.hal.cache_ops()[1].kind, Kind::kClean);
  EXPECT_FALSE(r.vq.add_consumed_buffer(9, 1)); // idx > num
  EXPECT_FALSE(r.vq.add_consumed_buffer(8, 1)); // idx == num: `>=` from v2022.10 (8590171)
}

TEST(DeviceVirtqueue, UpToV2022_04AnIndexEqualToTheRingSizeIsConsumed) {
  Rig old("v2022.04");
  EXPECT_FALSE(old.vq.add_consumed_buffer(9, 1));
  EXPECT_TRUE(old.vq.add_consumed_buffer(8, 1)); // the `>` check lets it through
  EXPECT_EQ(old.ring.used_ring_id(0), 8u);
  Rig fixed(openamp_release("v2022.04").with(Feature::kConsumedBoundInclusive, true));
  EXPECT_FALSE(fixed.vq.add_consumed_buffer(8, 1));
}

TEST(DeviceVirtqueue, KickHonoursTheDriversNoInterruptFlag) {
  Rig r("v2024.05");
  r.vq.kick();
  EXPECT_EQ(r.notified, std::vector<std::uint32_t>{1});
  std::uint16_t no_interrupt = shm::kVringAvailFNoInterrupt;
  r.hal.poke(kRing + r.ring.layout().avail_flags(), &no_interrupt, 2);
  r.vq.kick();
  EXPECT_EQ(r.notified.size(), 1u);
  EXPECT_EQ(r.hal.cache_ops().back().site, "rx_avail_flags_invalidate");
}

TEST(DeviceVirtqueue, DisableCbSetsNoNotifyAndFlushesIt) {
  test::FakeHal hal("remote");
  MetalCache cache(hal, 64, MetalCache::Switches{true, true, true});
  shm::VringView ring(hal, kRing, 8, 16);
  DeviceVirtqueue vq(hal, cache, openamp_release("v2024.05"), site::kVring0, ring, 0, kShm,
                     [](std::uint32_t) {});
  vq.disable_cb();
  EXPECT_EQ(ring.used_flags(), shm::kVringUsedFNoNotify);
  ASSERT_EQ(hal.cache_ops().size(), 1u);
  EXPECT_EQ(hal.cache_ops()[0].site, "tx_used_flags_flush");
  EXPECT_EQ(hal.cache_ops()[0].addr, kRing + ring.layout().used_flags());
}

} // namespace
} // namespace sim::sw::zephyr
