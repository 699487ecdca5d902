// SPDX-License-Identifier: Apache-2.0
// The message ledger from the probes a stack reports (pure;
// tests/sim/ledger/ledger_mechanisms_test.cpp drives it from the real stacks): identity from the
// wire, each way a message is lost, the application level, echoes, labels and what is left at the
// end.
#include "sim/ledger/ledger.h"

#include <gtest/gtest.h>

#include "tests/sim/ledger/ledger_script.h"

namespace sim::app::test {
namespace {

constexpr std::uint64_t kBufA = 0x200cb000;
constexpr std::uint64_t kBufB = 0x200cb200;
constexpr std::uint64_t kBufC = 0x200ca000;

const Ledger::Record& only(const std::vector<Ledger::Record>& r) {
  EXPECT_EQ(r.size(), 1u);
  return r.front();
}

TEST(Ledger, AMessageReadAsPublishedIsDeliveredWithItsStages) {
  LedgerScript s;
  s.master.send(kBufA, 0x400, 0x401, "hello", 100);
  s.kick(Side::kMaster, 110);
  s.rx_irq(Side::kRemote, true, 120);
  s.remote.isr(130);
  s.remote.receive(kBufA, 0x400, 0x401, "hello", 150);
  const Ledger::Record r = only(s.finish(1000));
  EXPECT_EQ(r.state, "delivered");
  EXPECT_EQ(r.id, 1u);
  EXPECT_EQ(r.direction, Direction::kMasterToRemote);
  EXPECT_EQ(r.sender.text(), "master/kworker");
  EXPECT_EQ(actor_text(r.receiver), "remote/rpmsg_mng_task");
  EXPECT_EQ(r.src, 0x400u);
  EXPECT_EQ(r.dst, 0x401u);
  EXPECT_EQ(r.length, 5u);
  EXPECT_EQ(r.buffer, kBufA);
  EXPECT_EQ(r.sent_ps, 100000u);
  EXPECT_EQ(r.received_ps, 151000u); // the callback: nobody reported keeping it
  for (MessageStage st : {MessageStage::kSend, MessageStage::kBuffer, MessageStage::kPublish,
                          MessageStage::kKick, MessageStage::kIrq, MessageStage::kIsr,
                          MessageStage::kDrain, MessageStage::kCallback, MessageStage::kReceive})
    EXPECT_TRUE(r.stages.has(st)) << stage_name(st);
  EXPECT_EQ(r.stages.at(MessageStage::kKick), 110000u);
  EXPECT_EQ(r.stages.at(MessageStage::kDrain), 150000u);
}

TEST(Ledger, EveryMessageIsAccountedExactlyOnce) {
  LedgerSummary s;
  {
    LedgerScript l;
    l.master.send(kBufA, 1, 2, "a", 10);
    l.master.send(kBufB, 1, 2, "b", 20);
    l.master.start(1, 2, "c", 30);
    l.master.fail("no_tx_buffer", 31);
    l.remote.receive(kBufA, 1, 2, "a", 40);
    l.remote.receive(kBufB, 1, 2, "x", 50); // bytes not those published
    l.rx_irq(Side::kRemote, true, 60);      // a notification the run stops before
    l.master.send(kBufA, 1, 2, "d", 55);
    l.finish(100);
    s = l.summary();
  }
  EXPECT_EQ(s.sent, 4u);
  EXPECT_EQ(s.delivered, 1u);
  EXPECT_EQ(s.corrupted, 1u);
  EXPECT_EQ(s.dropped, 1u);
  EXPECT_EQ(s.in_flight, 1u);
  EXPECT_EQ(s.sent, s.delivered + s.corrupted + s.dropped + s.in_flight);
  EXPECT_EQ(s.drops.at("no_tx_buffer"), 1u);
  // The receiver took two and has not stopped looking: it will take the third.
  ASSERT_EQ(s.in_flight_where.count("in vring1, not yet taken (the receiver is still draining its "
                                    "ring)"),
            1u);
}

TEST(Ledger, IdenticalPayloadsAreTakenInRingOrder) {
  // rpmsg_client_sample sends the same "hello world!" each time: identity is the publish.
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "hello", 10);
  s.master.send(kBufB, 1, 2, "hello", 20);
  s.remote.receive(kBufB, 1, 2, "hello", 30);
  s.rx_irq(Side::kRemote, true, 35);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].state, "in_flight"); // buffer A not taken yet, a notification pending
  EXPECT_EQ(r[1].state, "delivered");
}

