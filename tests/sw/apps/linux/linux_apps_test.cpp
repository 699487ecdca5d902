// SPDX-License-Identifier: Apache-2.0
// The Linux applications (sw/apps/linux) on the Linux model against a scripted remote: the
// kernel's rpmsg_client_sample and the stream sender. One simulation per TEST.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "sw/apps/linux/rpmsg_client_sample.h"
#include "sw/apps/linux/stream_sender.h"
#include "sw/shm/layout.h"
#include "tests/support/recorded_probe.h"
#include "tests/sw/linux/linux_test_util.h"
#include "tests/sw/linux/scripted_remote.h"

namespace sim::test {
namespace {

using sw::lnx::LinuxOptions;
using sw::lnx::LinuxStatus;
using sw::lnx::RpmsgDevice;

TEST(LinuxApps, ClientSamplePingPongsThreeMessagesAndSaysGoodbye) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  struct Recorder : models::ProbeSink {
    std::vector<RecordedProbe> events;
    void on_probe(Side, const std::string& thread, const hal::ProbeEvent& e,
                  std::uint64_t t) override {
      events.push_back(record_probe(e, thread, t));
    }
  } linux_probes;
  f.platform().cluster(Side::kMaster).set_probe_sink(&linux_probes);
  bool done = false;
  sw::apps::RpmsgClientSample sample({3}, [&] { done = true; });
  LinuxStatus st;
  boot_linux(f, LinuxOptions{}, {&sample}, st);
  std::unique_ptr<ScriptedRemote> remote;
  std::vector<std::string> echoed;
  boot_remote(f, remote, [&echoed](ScriptedRemote& r) {
    r.send_ns("rpmsg-client-sample", 0x400);
    // An echo responder: what the Zephyr sample does.
    for (std::uint64_t k = 1; k <= 3; ++k) {
      auto b = r.wait_vring1_buffer(100 * hal::kMs);
      if (!b) return;
      ScriptedRemote::Message m = r.read_message(*b);
      r.return_vring1_buffer(*b);
      echoed.emplace_back(m.payload.begin(), m.payload.end());
      r.send(0x400, m.hdr.src, m.payload.data(), m.payload.size());
    }
  });
  f.run(ms(200));

