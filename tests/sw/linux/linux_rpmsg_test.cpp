// SPDX-License-Identifier: Apache-2.0
// virtio_rpmsg_bus and the mailbox client of the Linux model against a scripted remote: name
// service, TX buffer exhaustion, the RX error paths and the mailbox framework's queue. One
// simulation per TEST.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "sw/shm/layout.h"
#include "sw/shm/ns_message.h"
#include "tests/sw/linux/linux_test_util.h"
#include "tests/sw/linux/scripted_remote.h"

namespace sim::test {
namespace {

using sw::lnx::LinuxOptions;
using sw::lnx::LinuxStatus;
using sw::lnx::RpmsgDevice;

TEST(LinuxRpmsg, NameServiceCreatesChannelsAndProbesTheDriverByName) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  RecordingDriver drv("test-channel");
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {&drv}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) {
    r.send_ns("test-channel", 0x401);
    // Bytes behind the NUL are garbage on real senders; Linux forces name[31] = 0 in place.
    const sw::shm::NsMessageBytes m = sw::shm::encode_ns_message({"no-driver", 0x402, 0}, 0xaa);
    r.send(0x402, sw::shm::kRpmsgNsAddress, m.data(), m.size());
  });
  f.run(ms(100));

  EXPECT_EQ(st.channels_created, (std::vector<std::string>{"test-channel", "no-driver"}));
  ASSERT_EQ(drv.probed.size(), 1u);
  EXPECT_EQ(drv.probed[0].name, "test-channel");
  EXPECT_EQ(drv.probed[0].src, 0x400u); // the first dynamic endpoint
  EXPECT_EQ(drv.probed[0].dst, 0x401u);
  EXPECT_EQ(drv.probed[0].dev_name, "virtio0.test-channel.-1.1025");
  const std::string console = f.console(Side::kMaster);
  EXPECT_TRUE(
      contains(console, "virtio_rpmsg_bus virtio0: creating channel test-channel addr 0x401"))
      << console;
  EXPECT_TRUE(contains(console, "virtio_rpmsg_bus virtio0: creating channel no-driver addr 0x402"));
  const std::uint64_t second_payload = kBuffers + 512 + sw::shm::kRpmsgPayload;
  EXPECT_EQ(peek_le<std::uint8_t>(f, second_payload + 30), 0xaa);
  EXPECT_EQ(peek_le<std::uint8_t>(f, second_payload + 31), 0);
  EXPECT_EQ(st.rx_messages, 2u);
  // Both buffers went back to the remote.
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring0 + kLayout.avail_idx()), 10);
}

TEST(LinuxRpmsg, NameServiceDestroyRemovesTheChannel) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  RecordingDriver drv("test-channel");
  LinuxStatus st;
  boot_linux(f, quiet_linux(), {&drv}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) {
    r.send_ns("test-channel", 0x401);
    r.hal().sleep(5 * hal::kMs);
    r.send_ns("test-channel", 0x401, sw::shm::kRpmsgNsDestroy);
  });
  f.run(ms(50));

  EXPECT_EQ(drv.probed.size(), 1u);
  EXPECT_EQ(drv.removed, 1);
  EXPECT_EQ(st.channels_destroyed, (std::vector<std::string>{"test-channel"}));
  ASSERT_NE(drv.device, nullptr);
  EXPECT_EQ(drv.device->send("x", 1), sw::lnx::kEinval); // its endpoint is gone
}

TEST(LinuxRpmsg, TrysendIsEnomemOnceTheEightTxBuffersAreOut) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  RecordingDriver drv("sink");
  std::vector<int> results;
  drv.on_probe = [&results](RpmsgDevice& dev) {
    for (int i = 0; i < 9; ++i) results.push_back(dev.trysend("ping", 4));
    return 0;
  };
  LinuxStatus st;
  boot_linux(f, quiet_linux(), {&drv}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) { r.send_ns("sink", 0x400); });
  f.run(ms(50));

  EXPECT_EQ(results, (std::vector<int>{0, 0, 0, 0, 0, 0, 0, 0, sw::lnx::kEnomem}));
  EXPECT_EQ(st.tx_messages, 8u);
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring1 + kLayout.avail_idx()), 8);
  // TX buffers are the second half of the pool, handed out in order, desc.len = 16 + payload.
  const std::uint64_t d = kVring1 + kLayout.desc(0);
  EXPECT_EQ(peek_le<std::uint64_t>(f, d + sw::shm::kVringDescAddr), kBuffers + 8 * 512u);
  EXPECT_EQ(peek_le<std::uint32_t>(f, d + sw::shm::kVringDescLen), 20u);
  EXPECT_EQ(peek_le<std::uint16_t>(f, d + sw::shm::kVringDescFlags), 0);
  EXPECT_EQ(peek(f, kBuffers + 8 * 512u, 20),
            (std::vector<std::uint8_t>{0x00, 0x04, 0, 0, 0x00, 0x04, 0,   0,   0,   0,
                                       0,    0,    4, 0, 0,    0,    'p', 'i', 'n', 'g'}));
}

