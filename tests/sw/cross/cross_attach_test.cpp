// SPDX-License-Identifier: Apache-2.0
// Linux and Zephyr booted against each other on the fake board: the attach (status 0 -> 7 in the
// remote's table, vrings and notify ids, RX buffers posted) and the name service (the stock
// responder's announcement creates the channel and probes Linux's rpmsg_client_sample).
#include <gtest/gtest.h>

#include "models/mailbox/mailbox_link.h"
#include "sw/apps/linux/rpmsg_client_sample.h"
#include "sw/apps/zephyr/client_sample_responder.h"
#include "tests/sw/cross/cross_rig.h"

namespace sim::test {
namespace {

namespace rsc = sw::shm::rsc;
using hal::kMs;
using models::Terminal;

constexpr std::uint64_t kTable = 0x200c63b8;
constexpr std::uint64_t kVdev = kTable + 0x14;
constexpr std::uint64_t kVring0 = 0x200c8000;
constexpr std::uint64_t kVring1 = 0x200c9000;
constexpr std::uint64_t kBuffers = 0x200ca000; // vdev0buffer: 8 RX then 8 TX buffers of 512 B
const sw::shm::VringLayout kRing{8, 16};

TEST(CrossAttach, LinuxAttachesAndTheRemoteSeesDriverOk) {
  CrossRig rig;
  rig.boot({}, {});
  rig.board.run_until(20 * kMs);

  rig.expect_no_panic();
  EXPECT_TRUE(rig.linux_status.attached);
  EXPECT_TRUE(rig.linux_status.rpmsg_online);
  EXPECT_EQ(rig.linux_status.attach_error, "");
  EXPECT_TRUE(rig.zephyr_status.driver_ok_seen);
  EXPECT_TRUE(rig.zephyr_status.rpmsg_ready);
  EXPECT_EQ(rig.zephyr_status.error, "");

  // The table: ACKNOWLEDGE | DRIVER | DRIVER_OK, the NS feature negotiated, the vrings Linux
  // found at the image's static addresses with notify ids 0 and 1.
  EXPECT_EQ(rig.status_addr(), kVdev + rsc::kVdevStatus);
  EXPECT_EQ(rig.board.peek_le<std::uint8_t>(kVdev + rsc::kVdevStatus), 7);
  EXPECT_EQ(rig.board.peek_le<std::uint32_t>(kVdev + rsc::kVdevGfeatures), rsc::kFeatureNs);
  const std::uint64_t v0 = kVdev + rsc::kVdevVrings;
  const std::uint64_t v1 = v0 + rsc::kVringSize;
  EXPECT_EQ(rig.board.peek_le<std::uint32_t>(v0 + rsc::kVringDa), kVring0);
  EXPECT_EQ(rig.board.peek_le<std::uint32_t>(v0 + rsc::kVringNotifyId), 0u);
  EXPECT_EQ(rig.board.peek_le<std::uint32_t>(v1 + rsc::kVringDa), kVring1);
  EXPECT_EQ(rig.board.peek_le<std::uint32_t>(v1 + rsc::kVringNotifyId), 1u);

  // vring0 (remote -> Linux): Linux posted its 8 RX buffers, the first half of vdev0buffer; the
  // remote took none (nothing to send) and suppressed the kicks for returned buffers.
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring0 + kRing.avail_idx()), 8);
  for (unsigned i = 0; i < 8; ++i) {
    const std::uint64_t d = kVring0 + kRing.desc(i);
    EXPECT_EQ(rig.board.peek_le<std::uint64_t>(d + sw::shm::kVringDescAddr), kBuffers + 512u * i);
    EXPECT_EQ(rig.board.peek_le<std::uint32_t>(d + sw::shm::kVringDescLen), 512u);
  }
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring0 + kRing.used_idx()), 0);
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring0 + kRing.used_flags()),
            sw::shm::kVringUsedFNoNotify);
  // vring1 (Linux -> remote): empty, Linux's TX-complete interrupts off.
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring1 + kRing.avail_idx()), 0);
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring1 + kRing.avail_flags()),
            sw::shm::kVringAvailFNoInterrupt);

  // One kick from Linux (vring0's notify id after posting the RX buffers), through the mailbox
  // core to the remote's IPM interrupt; the remote kicked nothing back.
  EXPECT_EQ(rig.linux_status.kicks_sent, 1u);
  EXPECT_EQ(rig.linux_status.kicks_lost, 0u);
  const models::MailboxDirectionStats& to_remote = rig.board.mailbox().stats(Terminal::kB);
  EXPECT_EQ(to_remote.kicks, 1u);
  EXPECT_EQ(to_remote.cmd_words_popped, 1u);
  EXPECT_EQ(rig.zephyr_status.ipm_interrupts, 1u);
  EXPECT_EQ(rig.zephyr_status.kicks_sent, 0u);
  EXPECT_EQ(rig.board.mailbox().stats(Terminal::kA).kicks, 0u);

  const std::string& dmesg = rig.console(Side::kMaster);
  EXPECT_TRUE(contains(dmesg, "remoteproc remoteproc0: attaching to tcc-rproc\n")) << dmesg;
  EXPECT_TRUE(contains(dmesg, "virtio_rpmsg_bus virtio0: rpmsg host is online\n")) << dmesg;
  EXPECT_TRUE(contains(dmesg, "remote processor tcc-rproc is now attached\n")) << dmesg;
  EXPECT_TRUE(contains(rig.console(Side::kRemote), "OpenAMP[remote] Linux responder demo started"));
}

TEST(CrossAttach, StockResponderAnnouncementCreatesTheChannelAndProbesTheClientSample) {
  CrossRig rig;
  sw::apps::RpmsgClientSampleOptions sample_options;
  sample_options.count = 1;
  sw::apps::RpmsgClientSample sample(sample_options);
  sw::apps::ClientSampleResponder responder;
  rig.boot({&sample}, {&responder});
  rig.board.run_until(20 * kMs);

  rig.expect_no_panic();
  // The remote's endpoint got the first free address (0x400) and its NS CREATE reached Linux.
  EXPECT_EQ(responder.status().create_status, 0);
  EXPECT_EQ(rig.linux_status.channels_created, (std::vector<std::string>{"rpmsg-client-sample"}));
  EXPECT_TRUE(rig.linux_status.channels_destroyed.empty());
  const std::string& dmesg = rig.console(Side::kMaster);
  EXPECT_TRUE(contains(
      dmesg, "virtio_rpmsg_bus virtio0: creating channel rpmsg-client-sample addr 0x400\n"))
      << dmesg;
  // The driver was probed on the channel: Linux's endpoint 0x400 talks to the remote's 0x400.
  EXPECT_TRUE(contains(
      dmesg, "rpmsg_client_sample virtio0.rpmsg-client-sample.-1.1024: new channel: 0x400 -> "
             "0x400!\n"))
      << dmesg;
  EXPECT_EQ(sample.sent(), 1u);
  const auto notes = rig.probes(Side::kMaster, hal::ProbeKind::kNote);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].reason, "rpmsg channel created: rpmsg-client-sample");
  // The NS message was the remote's first TX buffer: one used entry in vring0, given back.
  EXPECT_EQ(rig.zephyr_status.tx_buffers, 2u); // the announcement, then the echo of count=1
  EXPECT_EQ(rig.linux_status.rx_no_recipient, 0u);
}

} // namespace
} // namespace sim::test