  EXPECT_TRUE(done);
  EXPECT_EQ(sample.sent(), 3u);
  EXPECT_EQ(sample.received(), 3u);
  EXPECT_EQ(echoed, (std::vector<std::string>(3, "hello world!")));
  // What the stack told the ledger: three sends from the channel's endpoint published into
  // vring1, three replies handed to it (the application reports nothing of its own).
  const std::uint64_t hello = hal::payload_digest("hello world!", 12);
  const auto published = probes_of(linux_probes.events, hal::ProbeKind::kTxPublished);
  ASSERT_EQ(published.size(), 3u);
  for (const RecordedProbe& p : published) {
    EXPECT_EQ(p.src, 0x400u);
    EXPECT_EQ(p.dst, 0x400u);
    EXPECT_EQ(p.digest, hello);
    EXPECT_EQ(p.name, "vring1");
  }
  EXPECT_EQ(probes_of(linux_probes.events, hal::ProbeKind::kTxStart).size(), 3u);
  const auto handed = probes_of(linux_probes.events, hal::ProbeKind::kRxHanded);
  ASSERT_EQ(handed.size(), 4u); // the name-service announcement, then the three replies
  EXPECT_EQ(handed[0].dst, 53u);
  EXPECT_EQ(handed[3].digest, hello);
  EXPECT_TRUE(probes_of(linux_probes.events, hal::ProbeKind::kAppConsumed).empty());
  const std::string console = f.console(Side::kMaster);
  const std::string dev = "rpmsg_client_sample virtio0.rpmsg-client-sample.-1.1024: ";
  EXPECT_TRUE(contains(console, dev + "new channel: 0x400 -> 0x400!")) << console;
  EXPECT_TRUE(contains(console, dev + "incoming msg 1 (src: 0x400)"));
  EXPECT_TRUE(contains(console, dev + "incoming msg 3 (src: 0x400)"));
  EXPECT_TRUE(contains(console, dev + "goodbye!"));
  EXPECT_FALSE(contains(console, "incoming msg 4"));
}

TEST(LinuxApps, StreamSenderCountsPlainEchoesAndTtyPrefixedRepliesButNothingElse) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  sw::apps::StreamSenderOptions so;
  so.channel = "stream";
  so.count = 3;
  sw::apps::StreamSender sender(so, {});
  LinuxStatus st;
  boot_linux(f, quiet_linux(), {&sender}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [&so](ScriptedRemote& r) {
    r.send_ns("stream", 0x400);
    for (std::uint32_t seq = 1; seq <= 3; ++seq) {
      auto b = r.wait_vring1_buffer(50 * hal::kMs);
      if (!b) return;
      r.return_vring1_buffer(*b);
    }
    const std::vector<std::uint8_t> m1 = sw::apps::stream_payload(1, 16, so.magic);
    r.send(0x400, 0x400, m1.data(), m1.size()); // a plain echo
    std::string tty = "TTY 0x0400: ";
    const std::vector<std::uint8_t> m2 = sw::apps::stream_payload(2, 16, so.magic);
    std::vector<std::uint8_t> reply(tty.begin(), tty.end());
    reply.insert(reply.end(), m2.begin(), m2.end());
    r.send(0x400, 0x400, reply.data(), reply.size()); // the TTY responder's answer
    std::vector<std::uint8_t> other = sw::apps::stream_payload(3, 16, so.magic ^ 1);
    r.send(0x400, 0x400, other.data(), other.size()); // someone else's message
  });
  f.run(ms(100));

  EXPECT_EQ(sender.sent(), 3u);
  EXPECT_EQ(sender.echoes(), 2u);
}

TEST(LinuxApps, StreamSenderBlockedSendWakesOnTheRemotesVring1Kick) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  sw::apps::StreamSenderOptions so;
  so.channel = "stream";
  so.count = 12;
  bool done = false;
  sw::apps::StreamSender sender(so, [&] { done = true; });
  LinuxStatus st;
  boot_linux(f, quiet_linux(), {&sender}, st);
  std::unique_ptr<ScriptedRemote> remote;
  std::vector<std::vector<std::uint8_t>> got;
  boot_remote(f, remote, [&got](ScriptedRemote& r) {
    r.send_ns("stream", 0x400);
    std::vector<ScriptedRemote::Buffer> held;
    while (held.size() < 8) {
      auto b = r.wait_vring1_buffer(50 * hal::kMs);
      if (!b) return;
      held.push_back(*b);
    }
    // Wait for the sleeper (avail.flags 0), then free everything and kick vring1 once.
    const hal::Addr flags = r.vring1().at(kLayout.avail_flags());
    r.hal().poll(
        flags, 2, [&r] { return r.vring1().avail_flags() == 0; }, 50 * hal::kMs);
    for (const auto& b : held) {
      got.push_back(r.read_message(b).payload);
      r.return_vring1_buffer(b);
    }
    r.kick(1);
    for (int i = 0; i < 4; ++i) {
      auto b = r.wait_vring1_buffer(50 * hal::kMs);
      if (!b) return;
      got.push_back(r.read_message(*b).payload);
      r.return_vring1_buffer(*b);
    }
  });
  f.run(ms(100));

  EXPECT_TRUE(done);
  EXPECT_EQ(sender.sent(), 12u);
  EXPECT_EQ(sender.dropped(), 0u);
  EXPECT_EQ(st.tx_timeouts, 0u);
  ASSERT_EQ(got.size(), 12u);
  for (std::uint32_t i = 0; i < 12; ++i)
    EXPECT_EQ(got[i], sw::apps::stream_payload(i + 1, 16, so.magic)) << i;
}

} // namespace
} // namespace sim::test