TEST(Ledger, BytesReadFromAnOlderMessageMakeItCorruptedAndSayWhose) {
  // A stale buffer: the receiver reads what was in the buffer before (real-bugs B7).
  LedgerScript s;
  s.remote.send(kBufC, 0x400, 0x400, "echo 1", 10);
  s.master.receive(kBufC, 0x400, 0x400, "echo 1", 20);
  s.remote.send(kBufC, 0x400, 0x400, "echo 9", 30);
  s.master.receive(kBufC, 0x400, 0x400, "echo 1", 40);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].state, "corrupted");
  EXPECT_EQ(r[1].read_as, 1u);
  EXPECT_EQ(r[1].received_ps, 41000u);
  EXPECT_EQ(s.summary().unexpected, 0u);
}

TEST(Ledger, ABufferPublishedTwiceBeforeItIsReadIsReadTwiceInRingOrder) {
  // real-bugs B10: both used entries point at the buffer; the first reads the second's bytes.
  LedgerScript s;
  s.remote.send(kBufC, 0x400, 0x400, "echo 3", 10);
  s.remote.send(kBufC, 0x400, 0x400, "echo 4", 20);
  s.master.receive(kBufC, 0x400, 0x400, "echo 4", 30);
  s.master.receive(kBufC, 0x400, 0x400, "echo 4", 40);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].state, "corrupted");
  EXPECT_EQ(r[0].read_as, 2u);
  EXPECT_EQ(r[1].state, "delivered");
}

TEST(Ledger, ATakeOfABufferNothingWasPublishedInIsUnexpected) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "one", 10);
  s.remote.receive(kBufA, 1, 2, "one", 20);
  s.remote.receive(kBufA, 1, 2, "one", 30); // a ring entry read twice
  s.finish(100);
  const LedgerSummary sum = s.summary();
  EXPECT_EQ(sum.sent, 1u);
  EXPECT_EQ(sum.delivered, 1u);
  EXPECT_EQ(sum.unexpected, 1u);
  EXPECT_EQ(sum.unexpected_read_as, (std::vector<std::uint64_t>{1}));
}

TEST(Ledger, TheStacksDropReasonsAreCountedAsTheStacksGiveThem) {
  LedgerScript s;
  s.master.start(0x400, 0x400, "x", 10);
  s.master.fail("tx_timeout", 15);
  s.master.start(0x400, 0x400, "y", 20);
  s.master.fail("no_tx_buffer", 21);
  s.master.start(0x400, 0x400, "z", 30);
  s.master.fail("send_failed", 31);
  s.master.send(kBufA, 0x400, 0x999, "nobody", 40);
  s.remote.take(kBufA, 50);
  s.remote.rx_drop(kBufA, "no_recipient", 0x999, 0, hal::kFieldDst, 51);
  s.remote.send(kBufC, 0x400, 0x400, "big", 60);
  s.master.take(kBufC, 70);
  s.master.rx_drop(kBufC, "too_big", 0, 3, hal::kFieldLen, 71);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].reason, "tx_timeout");
  EXPECT_EQ(actor_text(r[0].dropped_by), "master/kworker");
  EXPECT_EQ(r[1].reason, "no_tx_buffer");
  EXPECT_EQ(r[2].reason, "send_failed");
  EXPECT_EQ(r[3].reason, "no_recipient");
  EXPECT_EQ(actor_text(r[3].dropped_by), "remote/rpmsg_mng_task");
  EXPECT_EQ(r[4].reason, "too_big");
  for (const auto& m : r) EXPECT_EQ(m.state, "dropped");
}

TEST(Ledger, AHeaderReadWrongIsCorruptionNotTheReasonTheStackDroppedItFor) {
  LedgerScript s;
  s.master.send(kBufA, 0x400, 0x400, "hello", 10);
  s.remote.take(kBufA, 20);
  // A stale header: the stack found no endpoint at the dst it read.
  s.remote.rx_drop(kBufA, "no_recipient", 0x123, 0, hal::kFieldDst, 21);
  EXPECT_EQ(only(s.finish(100)).state, "corrupted");
}