TEST(LinuxRpmsg, BlockingSendTimesOutWithErestartsys) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  RecordingDriver drv("sink");
  int result = 0;
  hal::SimTime waited = 0;
  drv.on_probe = [&](RpmsgDevice& dev) {
    for (int i = 0; i < 8; ++i) dev.send("ping", 4);
    const hal::SimTime t0 = dev.hal().now();
    result = dev.send("ping", 4);
    waited = dev.hal().now() - t0;
    return 0;
  };
  LinuxOptions o;
  o.send_timeout = 50 * hal::kMs;
  LinuxStatus st;
  boot_linux(f, o, {&drv}, st);
  std::unique_ptr<ScriptedRemote> remote;
  bool sleeper_seen = false;
  boot_remote(f, remote, [&sleeper_seen](ScriptedRemote& r) {
    r.send_ns("sink", 0x400);
    // The sleeping sender enables TX-complete interrupts: vring1 avail.flags drops to 0.
    const hal::Addr flags = r.vring1().at(kLayout.avail_flags());
    sleeper_seen = r.hal().poll(
        flags, 2, [&r] { return r.vring1().avail_flags() == 0; }, 100 * hal::kMs);
  });
  f.run(ms(150));

  EXPECT_EQ(result, sw::lnx::kErestartsys);
  EXPECT_GE(waited, 50 * hal::kMs);
  EXPECT_LT(waited, 60 * hal::kMs);
  EXPECT_EQ(st.tx_timeouts, 1u);
  EXPECT_TRUE(sleeper_seen);
  // The last sleeper left: NO_INTERRUPT again.
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring1 + kLayout.avail_flags()), 1);
  EXPECT_TRUE(
      contains(f.console(Side::kMaster), "virtio0.sink.-1.1024: timeout waiting for a tx buffer"))
      << f.console(Side::kMaster);
}

TEST(LinuxRpmsg, SendFromTheRxWorkSleepsTheFullTimeoutEvenWhenTheRemoteFreesABuffer) {
  // The remote's vring1 kick queues the very work item that is blocked in rpmsg_send (the
  // driver's probe runs in it), so nobody wakes sendq: only the final check at the timeout
  // finds the returned buffer, as wait_event_interruptible_timeout's does.
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  RecordingDriver drv("sink");
  int result = 1;
  hal::SimTime waited = 0;
  drv.on_probe = [&](RpmsgDevice& dev) {
    for (int i = 0; i < 8; ++i) dev.send("ping", 4);
    const hal::SimTime t0 = dev.hal().now();
    result = dev.send("ping", 4);
    waited = dev.hal().now() - t0;
    return 0;
  };
  LinuxOptions o = quiet_linux();
  o.send_timeout = 50 * hal::kMs;
  LinuxStatus st;
  boot_linux(f, o, {&drv}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) {
    r.send_ns("sink", 0x400);
    auto b = r.wait_vring1_buffer(50 * hal::kMs);
    if (!b) return;
    const hal::Addr flags = r.vring1().at(kLayout.avail_flags());
    r.hal().poll(
        flags, 2, [&r] { return r.vring1().avail_flags() == 0; }, 50 * hal::kMs);
    // Past the sender's last look at the ring before it sleeps (wait_event checks first).
    r.hal().sleep(hal::kMs);
    r.return_vring1_buffer(*b);
    r.kick(1);
  });
  f.run(ms(150));

  EXPECT_EQ(result, 0);
  EXPECT_GE(waited, 50 * hal::kMs);
  EXPECT_EQ(st.tx_timeouts, 0u);
  EXPECT_EQ(st.tx_messages, 9u);
}

