// SPDX-License-Identifier: Apache-2.0
// The sample applications on the Zephyr remote against a scripted master: the stock responder's
// single slot (real-bugs B8), the queued fix, the TTY responder's held-buffer leak (B9), the
// hard-coded message count and its NS DESTROY. One simulation per TEST.
#include <gtest/gtest.h>

#include "sw/apps/zephyr/queued_responder.h"
#include "sw/apps/zephyr/tty_responder.h"
#include "sw/shm/layout.h"
#include "sw/shm/ns_message.h"
#include "tests/sw/zephyr/test_clients.h"

namespace sim::test {
namespace {

namespace shm = sw::shm;
using sw::apps::ClientSampleResponder;
using sw::apps::ClientSampleResponderOptions;

TEST(ZephyrApps, BurstOfThreeToTheStockResponderLosesAllButTheLast) {
  // B8: the whole drain runs before the client thread: the slot is overwritten twice. k_sem_give
  // hands the first give to the waiting thread and counts the next one, so the thread wakes twice
  // and echoes the last message twice (msg_cnt += 2).
  RemoteRig rig;
  ClientSampleResponder app(quiet_client());
  rig.boot_remote({&app});
  Messages echoes;
  std::uint16_t returned = 0;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    for (unsigned n = 1; n <= 3; ++n) m.post(kLinuxAddr, kRemoteAddr, numbered(n, 5));
    m.kick(1);
    echoes = collect(m, 3, 10 * hal::kMs);
    returned = m.vring1().used_idx();
  });
  rig.run_ms(40);

  ASSERT_EQ(echoes.size(), 2u);
  EXPECT_EQ(echoes[0].text(), numbered(3, 5));
  EXPECT_EQ(echoes[1].text(), numbered(3, 5));
  EXPECT_EQ(app.status().msg_cnt, 2u);
  EXPECT_EQ(app.status().slot_overwritten, 2u);
  EXPECT_EQ(app.status().slot_rereads, 1u);
  EXPECT_EQ(returned, 3u); // every buffer went back
  // The application reports each message held in the slot, the two it overwrote dropped (by
  // their bytes) and the one its thread took consumed, once: the second wake-up re-reads it.
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kAppHeld).size(), 3u);
  auto drops = rig.probes.of(hal::ProbeKind::kAppDropped);
  ASSERT_EQ(drops.size(), 2u);
  EXPECT_EQ(drops[0].reason, "slot_overwritten");
  EXPECT_EQ(drops[0].dst, kRemoteAddr);
  EXPECT_EQ(drops[0].digest, hal::payload_digest(numbered(1, 5).data(), 5));
  EXPECT_EQ(drops[1].digest, hal::payload_digest(numbered(2, 5).data(), 5));
  auto consumed = rig.probes.of(hal::ProbeKind::kAppConsumed);
  ASSERT_EQ(consumed.size(), 1u);
  EXPECT_EQ(consumed[0].digest, hal::payload_digest(numbered(3, 5).data(), 5));
}

TEST(ZephyrApps, QueuedResponderEchoesTheWholeBurst) {
  RemoteRig rig;
  sw::apps::QueuedResponderOptions o;
  o.console = false;
  sw::apps::QueuedResponder app(o);
  rig.boot_remote({&app});
  std::vector<std::string> echoes;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    for (unsigned n = 1; n <= 3; ++n) m.post(kLinuxAddr, kRemoteAddr, numbered(n, 5));
    m.kick(1);
    for (const auto& e : collect(m, 3, 10 * hal::kMs)) echoes.push_back(e.text());
  });
  rig.run_ms(40);
  EXPECT_EQ(echoes, (std::vector<std::string>{numbered(1, 5), numbered(2, 5), numbered(3, 5)}));
  EXPECT_EQ(app.status().echoed, 3u);
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kAppDropped).size(), 0u);
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kAppConsumed).size(), 3u);
}

