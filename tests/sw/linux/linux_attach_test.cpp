// SPDX-License-Identifier: Apache-2.0
// The Linux model's remoteproc attach on the reference board: what it leaves in the resource
// table and the vrings, and how it fails on a bad table. One simulation per TEST.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "sw/shm/layout.h"
#include "tests/sw/linux/linux_test_util.h"
#include "tests/sw/linux/scripted_remote.h"

namespace sim::test {
namespace {

using sw::lnx::LinuxOptions;
using sw::lnx::LinuxStatus;

constexpr std::uint64_t kVdev = kTable + 0x14;

TEST(LinuxAttach, PublishesStatusVringsAndRxBuffersThroughTheReferenceTable) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  std::unique_ptr<ScriptedRemote> remote;
  bool driver_ok = false;
  f.boot(Side::kRemote, {"remote", 5, false, 0}, [&](hal::Hal& hal) {
    remote = std::make_unique<ScriptedRemote>(hal, f.info(Side::kRemote));
    remote->attach_mailbox();
    driver_ok = remote->wait_driver_ok(100 * hal::kMs);
    remote->wait_words(1, 100 * hal::kMs);
  });
  f.run(ms(100));

  EXPECT_TRUE(st.attached);
  EXPECT_TRUE(st.rpmsg_online);
  EXPECT_TRUE(st.attach_error.empty());
  EXPECT_TRUE(driver_ok);
  // The remote's poll saw the status climb 0 -> (1) -> 3 -> 7 through plain stores (a fast
  // succession of stores can be seen as its last value only, like a real poll).
  const std::vector<std::uint8_t>& seen = remote->statuses();
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen.front(), 0);
  EXPECT_EQ(seen.back(), 7);
  const std::vector<std::uint8_t> order = {0, 1, 3, 7};
  auto pos = order.begin();
  for (std::uint8_t s : seen) {
    pos = std::find(pos, order.end(), s);
    EXPECT_NE(pos, order.end()) << "status " << int{s} << " out of sequence";
  }
  EXPECT_EQ(peek_le<std::uint8_t>(f, kVdev + sw::shm::rsc::kVdevStatus), 7);
  EXPECT_EQ(peek_le<std::uint32_t>(f, kVdev + sw::shm::rsc::kVdevGfeatures), 1u);
  // rp_find_vq wrote the carve-outs' da; rproc_alloc_vring the notify ids 0 and 1.
  const std::uint64_t v0 = kVdev + sw::shm::rsc::kVdevVrings;
  const std::uint64_t v1 = v0 + sw::shm::rsc::kVringSize;
  EXPECT_EQ(peek_le<std::uint32_t>(f, v0 + sw::shm::rsc::kVringDa), kVring0);
  EXPECT_EQ(peek_le<std::uint32_t>(f, v0 + sw::shm::rsc::kVringNotifyId), 0u);
  EXPECT_EQ(peek_le<std::uint32_t>(f, v1 + sw::shm::rsc::kVringDa), kVring1);
  EXPECT_EQ(peek_le<std::uint32_t>(f, v1 + sw::shm::rsc::kVringNotifyId), 1u);