TEST(LinuxRpmsg, MessageWithNoRecipientIsDroppedAndItsBufferReposted) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) {
    r.send(0x400, 0x999, "abc", 3);
    r.wait_words(2, 20 * hal::kMs);
  });
  f.run(ms(50));

  EXPECT_EQ(st.rx_no_recipient, 1u);
  EXPECT_EQ(st.rx_messages, 0u);
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring0 + kLayout.avail_idx()), 9);
  EXPECT_TRUE(contains(f.console(Side::kMaster),
                       "virtio_rpmsg_bus virtio0: msg received with no recipient"));
  // The buffer went back and vring0's used.flags allowed it: Linux kicked notify id 0 again
  // (the OpenAMP remote sets NO_NOTIFY there, so this kick never happens against it).
  EXPECT_EQ(remote->words(), (std::vector<std::uint32_t>{0, 0}));
}

TEST(LinuxRpmsg, InboundMessageTooBigLeaksItsRxBuffer) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) {
    const sw::shm::NsMessageBytes m = sw::shm::encode_ns_message({"late", 0x401, 0});
    r.send(0x401, sw::shm::kRpmsgNsAddress, m.data(), m.size(), std::uint16_t{600});
    r.hal().sleep(20 * hal::kMs);
    r.send_ns("late", 0x401);
  });
  f.run(ms(60));

  EXPECT_EQ(st.rx_too_big, 1u);
  EXPECT_TRUE(contains(f.console(Side::kMaster),
                       "virtio_rpmsg_bus virtio0: inbound msg too big: (512, 600)"))
      << f.console(Side::kMaster);
  // The good message was handled and re-posted; the bad one's buffer never came back.
  EXPECT_EQ(st.channels_created, (std::vector<std::string>{"late"}));
  EXPECT_EQ(peek_le<std::uint16_t>(f, kVring0 + kLayout.avail_idx()), 9);
}

TEST(LinuxRpmsg, UsedIdOutOfRangeBreaksTheRxQueue) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) {
    r.publish_used(r.vring0(), 9, 512); // a head that was never posted
    r.kick(0);
  });
  f.run(ms(50));

  EXPECT_TRUE(st.vq_broken);
  EXPECT_EQ(st.rx_no_used_buffer, 1u);
  const std::string console = f.console(Side::kMaster);
  EXPECT_TRUE(contains(console, "virtio_rpmsg_bus virtio0: input:id 9 out of range")) << console;
  EXPECT_TRUE(
      contains(console, "virtio_rpmsg_bus virtio0: uhm, incoming signal, but no used buffer ?"));
}

TEST(LinuxRpmsg, MailboxQueueOverflowsWithEnobufsWhenTheRemoteNeverDrainsIt) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  RecordingDriver drv("flood");
  std::vector<int> results;
  drv.on_probe = [&results](RpmsgDevice& dev) {
    dev.hal().os().spawn({"flood", 20, false, 0}, [&results, &dev] {
      for (int i = 0; i < 30; ++i) {
        int ret = dev.trysend("x", 1);
        while (ret == sw::lnx::kEnomem) { // wait for the remote to recycle a buffer
          dev.hal().sleep(20 * hal::kUs);
          ret = dev.trysend("x", 1);
        }
        results.push_back(ret);
      }
    });
    return 0;
  };
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {&drv}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(
      f, remote,
      [](ScriptedRemote& r) {
        // Like OpenAMP: no notification when Linux returns RX buffers.
        r.vring0().set_used_flags(sw::shm::kVringUsedFNoNotify);
        r.send_ns("flood", 0x400);
        for (int i = 0; i < 30; ++i) {
          auto b = r.wait_vring1_buffer(100 * hal::kMs);
          if (!b) return;
          r.return_vring1_buffer(*b);
        }
      },
      /*mailbox=*/false);
  f.run(ms(400));

  EXPECT_EQ(results, std::vector<int>(30, 0)); // a lost kick does not fail the send
  // The probe's kick is in flight forever, 20 more wait in the queue, the rest are -ENOBUFS.
  EXPECT_EQ(st.kicks_sent, 21u);
  EXPECT_EQ(st.kicks_lost, 10u);
  const std::string console = f.console(Side::kMaster);
  EXPECT_TRUE(contains(console, "tcc-mailbox 17470000.mbox: Try increasing MBOX_TX_QUEUE_LEN"))
      << console;
  EXPECT_TRUE(contains(console, "remoteproc remoteproc0: tcc_rproc_kick: failed (vq1, err:-105)"));
}

} // namespace
} // namespace sim::test