TEST(ZephyrApps, TtyResponderLeaksTheFirstHeldBufferOfABurst) {
  // B9: the callback holds each buffer but keeps one pointer.
  RemoteRig rig;
  sw::apps::TtyResponderOptions o;
  o.console = false;
  sw::apps::TtyResponder app(o);
  rig.boot_remote({&app});
  Messages replies;
  std::uint16_t returned = 0;
  std::uint32_t returned_desc = 0;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    m.post(kLinuxAddr, kRemoteAddr, "one");
    m.post(kLinuxAddr, kRemoteAddr, "two");
    m.kick(1);
    replies = collect(m, 2, 10 * hal::kMs);
    returned = m.vring1().used_idx();
    returned_desc = m.vring1().used_ring_id(0);
  });
  rig.run_ms(40);

  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text(), "TTY 0x0400: two");
  EXPECT_EQ(app.status().leaked, 1u);
  EXPECT_EQ(returned, 1u); // "one" never comes back to Linux
  EXPECT_EQ(returned_desc, 1u);
  auto drops = rig.probes.of(hal::ProbeKind::kAppDropped);
  ASSERT_EQ(drops.size(), 1u);
  EXPECT_EQ(drops[0].reason, "held_buffer_leaked");
  EXPECT_EQ(drops[0].dst, kRemoteAddr);
  EXPECT_EQ(drops[0].digest, hal::payload_digest("one", 3));
}

TEST(ZephyrApps, AMessageArrivingWhileTheTtyThreadRepliesIsReleasedUnanswered) {
  // B9: the thread waits for a TX buffer to answer "one"; "two" arrives meanwhile and replaces
  // tty_msg. After the send the sample releases tty_msg.data as it is now: "two", unanswered
  // (tty_msg_overwritten); "one"'s held buffer leaks, but "one" itself was consumed.
  RemoteRig rig;
  sw::apps::TtyResponderOptions o;
  o.console = false;
  sw::apps::TtyResponder app(o);
  rig.boot_remote({&app});
  Messages replies;
  ScriptedMasterConfig c;
  c.rx_posted = 1; // the name-service announcement takes Linux's only RX buffer
  rig.boot_master(
      [&](ScriptedMaster& m, hal::Hal& hal) {
        m.wait_kick(20 * hal::kMs);
        m.post(kLinuxAddr, kRemoteAddr, "one");
        m.kick(1);
        hal.sleep(500 * hal::kUs); // the thread is waiting for a buffer to reply
        m.post(kLinuxAddr, kRemoteAddr, "two");
        m.kick(1);
        hal.sleep(500 * hal::kUs);
        m.receive(true); // the announcement's buffer goes back: the reply can go out
        replies = collect(m, 1, 10 * hal::kMs);
      },
      c);
  rig.run_ms(60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text(), "TTY 0x0400: one");
  EXPECT_EQ(app.status().leaked, 1u);
  auto consumed = rig.probes.of(hal::ProbeKind::kAppConsumed);
  ASSERT_EQ(consumed.size(), 1u);
  EXPECT_EQ(consumed[0].digest, hal::payload_digest("one", 3));
  auto drops = rig.probes.of(hal::ProbeKind::kAppDropped);
  ASSERT_EQ(drops.size(), 1u); // "one" was taken: its leak is no message loss
  EXPECT_EQ(drops[0].reason, "tty_msg_overwritten");
  EXPECT_EQ(drops[0].digest, hal::payload_digest("two", 3));
}

TEST(ZephyrApps, TtyResponderLeaksTheHeldBufferOfAnEmptyMessage) {
  // `if (tty_msg.len)`: an empty message is neither answered nor released.
  RemoteRig rig;
  sw::apps::TtyResponderOptions o;
  o.console = false;
  sw::apps::TtyResponder app(o);
  rig.boot_remote({&app});
  Messages replies;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    m.post(kLinuxAddr, kRemoteAddr, "");
    m.kick(1);
    replies = collect(m, 1, 10 * hal::kMs);
  });
  rig.run_ms(40);
  EXPECT_TRUE(replies.empty());
  EXPECT_EQ(app.status().leaked, 1u);
  ASSERT_EQ(rig.probes.of(hal::ProbeKind::kAppHeld).size(), 1u);
  auto drops = rig.probes.of(hal::ProbeKind::kAppDropped);
  ASSERT_EQ(drops.size(), 1u);
  EXPECT_EQ(drops[0].reason, "held_buffer_leaked");
  EXPECT_EQ(drops[0].name, "held RX buffer");
  EXPECT_EQ(drops[0].length, 0u);
}

