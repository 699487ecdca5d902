// SPDX-License-Identifier: Apache-2.0
// Linux running out of TX buffers against a Zephyr remote that keeps them, on the fake board:
// Linux owns 8 TX buffers (num_bufs = 2 x 8, second half); a buffer comes back only when the
// remote returns it through vring1's used ring. With every buffer held, rpmsg_send sleeps for
// send_timeout and gives up with -ERESTARTSYS, rpmsg_trysend fails at once with -ENOMEM. The stock
// TTY responder (real-bugs B9) leaks every held buffer of a burst but the last.
//
// Linux's software takes no virtual time on the fake board, so a back-to-back stream is one burst
// that completes before the remote handles the first kick.
#include <gtest/gtest.h>

#include "sw/apps/linux/stream_sender.h"
#include "sw/apps/zephyr/tty_responder.h"
#include "sw/shm/le_bytes.h"
#include "tests/sw/cross/cross_rig.h"

namespace sim::test {
namespace {

using hal::kMs;
using hal::ProbeKind;

constexpr std::uint64_t kVring1 = 0x200c9000; // Linux -> remote: Linux's TX buffers
const sw::shm::VringLayout kRing{8, 16};

/// A remote endpoint that holds every RX buffer and never releases one.
class HoldingRemote : public sw::zephyr::ZephyrApp {
public:
  hal::ThreadSpec thread() const override {
    return {"app_hold", sw::zephyr::k_prio_coop(7), true, 0};
  }
  void run(hal::Hal&, sw::zephyr::Rpmsg& rpmsg) override {
    sw::zephyr::Endpoint& ept = rpmsg.create_endpoint(
        "rpmsg-hold", sw::zephyr::kRpmsgAddrAny, sw::zephyr::kRpmsgAddrAny,
        [this](sw::zephyr::Endpoint& e, const void* data, std::size_t, std::uint32_t) {
          e.hold_rx_buffer(data);
          ++held;
          return 0;
        });
    create_status = ept.create_status();
  }
  unsigned held = 0;
  int create_status = -1;
};

struct StreamRun {
  explicit StreamRun(CrossRig& rig, const std::string& channel, bool blocking)
      : sender(options(channel, blocking), [this, &rig] { done_at = rig.board.now(); }) {}
  static sw::apps::StreamSenderOptions options(const std::string& channel, bool blocking) {
    sw::apps::StreamSenderOptions o;
    o.channel = channel;
    o.count = 10;
    o.blocking = blocking;
    o.payload_size = 16;
    return o;
  }
  sw::apps::StreamSender sender;
  hal::SimTime done_at = 0;
};

/// The stream sequence numbers (payload bytes 0..3) of probes that carry a payload, in order;
/// the name service's messages (to address 53) are left out.
std::vector<std::uint64_t> seqs(const std::vector<FakeHal::Probe>& probes) {
  std::vector<std::uint64_t> out;
  for (const FakeHal::Probe& p : probes)
    if (p.dst != 53 && p.data.size() >= 4) out.push_back(sw::shm::load_le32(p.data.data()));
  return out;
}

std::vector<std::string> reasons(const std::vector<FakeHal::Probe>& probes) {
  std::vector<std::string> out;
  for (const FakeHal::Probe& p : probes) out.push_back(p.reason);
  return out;
}

TEST(CrossTxExhaustion, BlockingSendTimesOutWhenTheRemoteHoldsEveryBuffer) {
  CrossRig rig;
  rig.linux_options.send_timeout = 50 * kMs;
  HoldingRemote remote;
  StreamRun run(rig, "rpmsg-hold", true);
  rig.boot({&run.sender}, {&remote});
  rig.board.run_until(300 * kMs);

  rig.expect_no_panic();
  EXPECT_EQ(remote.create_status, 0);
  EXPECT_EQ(remote.held, 8u);
  EXPECT_TRUE(run.sender.done());
  EXPECT_EQ(run.sender.sent(), 8u);
  EXPECT_EQ(run.sender.dropped(), 2u);
  // Messages 9 and 10 each waited the whole send_timeout for a buffer that never came back.
  EXPECT_EQ(rig.linux_status.tx_timeouts, 2u);
  EXPECT_EQ(rig.linux_status.tx_messages, 8u);
  EXPECT_GE(run.done_at, 100 * kMs);
  EXPECT_LT(run.done_at, 101 * kMs);
  // The stack reports ten sends started, eight published, two given up after waiting.
  EXPECT_EQ(seqs(rig.probes(Side::kMaster, ProbeKind::kTxStart)),
            (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(seqs(rig.probes(Side::kMaster, ProbeKind::kTxPublished)),
            (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(reasons(rig.probes(Side::kMaster, ProbeKind::kTxFailed)),
            (std::vector<std::string>{"tx_timeout", "tx_timeout"}));
  const std::string& dmesg = rig.console(Side::kMaster);
  std::size_t timeouts = 0;
  for (std::size_t at = dmesg.find("timeout waiting for a tx buffer"); at != std::string::npos;
       at = dmesg.find("timeout waiting for a tx buffer", at + 1))
    ++timeouts;
  EXPECT_EQ(timeouts, 2u) << dmesg;
  // The sleeper enabled TX-complete interrupts while it waited and turned them off again.
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring1 + kRing.avail_flags()),
            sw::shm::kVringAvailFNoInterrupt);
  EXPECT_EQ(rig.zephyr_status.rx_buffers, 8u);
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring1 + kRing.avail_idx()), 8);
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring1 + kRing.used_idx()), 0); // none came back
}

