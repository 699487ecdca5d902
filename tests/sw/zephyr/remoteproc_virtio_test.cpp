// SPDX-License-Identifier: Apache-2.0
// rproc_virtio_create_vdev's reads of the resource table, release by release (ipcsim conform found
// the id read of v2024.05 missing from the model).
#include <gtest/gtest.h>

#include "sw/shm/layout.h"
#include "sw/zephyr/remoteproc_virtio.h"
#include "tests/support/fake_hal.h"

namespace sim::sw::zephyr {
namespace {

using Kind = test::FakeHal::AccessKind;
constexpr hal::Addr kTable = 0x3000;
constexpr shm::rsc::ZephyrTableLayout kLayout{};

/// The table reads create_vdev makes under `release`, and the id it kept.
std::pair<std::vector<hal::Addr>, std::uint32_t> create_vdev(const char* release) {
  test::FakeHal hal("remote");
  MetalCache cache(hal, 64, MetalCache::Switches{true, true, true});
  const std::uint32_t virtio_id_rpmsg = 7;
  const std::uint8_t vrings = 2;
  hal.poke(kTable + kLayout.vdev() + shm::rsc::kVdevId, &virtio_id_rpmsg, 4);
  hal.poke(kTable + kLayout.vdev() + shm::rsc::kVdevNumOfVrings, &vrings, 1);
  RemoteprocVirtio rproc(hal, cache, openamp_release(release), kTable, kLayout, 0,
                         [](std::uint32_t) {});
  hal.set_recording(true);
  EXPECT_EQ(rproc.create_vdev(), 2u);
  std::vector<hal::Addr> reads;
  for (const test::FakeHal::Access& a : hal.accesses())
    if (a.kind == Kind::kRead) reads.push_back(a.addr - kTable - kLayout.vdev());
  return {reads, rproc.device_id()};
}

TEST(RemoteprocVirtio, FromV2024_05CreatingTheVdevReadsItsId) {
  const auto [reads, id] = create_vdev("v2024.05");
  EXPECT_EQ(reads, (std::vector<hal::Addr>{shm::rsc::kVdevNumOfVrings, shm::rsc::kVdevId}));
  EXPECT_EQ(id, 7u);
}

TEST(RemoteprocVirtio, BeforeV2024_05OnlyTheVringCountIsRead) {
  const auto [reads, id] = create_vdev("v2023.10");
  EXPECT_EQ(reads, std::vector<hal::Addr>{shm::rsc::kVdevNumOfVrings});
  EXPECT_EQ(id, 0u);
}

} // namespace
} // namespace sim::sw::zephyr