  // vring0: all 8 RX buffers posted, from the first half of vdev0buffer, device-writable.
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring0 + kLayout.avail_idx()), 8);
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring0 + kLayout.avail_flags()), 0);
  for (unsigned i = 0; i < 8; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(peek_le<std::uint16_t>(f, kVring0 + kLayout.avail_ring(i)), i);
    const std::uint64_t d = kVring0 + kLayout.desc(i);
    const auto addr = peek_le<std::uint64_t>(f, d + sw::shm::kVringDescAddr);
    EXPECT_EQ(addr, kBuffers + 512u * i);
    EXPECT_LT(addr, kBuffers + 8 * 512u); // RX is the first half of the 16 buffers
    EXPECT_EQ(peek_le<std::uint32_t>(f, d + sw::shm::kVringDescLen), 512u);
    EXPECT_EQ(peek_le<std::uint16_t>(f, d + sw::shm::kVringDescFlags), sw::shm::kVringDescFWrite);
    // 5.10 chains its free list through the shared descriptors.
    EXPECT_EQ(peek_le<std::uint16_t>(f, d + sw::shm::kVringDescNext), i < 7 ? i + 1 : 0);
  }
  // vring1: nothing posted, TX-complete interrupts suppressed.
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring1 + kLayout.avail_idx()), 0);
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring1 + kLayout.avail_flags()),
            sw::shm::kVringAvailFNoInterrupt);

  // The first kick: notify id 0 over the mailbox (vring0's used.flags was still 0).
  EXPECT_EQ(remote->words(), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(st.kicks_sent, 1u);
  EXPECT_EQ(st.kicks_lost, 0u);

  const std::string console = f.console(Side::kMaster);
  EXPECT_TRUE(contains(console, "] remoteproc remoteproc0: tcc-rproc is available\n"));
  EXPECT_TRUE(contains(console, "] remoteproc remoteproc0: attaching to tcc-rproc\n"));
  EXPECT_TRUE(contains(console, "] virtio_rpmsg_bus virtio0: rpmsg host is online\n"));
  EXPECT_TRUE(
      contains(console, "] remoteproc remoteproc0: remote processor tcc-rproc is now attached\n"));
  EXPECT_EQ(console.rfind("[    0.", 0), 0u) << console;
}

TEST(LinuxAttach, TableVersionIsNotCheckedWhenAttaching) {
  // rproc_handle_resources (v5.10) walks num and offset[] and never looks at ver or reserved:
  // that check is rproc_elf_find_rsc_table's, on the ELF boot path (rpmsg-protocol.md §6.7).
  PlatformFixture f;
  f.load_zephyr_table();
  f.load(kTable, {2, 0, 0, 0});
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  f.run(ms(50));

  EXPECT_TRUE(st.attached);
  EXPECT_TRUE(st.rpmsg_online);
  EXPECT_TRUE(st.attach_error.empty()) << st.attach_error;
  const std::string console = f.console(Side::kMaster);
  EXPECT_FALSE(contains(console, "version")) << console;
  EXPECT_TRUE(contains(console, "remote processor tcc-rproc is now attached")) << console;
}

TEST(LinuxAttach, ThreeVringsAreTooMany) {
  PlatformFixture f;
  f.load_zephyr_table();
  const std::uint64_t field = kVdev + sw::shm::rsc::kVdevNumOfVrings;
  f.load(field, {3});
  LinuxStatus st;
  boot_linux(f, quiet_linux(), {}, st);
  f.run(ms(20));

  EXPECT_FALSE(st.attached);
  EXPECT_EQ(st.attach_error, "too many vrings: 3");
  EXPECT_EQ(st.attach_error_address, field);
  // Nothing was written: the status byte is still the image's 0.
  EXPECT_EQ(peek_le<std::uint8_t>(f, kVdev + sw::shm::rsc::kVdevStatus), 0);
}

TEST(LinuxAttach, AVdevEntryPastTcRscSizeIsTruncated) {
  // tcc,rsc-size 0x40: the vdev entry at offset 0x14 has 0x28 bytes left, and its body with two
  // vrings needs 24 + 2 x 20. rproc_handle_vdev checks the extent before anything else.
  PlatformFixture f(
      std::vector<std::pair<std::string, std::string>>{{"carveouts.rsc_table.rsc_size", "0x40"}});
  f.load_zephyr_table();
  LinuxStatus st;
  boot_linux(f, quiet_linux(), {}, st);
  f.run(ms(20));

  EXPECT_FALSE(st.attached);
  EXPECT_EQ(st.attach_error,
            "vdev rsc is truncated: 2 vrings and config_len 0 need 64 bytes, 40 left");
  EXPECT_EQ(st.attach_error_address, kVdev);
}