TEST(CrossTxExhaustion, TrysendGetsEnomemAtOnceWhenTheRemoteHoldsEveryBuffer) {
  CrossRig rig;
  rig.linux_options.send_timeout = 50 * kMs;
  HoldingRemote remote;
  StreamRun run(rig, "rpmsg-hold", false);
  rig.boot({&run.sender}, {&remote});
  rig.board.run_until(300 * kMs);

  rig.expect_no_panic();
  EXPECT_TRUE(run.sender.done());
  EXPECT_EQ(run.sender.sent(), 8u);
  EXPECT_EQ(run.sender.dropped(), 2u);
  EXPECT_EQ(rig.linux_status.tx_timeouts, 0u);
  EXPECT_LT(run.done_at, 1 * kMs); // no waiting at all
  EXPECT_EQ(reasons(rig.probes(Side::kMaster, ProbeKind::kTxFailed)),
            (std::vector<std::string>{"no_tx_buffer", "no_tx_buffer"}));
  EXPECT_FALSE(contains(rig.console(Side::kMaster), "timeout waiting"))
      << rig.console(Side::kMaster);
  // The remote got all eight and keeps them.
  EXPECT_EQ(remote.held, 8u);
  EXPECT_EQ(seqs(rig.probes(Side::kMaster, ProbeKind::kTxStart)),
            (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(seqs(rig.probes(Side::kRemote, ProbeKind::kRxHanded)),
            (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(CrossTxExhaustion, TtyResponderLeaksEveryHeldBufferOfABurstButTheLast) {
  CrossRig rig;
  rig.linux_options.send_timeout = 50 * kMs;
  sw::apps::TtyResponder tty;
  StreamRun run(rig, "rpmsg-tty", false);
  rig.boot({&run.sender}, {&tty});
  rig.board.run_until(300 * kMs);

  rig.expect_no_panic();
  // The burst: 8 buffers out, 2 trysends refused.
  EXPECT_EQ(run.sender.sent(), 8u);
  EXPECT_EQ(run.sender.dropped(), 2u);
  EXPECT_EQ(reasons(rig.probes(Side::kMaster, ProbeKind::kTxFailed)),
            (std::vector<std::string>{"no_tx_buffer", "no_tx_buffer"}));
  // One drain of vring1 ran all eight callbacks before the TTY thread: each overwrote the held
  // pointer, so buffers 1..7 are never released and only message 8 is answered.
  EXPECT_EQ(tty.status().callbacks, 8u);
  EXPECT_EQ(tty.status().leaked, 7u);
  EXPECT_EQ(tty.status().replies, 1u);
  const auto leaks = rig.probes(Side::kRemote, ProbeKind::kAppDropped);
  EXPECT_EQ(seqs(leaks), (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7}));
  for (const auto& l : leaks) EXPECT_EQ(l.reason, "held_buffer_leaked");
  EXPECT_EQ(rig.board.peek_le<std::uint16_t>(kVring1 + kRing.used_idx()), 1); // only message 8's
  // Linux got the NS announcement and the one reply ("TTY 0x0400: " + message 8).
  EXPECT_EQ(rig.linux_status.rx_messages, 2u);
  EXPECT_EQ(seqs(rig.probes(Side::kRemote, ProbeKind::kAppConsumed)),
            (std::vector<std::uint64_t>{8}));
  std::vector<FakeHal::Probe> replies;
  for (const auto& p : rig.probes(Side::kRemote, ProbeKind::kTxPublished))
    if (p.dst != 53) replies.push_back(p);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].length, 12u + 16u);
  EXPECT_EQ(std::string(replies[0].data.begin(), replies[0].data.begin() + 12), "TTY 0x0400: ");
  // The stream sender recognises the prefixed reply as the echo of message 8: Linux read the
  // same 28 bytes the remote published.
  EXPECT_EQ(run.sender.echoes(), 1u);
  std::vector<FakeHal::Probe> echoes;
  for (const auto& p : rig.probes(Side::kMaster, ProbeKind::kRxHanded))
    if (p.dst != 53) echoes.push_back(p);
  ASSERT_EQ(echoes.size(), 1u);
  EXPECT_EQ(echoes[0].address, replies[0].address);
  EXPECT_EQ(echoes[0].digest, replies[0].digest);
  EXPECT_EQ(echoes[0].length, 28u);
}

} // namespace
} // namespace sim::test
