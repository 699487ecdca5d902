// SPDX-License-Identifier: Apache-2.0
// The Linux split virtqueue (driver side) on FakeHal: the exact shared-memory traffic of 5.10's
// virtio_ring.c, notification suppression and the BAD_RING paths.
#include <gtest/gtest.h>

#include <memory>

#include "sw/linux/linux.h"
#include "sw/linux/virtqueue.h"
#include "sw/shm/layout.h"
#include "tests/support/fake_hal.h"

namespace sim::test {
namespace {

using sw::lnx::Printk;
using sw::lnx::Virtqueue;
using Kind = FakeHal::AccessKind;

constexpr hal::Addr kBase = 0x200c8000;
const sw::shm::VringLayout kLayout{8, 16};

struct VqFixture {
  FakeHal hal{"master"};
  Printk printk{hal, true, 7, 0};
  int notifies = 0;
  int callbacks = 0;
  std::unique_ptr<Virtqueue> vq;

  explicit VqFixture(unsigned num = 8, bool event_idx = false) {
    Virtqueue::Config c;
    c.name = "input";
    c.base = kBase;
    c.num = num;
    c.align = 16;
    c.event_idx = event_idx;
    vq = Virtqueue::create(
        hal, printk, "virtio0", c,
        [this](Virtqueue&) {
          ++notifies;
          return true;
        },
        [this](Virtqueue&) { ++callbacks; });
  }
  template <typename T> T peek(hal::Addr off) {
    T v;
    hal.peek(kBase + off, &v, sizeof v);
    return v;
  }
  template <typename T> void poke(hal::Addr off, T v) { hal.poke(kBase + off, &v, sizeof v); }
  /// The device returns `head` with `len` (used ring entry, then index).
  void device_use(std::uint16_t slot, std::uint32_t head, std::uint32_t len) {
    poke<std::uint32_t>(kLayout.used_ring_id(slot % 8), head);
    poke<std::uint32_t>(kLayout.used_ring_len(slot % 8), len);
    poke<std::uint16_t>(kLayout.used_idx(), static_cast<std::uint16_t>(slot + 1));
  }
};

TEST(LinuxVirtqueue, CreationChainsTheFreeListThroughSharedDescriptors) {
  VqFixture f;
  ASSERT_NE(f.vq, nullptr);
  for (unsigned i = 0; i < 7; ++i) EXPECT_EQ(f.peek<std::uint16_t>(kLayout.desc(i) + 14), i + 1);
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.desc(7) + 14), 0);
  EXPECT_EQ(f.vq->num_free(), 8u);
}

TEST(LinuxVirtqueue, LengthThatIsNotAPowerOfTwoIsRefused) {
  VqFixture f(6);
  EXPECT_EQ(f.vq, nullptr);
  EXPECT_NE(f.hal.console_output().find("virtio_rpmsg_bus virtio0: Bad virtqueue length 6"),
            std::string::npos);
}

TEST(LinuxVirtqueue, AddWritesDescriptorThenRingEntryThenBarrierThenIndex) {
  VqFixture f;
  f.hal.clear_accesses();
  const unsigned barriers = f.hal.barriers();
  ASSERT_EQ(f.vq->add_inbuf(0x200ca000, 512, 0x200ca000), 0);
  const std::vector<std::pair<hal::Addr, Kind>> expected = {
      {kLayout.desc(0) + 12, Kind::kWrite}, // flags = NEXT | WRITE
      {kLayout.desc(0) + 0, Kind::kWrite},  // addr
      {kLayout.desc(0) + 8, Kind::kWrite},  // len
      {kLayout.desc(0) + 14, Kind::kRead},  // next: the new free head, from shared memory
      {kLayout.desc(0) + 12, Kind::kRead},  // flags &= ~NEXT (read-modify-write)
      {kLayout.desc(0) + 12, Kind::kWrite}, {kLayout.avail_ring(0), Kind::kWrite},
      {kLayout.avail_idx(), Kind::kWrite},
  };
  ASSERT_EQ(f.hal.accesses().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(f.hal.accesses()[i].addr, kBase + expected[i].first) << i;
    EXPECT_EQ(f.hal.accesses()[i].kind, expected[i].second) << i;
  }
  EXPECT_EQ(f.hal.barriers(), barriers + 1); // virtio_wmb before the index
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.desc(0) + 12), sw::shm::kVringDescFWrite);
  EXPECT_EQ(f.peek<std::uint64_t>(kLayout.desc(0)), 0x200ca000u);
  EXPECT_EQ(f.peek<std::uint32_t>(kLayout.desc(0) + 8), 512u);
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.avail_idx()), 1);
}

TEST(LinuxVirtqueue, KickOnlyWhenTheDeviceLeftUsedNoNotifyClear) {
  VqFixture f;
  f.vq->add_outbuf(0x200cb000, 28, 0x200cb000);
  EXPECT_TRUE(f.vq->kick());
  EXPECT_EQ(f.notifies, 1);
  f.poke<std::uint16_t>(kLayout.used_flags(), sw::shm::kVringUsedFNoNotify);
  f.vq->add_outbuf(0x200cb200, 28, 0x200cb200);
  EXPECT_FALSE(f.vq->kick());
  EXPECT_EQ(f.notifies, 1);
}