TEST(Ledger, AMessageCutToItsBufferIsTruncated) {
  // OpenAMP copies what fits and says nothing (rpmsg-protocol.md §9 B4).
  LedgerScript s;
  s.remote.start(0x400, 0x400, std::string(600, 'x'), 10);
  s.remote.buffer(kBufC, 11);
  s.remote.publish(kBufC, 0x400, 0x400, std::string(496, 'x'), 12, "vring0");
  s.master.receive(kBufC, 0x400, 0x400, std::string(496, 'x'), 20);
  const Ledger::Record r = only(s.finish(100));
  EXPECT_EQ(r.state, "dropped");
  EXPECT_EQ(r.reason, "truncated");
  EXPECT_EQ(r.length, 600u);
  EXPECT_EQ(actor_text(r.receiver), "master/kworker"); // it did travel
}

TEST(Ledger, AMessageTheReceiverLookedPastIsStuckInTheRing) {
  // A stale avail index: the receiver drained after the publish and found nothing.
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "lost", 10);
  s.rx_irq(Side::kRemote, true, 20);
  s.rx_irq(Side::kRemote, false, 21);
  s.remote.idle(30);
  const Ledger::Record r = only(s.finish(100));
  EXPECT_EQ(r.state, "dropped");
  EXPECT_EQ(r.reason, "stuck_in_ring");
  EXPECT_EQ(actor_text(r.dropped_by), "remote");
  EXPECT_EQ(r.dropped_ps, 100000u);
}

TEST(Ledger, AMessageWhoseKickWasLostIsStuckAndSaysSo) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "first", 10);
  s.kick(Side::kMaster, 11);
  s.rx_irq(Side::kRemote, true, 12);
  s.remote.isr(13);
  s.rx_irq(Side::kRemote, false, 14);
  s.remote.receive(kBufA, 1, 2, "first", 15);
  s.remote.idle(16);
  s.master.send(kBufB, 1, 2, "second", 20);
  s.kick(Side::kMaster, 21, false); // the mailbox dropped it
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].stages.kicks_lost, 0u);
  EXPECT_EQ(r[1].reason, "stuck_in_ring");
  EXPECT_EQ(r[1].stages.kicks_lost, 1u);
  EXPECT_FALSE(r[1].stages.has(MessageStage::kKick));
}

TEST(Ledger, AKickLostByTheDriverDelaysTheMessagesButTheNextOneNotifiesThem) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "one", 10);
  s.master.kick_lost(11); // Linux's mailbox queue was full: -ENOBUFS
  s.master.send(kBufB, 1, 2, "two", 20);
  s.kick(Side::kMaster, 21);
  s.remote.receive(kBufA, 1, 2, "one", 30);
  s.remote.receive(kBufB, 1, 2, "two", 31);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].state, "delivered");
  EXPECT_EQ(r[0].stages.kicks_lost, 1u);
  EXPECT_EQ(r[0].stages.at(MessageStage::kKick), 21000u);
  EXPECT_EQ(r[1].stages.kicks_lost, 0u);
}

TEST(Ledger, AMessageInTheRingOfAHaltedReceiverIsStuck) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "x", 10);
  s.rx_irq(Side::kRemote, true, 20); // the remote panicked before it took it
  EXPECT_EQ(only(s.finish(100, {Side::kRemote})).reason, "stuck_in_ring");
}

TEST(Ledger, MessagesHeldBySoftwareThatRestartedAreLostInTheReset) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "in the ring", 10);
  s.master.send(kBufB, 1, 2, "in the slot", 11);
  s.remote.receive(kBufB, 1, 2, "in the slot", 12);
  s.remote.held(2, "in the slot", "slot", 13);
  s.remote.start(2, 1, "being sent", 14);
  s.remote.boot(50); // the remote image restarted
  s.rx_irq(Side::kRemote, true, 60);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].reason, "stuck_in_ring"); // published to the image that is gone
  EXPECT_EQ(r[1].reason, "lost_in_reset");
  EXPECT_EQ(actor_text(r[1].dropped_by), "remote");
  EXPECT_EQ(r[1].dropped_ps, 50000u); // at the reboot
  EXPECT_EQ(r[2].reason, "lost_in_reset");
}

