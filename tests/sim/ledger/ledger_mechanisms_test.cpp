// SPDX-License-Identifier: Apache-2.0
// Every way the ledger says a message was lost, each from the mechanism that loses it: the real
// Linux and Zephyr stacks and applications against each other on the fake board (no caches, no
// SystemC), the ledger fed by their probes and the mailbox, as the platform feeds it. Nothing here
// tells the ledger which application talks to which (no `peer`): it works from the wire alone.
// (too_big needs a remote that writes a bad header: ledger_platform_test.cpp; corrupted
// needs caches: the scenarios bugs/tx_payload_not_flushed, bugs/double_tx_buffer and
// bugs/reserved_dirty_line.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "sim/ledger/ledger.h"
#include "sw/apps/linux/rpmsg_client_sample.h"
#include "sw/apps/linux/stream_sender.h"
#include "sw/apps/zephyr/client_sample_responder.h"
#include "sw/apps/zephyr/queued_responder.h"
#include "sw/apps/zephyr/tty_responder.h"
#include "tests/sw/cross/cross_rig.h"

namespace sim::test {
namespace {

using app::Ledger;
using hal::kMs;

/// The cross-stack rig with a ledger watching both clusters and the mailbox.
struct LedgerRig {
  LedgerRig() {
    rig.board.observe(
        &ledger,
        [this](Side s, bool delivered, hal::SimTime t) { ledger.on_kick(s, delivered, t); },
        [this](Side r, bool level, hal::SimTime t) { ledger.on_rx_irq(r, level, t); });
  }
  std::vector<Ledger::Record> run(hal::SimTime until) {
    rig.board.run_until(until);
    ledger.finish(until, {});
    return ledger.records();
  }
  std::vector<Ledger::Record> in(const std::vector<Ledger::Record>& all, Direction direction) {
    std::vector<Ledger::Record> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const Ledger::Record& r) { return r.direction == direction; });
    return out;
  }
  static std::size_t count(const std::vector<Ledger::Record>& r, const std::string& state,
                           const std::string& reason = "") {
    return static_cast<std::size_t>(std::count_if(r.begin(), r.end(), [&](const auto& m) {
      return m.state == state && (reason.empty() || m.reason == reason);
    }));
  }

  CrossRig rig;
  Ledger ledger;
};

sw::apps::StreamSenderOptions stream(const std::string& channel, unsigned count, bool blocking,
                                     bool expect_echo = false) {
  sw::apps::StreamSenderOptions o;
  o.channel = channel;
  o.count = count;
  o.blocking = blocking;
  o.expect_echo = expect_echo;
  return o;
}

/// A Zephyr application that sends one message of `size` bytes to `dst` once Linux has spoken to
/// it (the first message teaches the endpoint its peer when `dst` is ANY).
class OneShotSender : public sw::zephyr::ZephyrApp {
public:
  OneShotSender(std::size_t size, std::uint32_t dst) : size_(size), dst_(dst) {}
  hal::ThreadSpec thread() const override {
    return {"app_oneshot", sw::zephyr::k_prio_coop(7), true, 0};
  }
  void run(hal::Hal& hal, sw::zephyr::Rpmsg& rpmsg) override {
    hal::Semaphore& got = hal.os().semaphore("oneshot", 0, 1);
    sw::zephyr::Endpoint& ept = rpmsg.create_endpoint(
        "rpmsg-client-sample", sw::zephyr::kRpmsgAddrAny, dst_,
        [&got](sw::zephyr::Endpoint&, const void*, std::size_t, std::uint32_t) {
          got.give();
          return 0;
        });
    if (dst_ == sw::zephyr::kRpmsgAddrAny) got.take(hal::kForever);
    const std::vector<std::uint8_t> payload(size_, 0x5a);
    result = ept.send(payload.data(), payload.size());
  }
  int result = 0;

private:
  std::size_t size_;
  std::uint32_t dst_;
};

/// A Linux driver whose probe sends one message of `size` bytes.
class BigSender : public sw::lnx::RpmsgDriver {
public:
  explicit BigSender(std::size_t size) : size_(size) {}
  std::string name() const override { return "rpmsg-client-sample"; }
  int probe(sw::lnx::RpmsgDevice& dev) override {
    const std::vector<std::uint8_t> payload(size_, 1);
    result = dev.send(payload.data(), payload.size());
    return 0;
  }
  int callback(sw::lnx::RpmsgDevice&, const void*, std::size_t, std::uint32_t) override {
    return 0;
  }
  int result = 0;

private:
  std::size_t size_;
};