TEST(LinuxVirtqueue, EventIdxKicksOnlyWhenAvailEventWasCrossed) {
  VqFixture f(8, true);
  f.poke<std::uint16_t>(kLayout.avail_event(), 5);
  f.vq->add_outbuf(0x200cb000, 28, 1);
  EXPECT_FALSE(f.vq->kick_prepare()); // new index 1 has not passed 5
  for (int i = 0; i < 5; ++i) f.vq->add_outbuf(0x200cb000, 28, 2u + static_cast<unsigned>(i));
  EXPECT_TRUE(f.vq->kick_prepare()); // 1 -> 6 crosses 5
}

TEST(LinuxVirtqueue, GetBufWritesUsedEventOnlyWhileCallbacksAreEnabled) {
  VqFixture f;
  f.vq->add_inbuf(0x200ca000, 512, 0x200ca000);
  f.vq->add_inbuf(0x200ca200, 512, 0x200ca200);
  f.device_use(0, 1, 100);
  std::uint32_t len = 0;
  EXPECT_EQ(f.vq->get_buf(&len), 0x200ca200u);
  EXPECT_EQ(len, 100u);
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.used_event()), 1); // even without EVENT_IDX
  // detach re-chains the freed head in front of the free list (free head was 2).
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.desc(1) + 14), 2);
  EXPECT_EQ(f.vq->get_buf(&len), 0u);

  f.vq->disable_cb();
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.avail_flags()), sw::shm::kVringAvailFNoInterrupt);
  f.device_use(1, 0, 512);
  EXPECT_EQ(f.vq->get_buf(&len), 0x200ca000u);
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.used_event()), 1); // not rewritten
}

TEST(LinuxVirtqueue, EnableCbClearsNoInterruptAndReportsPendingBuffers) {
  VqFixture f;
  f.vq->disable_cb();
  f.vq->add_inbuf(0x200ca000, 512, 0x200ca000);
  EXPECT_TRUE(f.vq->enable_cb());
  EXPECT_EQ(f.peek<std::uint16_t>(kLayout.avail_flags()), 0);
  f.vq->disable_cb();
  f.device_use(0, 0, 512);
  EXPECT_FALSE(f.vq->enable_cb()); // a used buffer is already waiting
}

TEST(LinuxVirtqueue, InterruptWithoutNewUsedEntryIsIrqNone) {
  VqFixture f;
  f.vq->add_inbuf(0x200ca000, 512, 0x200ca000);
  EXPECT_FALSE(f.vq->interrupt());
  EXPECT_EQ(f.callbacks, 0);
  f.device_use(0, 0, 512);
  EXPECT_TRUE(f.vq->interrupt());
  EXPECT_EQ(f.callbacks, 1);
}

TEST(LinuxVirtqueue, OutOfRangeUsedIdBreaksTheQueue) {
  VqFixture f;
  f.vq->add_inbuf(0x200ca000, 512, 0x200ca000);
  f.device_use(0, 9, 512);
  EXPECT_EQ(f.vq->get_buf(nullptr), 0u);
  EXPECT_TRUE(f.vq->broken());
  EXPECT_NE(f.hal.console_output().find("virtio_rpmsg_bus virtio0: input:id 9 out of range"),
            std::string::npos);
  EXPECT_EQ(f.vq->add_inbuf(0x200ca200, 512, 0x200ca200), sw::lnx::kEio);
  EXPECT_TRUE(f.vq->interrupt()); // IRQ_HANDLED, but no callback on a broken queue
  EXPECT_EQ(f.callbacks, 0);
}

TEST(LinuxVirtqueue, UsedIdThatIsNotAHeadBreaksTheQueue) {
  VqFixture f;
  f.vq->add_inbuf(0x200ca000, 512, 0x200ca000);
  f.device_use(0, 3, 512);
  EXPECT_EQ(f.vq->get_buf(nullptr), 0u);
  EXPECT_NE(f.hal.console_output().find("input:id 3 is not a head!"), std::string::npos);
}

TEST(LinuxVirtqueue, FullRingIsEnospcAndAnOutbufForcesANotify) {
  VqFixture f;
  for (unsigned i = 0; i < 8; ++i) ASSERT_EQ(f.vq->add_outbuf(0x200cb000, 28, 1 + i), 0);
  EXPECT_EQ(f.vq->add_inbuf(0x200cb000, 28, 100), sw::lnx::kEnospc);
  EXPECT_EQ(f.notifies, 0);
  EXPECT_EQ(f.vq->add_outbuf(0x200cb000, 28, 100), sw::lnx::kEnospc);
  EXPECT_EQ(f.notifies, 1);
}

} // namespace
} // namespace sim::test