TEST(Ledger, TheApplicationLevelDecidesForApplicationsThatKeepMessages) {
  // The stock responder: held in its slot; the next message overwrites it; the thread takes one.
  LedgerScript s;
  s.master.send(kBufA, 0x400, 0x400, "m1", 10);
  s.master.send(kBufB, 0x400, 0x400, "m2", 11);
  s.remote.receive(kBufA, 0x400, 0x400, "m1", 20);
  s.remote.held(0x400, "m1", "rx_sc_msg slot", 22);
  s.remote.receive(kBufB, 0x400, 0x400, "m2", 30);
  s.remote.app_drop(0x400, "m1", "rx_sc_msg slot", "slot_overwritten", 32);
  s.remote.held(0x400, "m2", "rx_sc_msg slot", 33);
  LedgerScript::Peer app{s, Side::kRemote, "app_rpmsg_client_sample"}; // the responder's own thread
  app.consumed(0x400, "m2", 50);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].state, "dropped");
  EXPECT_EQ(r[0].reason, "slot_overwritten");
  EXPECT_EQ(r[0].dropped_ps, 32000u);
  EXPECT_EQ(r[1].state, "delivered");
  EXPECT_EQ(r[1].received_ps, 50000u); // when the thread took it
  EXPECT_EQ(actor_text(r[1].receiver), "remote/rpmsg_mng_task");
  EXPECT_EQ(actor_text(r[1].consumer), "remote/app_rpmsg_client_sample");
  EXPECT_EQ(r[1].stages.at(MessageStage::kReceive), 50000u);
  EXPECT_EQ(r[1].stages.at(MessageStage::kCallback), 31000u);
}

TEST(Ledger, IdenticalPayloadsKeptByAnApplicationAreMatchedOldestFirst) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "hello", 10);
  s.master.send(kBufB, 1, 2, "hello", 11);
  s.remote.receive(kBufA, 1, 2, "hello", 20);
  s.remote.held(2, "hello", "queue", 21);
  s.remote.receive(kBufB, 1, 2, "hello", 22);
  s.remote.held(2, "hello", "queue", 23);
  s.remote.consumed(2, "hello", 30);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].state, "delivered");
  EXPECT_EQ(r[1].state, "in_flight");
  EXPECT_EQ(r[1].where, "kept by remote's application in queue");
}

TEST(Ledger, ARefusalInTheCallbackIsTheMessageJustHandedEvenWithIdenticalPayloads) {
  // The queued responder's queue_full: the queue keeps #1, the callback refuses #2, same bytes.
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "hello", 10);
  s.master.send(kBufB, 1, 2, "hello", 11);
  s.remote.receive(kBufA, 1, 2, "hello", 20);
  s.remote.held(2, "hello", "queue", 21);
  s.remote.receive(kBufB, 1, 2, "hello", 22);
  s.remote.refuse(2, "hello", "queue_full", 23);
  s.remote.consumed(2, "hello", 30);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].state, "delivered");
  EXPECT_EQ(r[0].received_ps, 30000u);
  EXPECT_EQ(r[1].reason, "queue_full");
  EXPECT_EQ(r[1].dropped_ps, 23000u);
}

TEST(Ledger, ARebootLosesWhatThePreviousImageHeldBeforeTheNewOneReports) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "hello", 10);
  s.remote.receive(kBufA, 1, 2, "hello", 20);
  s.remote.held(2, "hello", "slot", 21);
  s.remote.boot(30);
  s.master.send(kBufB, 1, 2, "hello", 40); // the new image's first message, same bytes
  s.remote.receive(kBufB, 1, 2, "hello", 50);
  s.remote.held(2, "hello", "slot", 51);
  s.remote.consumed(2, "hello", 60);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].reason, "lost_in_reset");
  EXPECT_EQ(r[0].dropped_ps, 30000u);
  EXPECT_EQ(r[1].state, "delivered");
  EXPECT_EQ(s.summary().unexpected_drops, 0u);
}

TEST(Ledger, MessagesHeldOrBeingSentByAHaltedClusterAreLostInTheHalt) {
  LedgerScript s;
  s.remote.start(0x400, 0x400, "echo", 10); // the remote panicked in its send
  s.master.send(kBufA, 1, 2, "kept", 20);
  s.remote.receive(kBufA, 1, 2, "kept", 30);
  s.remote.held(2, "kept", "queue", 31);
  const auto r = s.finish(100, {Side::kRemote});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].reason, "lost_in_halt");
  EXPECT_EQ(actor_text(r[0].dropped_by), "remote");
  EXPECT_EQ(r[1].reason, "lost_in_halt");
}