TEST(LedgerMechanisms, PingPongIsDeliveredBothWaysAndEveryReplyPairsWithItsRequest) {
  LedgerRig l;
  sw::apps::RpmsgClientSample sample({3}, {});
  sw::apps::ClientSampleResponder responder;
  l.rig.boot({&sample}, {&responder});
  const auto r = l.run(50 * kMs);
  ASSERT_EQ(r.size(), 6u);
  for (const auto& m : r) {
    EXPECT_EQ(m.state, "delivered") << m.id;
    EXPECT_EQ(m.channel, "rpmsg-client-sample"); // from the name service
  }
  for (const auto& m : l.in(r, Direction::kRemoteToMaster)) EXPECT_NE(m.echo_of, 0u);
  EXPECT_EQ(l.ledger.summary().control, 1u); // the announcement
}

TEST(LedgerMechanisms, AMessageToADestroyedEndpointIsNoRecipient) {
  // The responder ends after 2 messages (NS DESTROY); Linux's third arrives at no endpoint.
  LedgerRig l;
  sw::apps::RpmsgClientSample sample({3}, {});
  sw::apps::ClientSampleResponderOptions o;
  o.messages = 2;
  sw::apps::ClientSampleResponder responder(o);
  l.rig.boot({&sample}, {&responder});
  const auto r = l.in(l.run(100 * kMs), Direction::kMasterToRemote);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[2].state, "dropped");
  EXPECT_EQ(r[2].reason, "no_recipient");
  EXPECT_EQ(actor_text(r[2].dropped_by).rfind("remote/", 0), 0u);
  EXPECT_EQ(l.rig.zephyr_status.rx_no_endpoint, 1u);
}

TEST(LedgerMechanisms, AMessageToAnAddressLinuxNeverBoundIsNoRecipient) {
  LedgerRig l;
  sw::apps::RpmsgClientSample sample({1}, {});
  OneShotSender sender(8, 0x999);
  l.rig.boot({&sample}, {&sender});
  const auto r = l.in(l.run(50 * kMs), Direction::kRemoteToMaster);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].dst, 0x999u);
  EXPECT_EQ(r[0].reason, "no_recipient");
  EXPECT_EQ(actor_text(r[0].dropped_by).rfind("master/", 0), 0u);
  EXPECT_EQ(l.rig.linux_status.rx_no_recipient, 1u);
}

TEST(LedgerMechanisms, AMessageLongerThanTheBufferIsTruncatedByOpenAmp) {
  LedgerRig l;
  sw::apps::RpmsgClientSample sample({1}, {});
  OneShotSender sender(600, sw::zephyr::kRpmsgAddrAny);
  l.rig.boot({&sample}, {&sender});
  const auto r = l.in(l.run(50 * kMs), Direction::kRemoteToMaster);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(sender.result, 496); // what fits a 512-byte buffer after the header
  EXPECT_EQ(r[0].length, 600u);
  EXPECT_EQ(r[0].reason, "truncated");
  EXPECT_TRUE(r[0].receiver.has_value()); // it did reach Linux, cut
}

TEST(LedgerMechanisms, AMessageLinuxRefusesToSendIsSendFailed) {
  LedgerRig l;
  BigSender big(600);
  sw::apps::ClientSampleResponder responder;
  l.rig.boot({&big}, {&responder});
  const auto r = l.in(l.run(50 * kMs), Direction::kMasterToRemote);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(big.result, sw::lnx::kEmsgsize);
  EXPECT_EQ(r[0].reason, "send_failed");
  EXPECT_EQ(r[0].buffer, 0u); // it never had one
}

/// A remote endpoint that holds every RX buffer and never releases one.
class Hoarder : public sw::zephyr::ZephyrApp {
public:
  hal::ThreadSpec thread() const override {
    return {"app_hoard", sw::zephyr::k_prio_coop(7), true, 0};
  }
  void run(hal::Hal&, sw::zephyr::Rpmsg& rpmsg) override {
    rpmsg.create_endpoint(
        "rpmsg-hoard", sw::zephyr::kRpmsgAddrAny, sw::zephyr::kRpmsgAddrAny,
        [](sw::zephyr::Endpoint& e, const void* data, std::size_t, std::uint32_t) {
          e.hold_rx_buffer(data);
          return 0;
        });
  }
};