TEST(ZephyrApps, ResponderEndsAfterItsCountWithNsDestroy) {
  RemoteRig rig;
  rig.options.console = true;
  bool done = false;
  ClientSampleResponderOptions o;
  o.messages = 2;
  o.on_done = [&] { done = true; };
  ClientSampleResponder app(o);
  rig.boot_remote({&app});
  Messages tail;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 50 * hal::kMs);
    for (unsigned n = 1; n <= 2; ++n) {
      m.send(kLinuxAddr, kRemoteAddr, "hello world!");
      const Messages e = collect(m, 1, 50 * hal::kMs);
      tail.insert(tail.end(), e.begin(), e.end());
    }
    const Messages e = collect(m, 1, 50 * hal::kMs);
    tail.insert(tail.end(), e.begin(), e.end());
  });
  rig.run_ms(150);

  ASSERT_EQ(tail.size(), 3u);
  EXPECT_EQ(tail[2].hdr.dst, 0x35u);
  const shm::NsMessage ns = shm::decode_ns_message(tail[2].payload.data());
  EXPECT_EQ(ns.name, "rpmsg-client-sample");
  EXPECT_EQ(ns.addr, kRemoteAddr);
  EXPECT_EQ(ns.flags, shm::kRpmsgNsDestroy);
  EXPECT_TRUE(done);
  EXPECT_TRUE(app.status().ended);
  EXPECT_NE(rig.f.console(Side::kRemote).find("OpenAMP Linux sample client responder ended"),
            std::string::npos);
}

TEST(ZephyrApps, TtyResponderLeaksTheSameWayWithTheV2023_10HeldFlag) {
  // Before v2024.05 a hold is bit 31 of `reserved` instead of a counter (b32187e): same outcome.
  RemoteRig rig(kTableUncached);
  rig.options.release = "v2023.10";
  sw::apps::TtyResponderOptions o;
  o.console = false;
  sw::apps::TtyResponder app(o);
  rig.boot_remote({&app});
  Messages replies;
  std::uint16_t returned = 0;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    m.post(kLinuxAddr, kRemoteAddr, "one");
    m.post(kLinuxAddr, kRemoteAddr, "two");
    m.kick(1);
    replies = collect(m, 2, 10 * hal::kMs);
    returned = m.vring1().used_idx();
  });
  rig.run_ms(40);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text(), "TTY 0x0400: two");
  EXPECT_EQ(returned, 1u);
  EXPECT_EQ(app.status().leaked, 1u);
}

TEST(ZephyrApps, StockResponderServesAHundredMessagePingPongThenEnds) {
  // The sample as shipped (console on): 100 echoes, then NS DESTROY; the 101st message finds no
  // endpoint and is dropped by the remote.
  RemoteRig rig;
  rig.options.console = true;
  bool done = false;
  ClientSampleResponderOptions o;
  o.on_done = [&] { done = true; };
  ClientSampleResponder app(o);
  rig.boot_remote({&app});
  unsigned echoed = 0;
  bool destroyed = false;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 50 * hal::kMs);
    Messages all;
    for (unsigned n = 0; n < 100; ++n) {
      m.send(kLinuxAddr, kRemoteAddr, "hello world!");
      const Messages e = collect(m, 1, 50 * hal::kMs);
      all.insert(all.end(), e.begin(), e.end());
    }
    if (all.size() < 101) { // the destroy may have come with the last echo
      const Messages e = collect(m, 1, 50 * hal::kMs);
      all.insert(all.end(), e.begin(), e.end());
    }
    for (const auto& e : all) {
      echoed += e.hdr.dst == kLinuxAddr && e.text() == "hello world!";
      destroyed |= e.hdr.dst == 0x35;
    }
    m.send(kLinuxAddr, kRemoteAddr, "hello world!");
    m.wait_tx_returned(101, 10 * hal::kMs);
  });
  rig.run_ms(1000);
  EXPECT_EQ(echoed, 100u);
  EXPECT_TRUE(destroyed);
  EXPECT_TRUE(done);
  EXPECT_EQ(app.status().msg_cnt, 100u);
  EXPECT_EQ(rig.status.rx_no_endpoint, 1u);
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kAppConsumed).size(), 100u);
  // The 101st: no endpoint at its address any more.
  auto no_recipient = rig.probes.of(hal::ProbeKind::kRxDropped);
  ASSERT_EQ(no_recipient.size(), 1u);
  EXPECT_EQ(no_recipient[0].reason, "no_recipient");
  EXPECT_EQ(no_recipient[0].dst, kRemoteAddr);
}

} // namespace
} // namespace sim::test