TEST(LinuxAttach, VringDaOutsideItsCarveoutFailsTheAttach) {
  PlatformFixture f;
  sw::shm::ZephyrTableParams p = PlatformFixture::reference_table();
  p.vring0_da = 0x200c7000; // below vdev0vring0
  f.load_zephyr_table(kTable, p);
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  f.run(ms(50));

  EXPECT_FALSE(st.attached);
  EXPECT_TRUE(contains(st.attach_error, "doesn't fit da request")) << st.attach_error;
  EXPECT_EQ(st.attach_error_address, kVdev + sw::shm::rsc::kVdevVrings);
  const std::string console = f.console(Side::kMaster);
  EXPECT_TRUE(contains(console, "tcc-rproc tcc-rproc: Registered carveout doesn't fit da request"))
      << console;
  EXPECT_TRUE(contains(console, "Failed to process resources: -12"));
}

TEST(LinuxAttach, NonRpmsgVdevGetsNoDriverAndStaysAtAcknowledge) {
  PlatformFixture f;
  f.load_zephyr_table();
  f.load(kVdev + sw::shm::rsc::kVdevId, {5, 0, 0, 0});
  LinuxStatus st;
  boot_linux(f, quiet_linux(), {}, st);
  f.run(ms(20));

  EXPECT_TRUE(st.attached);
  EXPECT_FALSE(st.rpmsg_online);
  EXPECT_EQ(peek_le<std::uint8_t>(f, kVdev + sw::shm::rsc::kVdevStatus),
            sw::shm::rsc::kStatusAcknowledge);
  EXPECT_EQ(st.kicks_sent, 0u);
}

TEST(LinuxAttach, BufferPoolTooSmallFailsTheRpmsgProbeButNotTheAttach) {
  PlatformFixture f;
  sw::shm::ZephyrTableParams p = PlatformFixture::reference_table();
  p.vring_num = 32; // 64 buffers = 32 KiB, vdev0buffer holds 16 KiB
  f.load_zephyr_table(kTable, p);
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  f.run(ms(50));

  EXPECT_TRUE(st.attached);
  EXPECT_FALSE(st.rpmsg_online);
  EXPECT_EQ(peek_le<std::uint8_t>(f, kVdev + sw::shm::rsc::kVdevStatus),
            sw::shm::rsc::kStatusFailed | sw::shm::rsc::kStatusDriver |
                sw::shm::rsc::kStatusAcknowledge);
  EXPECT_TRUE(contains(f.console(Side::kMaster),
                       "virtio_rpmsg_bus: probe of virtio0 failed with error -12"))
      << f.console(Side::kMaster);
}

TEST(LinuxAttach, VringLengthNotAPowerOfTwoIsFreedInTheTable) {
  PlatformFixture f;
  sw::shm::ZephyrTableParams p = PlatformFixture::reference_table();
  p.vring_num = 6;
  f.load_zephyr_table(kTable, p);
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  f.run(ms(50));

  EXPECT_FALSE(st.rpmsg_online);
  const std::uint64_t v0 = kVdev + sw::shm::rsc::kVdevVrings;
  // rproc_free_vring: da = 0, notifyid = -1.
  EXPECT_EQ(peek_le<std::uint32_t>(f, v0 + sw::shm::rsc::kVringDa), 0u);
  EXPECT_EQ(peek_le<std::uint32_t>(f, v0 + sw::shm::rsc::kVringNotifyId), 0xffffffffu);
  const std::string console = f.console(Side::kMaster);
  EXPECT_TRUE(contains(console, "virtio_rpmsg_bus virtio0: Bad virtqueue length 6")) << console;
  EXPECT_TRUE(contains(console, "virtio_rpmsg_bus virtio0: vring_new_virtqueue input failed"));
}

} // namespace
} // namespace sim::test