TEST(Ledger, ADoorbellOnItsWayOrQueuedKeepsAMessageInFlight) {
  // The run stops between the kick and the receiver's pin rising (a delay fault, latency).
  LedgerScript a;
  a.remote.idle(5);
  a.master.send(kBufA, 1, 2, "x", 10);
  a.kick(Side::kMaster, 11);
  const Ledger::Record ra = only(a.finish(12));
  EXPECT_EQ(ra.state, "in_flight");
  EXPECT_EQ(ra.where, "in vring1, not yet taken (its doorbell is on its way)");
  // Linux queued the kick behind a busy TX FIFO: accepted by the driver, not yet written.
  LedgerScript b;
  b.remote.idle(5);
  b.master.send(kBufA, 1, 2, "x", 10);
  b.master.kick_request(11);
  const Ledger::Record rb = only(b.finish(12));
  EXPECT_EQ(rb.where, "in vring1, not yet taken (its doorbell is queued in the sender's driver)");
  // The receiver still draining: it will get there.
  LedgerScript c;
  c.master.send(kBufA, 1, 2, "x", 10);
  c.master.send(kBufB, 1, 2, "y", 11);
  c.remote.receive(kBufA, 1, 2, "x", 12);
  EXPECT_EQ(c.finish(13)[1].where,
            "in vring1, not yet taken (the receiver is still draining its ring)");
}

TEST(Ledger, AnApplicationReportThatFitsNoMessageIsCountedNotGuessed) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "real", 10);
  s.remote.receive(kBufA, 1, 2, "real", 20);
  s.remote.held(2, "real", "slot", 21);
  s.remote.app_drop(2, "other bytes", "slot", "slot_overwritten", 30);
  s.remote.app_drop(7, "real", "slot", "slot_overwritten", 31); // another endpoint
  const auto r = s.finish(100);
  EXPECT_EQ(only(r).state, "in_flight");
  EXPECT_EQ(s.summary().unexpected_drops, 2u);
}

TEST(Ledger, AnEchoPairsWithTheRequestItCarriesAndRepeatsCount) {
  LedgerScript s;
  s.master.send(kBufA, 0x400, 0x400, "ping 1", 10);
  s.remote.receive(kBufA, 0x400, 0x400, "ping 1", 20);
  s.remote.send(kBufC, 0x400, 0x400, "ping 1", 30);
  s.master.receive(kBufC, 0x400, 0x400, "ping 1", 40);
  s.remote.send(kBufC, 0x400, 0x400, "ping 1", 50); // echoed twice (the stock responder)
  s.master.receive(kBufC, 0x400, 0x400, "ping 1", 60);
  s.master.send(kBufB, 0x400, 0x400, "ping 1", 70); // a new request, not an echo of an echo
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[1].echo_of, 1u);
  EXPECT_FALSE(r[1].echo_repeat);
  EXPECT_EQ(r[2].echo_of, 1u);
  EXPECT_TRUE(r[2].echo_repeat);
  EXPECT_EQ(r[3].echo_of, 0u);
  const ChannelCounts c = count_channels(r);
  EXPECT_EQ(c.at({"0x400->0x400", Direction::kRemoteToMaster}).echoes, 2u);
  EXPECT_EQ(c.at({"0x400->0x400", Direction::kMasterToRemote}).echoes, 0u);
}

TEST(Ledger, AnEchoBehindAPrefixPairsWithItsRequest) {
  // The TTY responder answers "TTY 0x0400: " followed by the message.
  LedgerScript s;
  s.master.send(kBufA, 0x400, 0x400, "abcd", 10);
  s.remote.receive(kBufA, 0x400, 0x400, "abcd", 20);
  s.remote.send(kBufC, 0x400, 0x400, "TTY 0x0400: abcd", 30);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].echo_of, 1u);
}

TEST(Ledger, ARequestTheApplicationLostIsNotWhatALaterReplyEchoes) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "same", 10);
  s.master.send(kBufB, 1, 2, "same", 11);
  s.remote.receive(kBufA, 1, 2, "same", 20);
  s.remote.held(2, "same", "slot", 21);
  s.remote.receive(kBufB, 1, 2, "same", 22);
  s.remote.app_drop(2, "same", "slot", "slot_overwritten", 23);
  s.remote.held(2, "same", "slot", 24);
  s.remote.consumed(2, "same", 25);
  s.remote.send(kBufC, 2, 1, "same", 30);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[2].echo_of, 2u); // the one the thread took, not the one overwritten
}

