// SPDX-License-Identifier: Apache-2.0
// Ping-pong between Linux's rpmsg_client_sample (count = 3) and Zephyr's stock responder on the
// fake board: three "hello world!" out, three echoes back, "goodbye!", and what one stack reports
// published the other reports read (same buffers, headers and payload digests).
#include <gtest/gtest.h>

#include <cstring>

#include "sw/apps/linux/rpmsg_client_sample.h"
#include "sw/apps/zephyr/client_sample_responder.h"
#include "tests/sw/cross/cross_rig.h"

namespace sim::test {
namespace {

using hal::kMs;
using hal::ProbeKind;

constexpr const char* kHello = sw::apps::RpmsgClientSample::kMessage;
const std::uint64_t kHelloDigest = hal::payload_digest(kHello, std::strlen(kHello));

struct Msg {
  std::uint64_t buffer;
  std::uint32_t src;
  std::uint32_t dst;
  std::uint64_t digest;
  std::uint32_t length;
  bool operator==(const Msg& o) const {
    return buffer == o.buffer && src == o.src && dst == o.dst && digest == o.digest &&
           length == o.length;
  }
};

std::ostream& operator<<(std::ostream& os, const Msg& m) {
  return os << "{" << std::hex << m.buffer << " " << m.src << "->" << m.dst << " " << m.digest
            << std::dec << " " << m.length << "}";
}

/// Application messages (not the name service's) a side reported `kind` of.
std::vector<Msg> messages(CrossRig& rig, Side side, ProbeKind kind) {
  std::vector<Msg> out;
  for (const FakeHal::Probe& p : rig.probes(side, kind))
    if (p.dst != 53) out.push_back({p.address, p.src, p.dst, p.digest, p.length});
  return out;
}

TEST(CrossPingPong, ClientSampleCountThreeGetsThreeEchoesAndSaysGoodbye) {
  CrossRig rig;
  hal::SimTime done_at = 0;
  sw::apps::RpmsgClientSampleOptions sample_options;
  sample_options.count = 3;
  sw::apps::RpmsgClientSample sample(sample_options, [&] { done_at = rig.board.now(); });
  sw::apps::ClientSampleResponder responder;
  rig.boot({&sample}, {&responder});
  rig.board.run_until(50 * kMs);

  rig.expect_no_panic();
  EXPECT_TRUE(sample.done());
  EXPECT_GT(done_at, 0u);
  EXPECT_EQ(sample.sent(), 3u);
  EXPECT_EQ(sample.received(), 3u);
  const std::string& dmesg = rig.console(Side::kMaster);
  const std::string dev = "rpmsg_client_sample virtio0.rpmsg-client-sample.-1.1024: ";
  for (int i = 1; i <= 3; ++i)
    EXPECT_TRUE(contains(dmesg, dev + "incoming msg " + std::to_string(i) + " (src: 0x400)\n"))
        << dmesg;
  EXPECT_TRUE(contains(dmesg, dev + "goodbye!\n")) << dmesg;
  EXPECT_FALSE(contains(dmesg, "incoming msg 4")) << dmesg;

  // The responder took and echoed each message once; it still waits for its 100th.
  EXPECT_EQ(responder.status().msg_cnt, 3u);
  EXPECT_EQ(responder.status().callbacks, 3u);
  EXPECT_EQ(responder.status().slot_overwritten, 0u);
  EXPECT_EQ(responder.status().echo_failures, 0u);
  EXPECT_FALSE(responder.status().ended);
  // Its log (Zephyr 3.7, deferred) took 5 statements at boot and 3 a round, dropping none; the
  // log thread prints them at 115200 Bd long after these 50 ms.
  EXPECT_EQ(rig.zephyr_status.log_messages, 14u);
  EXPECT_EQ(rig.zephyr_status.log_dropped, 0u);
  EXPECT_TRUE(contains(rig.console(Side::kRemote), "OpenAMP[remote] Linux responder demo started"));

  // What the ledger is told: each side reads exactly what the other published (buffer, header,
  // payload), three each way; nothing dropped on either side.
  const std::vector<Msg> out = messages(rig, Side::kMaster, ProbeKind::kTxPublished);
  ASSERT_EQ(out.size(), 3u);
  for (const Msg& m : out) EXPECT_EQ(m.digest, kHelloDigest);
  EXPECT_EQ(messages(rig, Side::kRemote, ProbeKind::kRxHanded), out);
  const std::vector<Msg> back = messages(rig, Side::kRemote, ProbeKind::kTxPublished);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(messages(rig, Side::kMaster, ProbeKind::kRxHanded), back);
  for (Side side : kSides) {
    EXPECT_TRUE(rig.probes(side, ProbeKind::kTxFailed).empty());
    EXPECT_TRUE(rig.probes(side, ProbeKind::kRxDropped).empty());
    EXPECT_TRUE(rig.probes(side, ProbeKind::kAppDropped).empty());
  }

  // The rings: Linux queued 3 messages on vring1, the remote returned all 3 buffers; the remote
  // used 4 RX buffers of Linux (the NS announcement and 3 echoes), all re-posted.
  EXPECT_EQ(rig.linux_status.tx_messages, 3u);
  EXPECT_EQ(rig.linux_status.rx_messages, 4u);
  EXPECT_EQ(rig.zephyr_status.rx_buffers, 3u);
  EXPECT_EQ(rig.zephyr_status.tx_buffers, 4u);
  EXPECT_EQ(rig.zephyr_status.rx_no_endpoint, 0u);
  EXPECT_EQ(rig.linux_status.tx_timeouts, 0u);
}

TEST(CrossPingPong, IsDeterministic) {
  // Two runs of the same boot produce the same console text and finish at the same virtual time.
  std::string dmesg[2];
  hal::SimTime done[2] = {0, 0};
  for (int run = 0; run < 2; ++run) {
    CrossRig rig;
    sw::apps::RpmsgClientSampleOptions o;
    o.count = 3;
    sw::apps::RpmsgClientSample sample(o, [&] { done[run] = rig.board.now(); });
    sw::apps::ClientSampleResponder responder;
    rig.boot({&sample}, {&responder});
    rig.board.run_until(50 * kMs);
    dmesg[run] = rig.console(Side::kMaster) + "|" + rig.console(Side::kRemote);
  }
  EXPECT_EQ(dmesg[0], dmesg[1]);
  EXPECT_EQ(done[0], done[1]);
  EXPECT_GT(done[0], 0u);
}

} // namespace
} // namespace sim::test