TEST(LedgerMechanisms, SendsThatFindEveryBufferHeldTimeOutOrFailAtOnce) {
  // Linux has 8 TX buffers; the remote keeps every one: messages 9 and 10 never get one.
  for (const bool blocking : {true, false}) {
    LedgerRig l;
    l.rig.linux_options.send_timeout = 20 * kMs;
    sw::apps::StreamSender sender(stream("rpmsg-hoard", 10, blocking), {});
    Hoarder hoarder;
    l.rig.boot({&sender}, {&hoarder});
    const auto r = l.in(l.run(200 * kMs), Direction::kMasterToRemote);
    ASSERT_EQ(r.size(), 10u) << blocking;
    EXPECT_EQ(LedgerRig::count(r, "delivered"), 8u) << blocking; // its callback took them
    const char* reason = blocking ? "tx_timeout" : "no_tx_buffer";
    EXPECT_EQ(LedgerRig::count(r, "dropped", reason), 2u) << blocking;
    for (const auto& m : r) {
      if (m.state != "dropped") continue;
      EXPECT_EQ(actor_text(m.dropped_by), "master/stream");
      EXPECT_EQ(m.buffer, 0u);
    }
  }
}

TEST(LedgerMechanisms, ABurstIntoTheStockResponderOverwritesItsSlot) {
  // No `peer`: the responder names what it keeps by its bytes, the ledger finds the message.
  LedgerRig l;
  sw::apps::StreamSender sender(stream("rpmsg-client-sample", 10, true, true), {});
  sw::apps::ClientSampleResponder responder;
  l.rig.boot({&sender}, {&responder});
  const auto all = l.run(500 * kMs);
  const auto to_remote = l.in(all, Direction::kMasterToRemote);
  ASSERT_EQ(to_remote.size(), 10u);
  const std::size_t delivered = LedgerRig::count(to_remote, "delivered");
  const std::size_t overwritten = LedgerRig::count(to_remote, "dropped", "slot_overwritten");
  EXPECT_GE(overwritten, 1u);
  EXPECT_EQ(delivered + overwritten, 10u);
  const auto echoes = l.in(all, Direction::kRemoteToMaster);
  EXPECT_GE(echoes.size(), delivered);
  for (const auto& e : echoes) {
    EXPECT_EQ(e.state, "delivered");
    EXPECT_NE(e.echo_of, 0u);
  }
}

TEST(LedgerMechanisms, TheTtyResponderLeaksHeldBuffersOfABurst) {
  LedgerRig l;
  sw::apps::StreamSender sender(stream("rpmsg-tty", 8, false), {});
  sw::apps::TtyResponderOptions o;
  o.console = false;
  sw::apps::TtyResponder tty(o);
  l.rig.boot({&sender}, {&tty});
  const auto r = l.in(l.run(100 * kMs), Direction::kMasterToRemote);
  ASSERT_EQ(r.size(), 8u);
  EXPECT_EQ(LedgerRig::count(r, "dropped", "held_buffer_leaked"), 7u);
  EXPECT_EQ(LedgerRig::count(r, "delivered"), 1u);
}

TEST(LedgerMechanisms, AFullQueueDropsWhatDoesNotFit) {
  LedgerRig l;
  sw::apps::StreamSender sender(stream("rpmsg-client-sample", 8, false), {});
  sw::apps::QueuedResponderOptions o;
  o.queue_depth = 1;
  sw::apps::QueuedResponder queued(o);
  l.rig.boot({&sender}, {&queued});
  const auto r = l.in(l.run(100 * kMs), Direction::kMasterToRemote);
  ASSERT_EQ(r.size(), 8u);
  EXPECT_GE(LedgerRig::count(r, "dropped", "queue_full"), 1u);
  EXPECT_EQ(LedgerRig::count(r, "dropped", "queue_full") + LedgerRig::count(r, "delivered"), 8u);
}

TEST(LedgerMechanisms, AMessageWhoseDoorbellTheMailboxDroppedIsStuckInTheRing) {
  // Linux's third mailbox message (the kick of "hello world!" #2) vanishes.
  LedgerRig l;
  l.rig.board.mailbox().add_kick_fault(models::Terminal::kB, 3, models::KickFault::kDrop);
  sw::apps::RpmsgClientSample sample({3}, {});
  sw::apps::ClientSampleResponder responder;
  l.rig.boot({&sample}, {&responder});
  const auto r = l.in(l.run(100 * kMs), Direction::kMasterToRemote);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].state, "delivered");
  EXPECT_EQ(r[1].reason, "stuck_in_ring");
  EXPECT_EQ(r[1].stages.kicks_lost, 1u);
}

} // namespace
} // namespace sim::test