TEST(Ledger, AnEmptyOrTinyRequestIsNotFoundInsideAnUnrelatedReply) {
  LedgerScript s;
  s.master.send(kBufA, 0x400, 0x400, "", 10);
  s.master.send(kBufB, 0x400, 0x400, "ab", 11);
  s.remote.receive(kBufA, 0x400, 0x400, "", 20);
  s.remote.receive(kBufB, 0x400, 0x400, "ab", 21);
  s.remote.send(kBufC, 0x400, 0x400, "something else ab", 30);
  s.remote.send(kBufC + 0x200, 0x400, 0x400, "", 31); // an empty reply echoes the empty request
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[2].echo_of, 0u);
  EXPECT_EQ(r[3].echo_of, 1u);
}

TEST(Ledger, APublishTheRingThenRefusedIsTheSendFailingNotAMessageInTheRing) {
  // The stack reports the publish before the store that makes it visible; the store failed.
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "x", 10);
  s.master.fail("send_failed", 12);
  s.remote.take(kBufA, 20); // whatever the receiver finds there is not this message
  const Ledger::Record r = only(s.finish(100));
  EXPECT_EQ(r.reason, "send_failed");
  EXPECT_EQ(s.summary().unexpected, 1u);
}

TEST(Ledger, ChannelsAreNamedByTheNameServiceAndItsMessagesAreNotCounted) {
  LedgerScript s;
  s.remote.announce(kBufC, "rpmsg-client-sample", 0x400, 5);
  s.master.receive(kBufC, 0x400, 53, "", 6); // the bus decodes it, no payload copy
  s.master.send(kBufA, 0x401, 0x400, "hi", 10);
  s.remote.send(kBufC, 0x400, 0x401, "hi", 20);
  s.master.send(kBufB, 0x401, 0x500, "to nobody named", 30);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].id, 1u); // numbered among application messages
  EXPECT_EQ(r[0].channel, "rpmsg-client-sample");
  EXPECT_EQ(r[1].channel, "rpmsg-client-sample");
  EXPECT_EQ(r[2].channel, "0x401->0x500");
  EXPECT_EQ(s.summary().control, 1u);
  EXPECT_EQ(s.summary().sent, 3u);
}

TEST(Ledger, ABareProgramNamesItsOwnChannel) {
  LedgerScript s;
  hal::ProbeEvent e;
  const std::uint32_t value = 7;
  e = hal::message_event(hal::ProbeKind::kTxPublished, 0x200c6000, 0, 0, &value, 4);
  e.channel = "shared_flag";
  s.ledger.on_probe(Side::kMaster, "writer", e, 10);
  EXPECT_EQ(only(s.finish(100)).channel, "shared_flag");
}

TEST(Ledger, LatencyPercentilesUseNearestRank) {
  LedgerScript s;
  for (std::uint64_t i = 1; i <= 100; ++i) {
    const std::string p = "m" + std::to_string(i);
    s.master.send(kBufA, 1, 2, p, 0);
    s.remote.take(kBufA, i);
    s.remote.hand(kBufA, 1, 2, p, i);
  }
  s.finish(1000);
  const LedgerSummary sum = s.summary();
  EXPECT_EQ(sum.latency_p50_ps, 50000u);
  EXPECT_EQ(sum.latency_p99_ps, 99000u);
  EXPECT_EQ(sum.latency_max_ps, 100000u);
}

TEST(Ledger, AReadStampedBeforeItsSendOnAnotherCoreHasNoNegativeLatency) {
  LedgerScript s;
  s.master.send(kBufA, 1, 2, "x", 100);
  s.remote.receive(kBufA, 1, 2, "x", 90); // the receiver's decoupled clock lags
  const Ledger::Record r = only(s.finish(1000));
  EXPECT_EQ(r.received_ps, r.sent_ps);
}

TEST(Ledger, AMessageStillBeingSentSaysWhere) {
  LedgerScript s;
  s.master.start(1, 2, "waiting", 10);
  s.master.start(3, 2, "other thread", 11);
  s.master.buffer(kBufA, 12);
  const auto r = s.finish(100);
  ASSERT_EQ(r.size(), 2u);
  // Both from the same scripted thread: the second send replaced the first's record of it.
  EXPECT_EQ(r[0].where, "in master's send, waiting for a TX buffer");
  EXPECT_EQ(r[1].where, "in master's TX buffer, not yet published");
}

} // namespace
} // namespace sim::app::test
