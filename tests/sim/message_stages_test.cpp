// SPDX-License-Identifier: Apache-2.0
#include "sim/message_stages.h"

#include <gtest/gtest.h>

#include "sim/ledger.h"

namespace sim::app {
namespace {

using hal::Stage;

constexpr std::uint64_t kBufA = 0x200ca000;
constexpr std::uint64_t kBufB = 0x200ca200;

hal::ProbeEvent sent(std::uint64_t id, bool after_send = false) {
  hal::ProbeEvent e;
  e.kind = hal::ProbeKind::kMessageSent;
  e.id = id;
  e.digest = id;
  e.length = 4;
  e.endpoint = "ep";
  e.after_send = after_send;
  return e;
}

hal::ProbeEvent received(std::uint64_t id) {
  hal::ProbeEvent e = sent(id);
  e.kind = hal::ProbeKind::kMessageReceived;
  return e;
}

const StageTimes& stages_of(const Ledger& l, std::uint64_t id, std::size_t copy = 0) {
  return l.messages().at({"ep", id}).at(copy).stages;
}

/// One message from the master's thread `t`, all the way to the remote's application.
void one_message(Ledger& l, std::uint64_t id, std::uint64_t addr, std::uint64_t t0) {
  l.on_probe("master", "t", sent(id), t0);
  l.on_probe("master", "t", hal::stage_event(Stage::kSendCalled), t0 + 10);
  l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, addr), t0 + 20);
  l.on_probe("master", "t", hal::stage_event(Stage::kPublished, addr), t0 + 30);
  l.on_kick("master", t0 + 40);
  l.on_rx_irq("remote", true, t0 + 50);
  l.on_probe("remote", "isr", hal::stage_event(Stage::kIsr), t0 + 60);
  l.on_rx_irq("remote", false, t0 + 61);
  l.on_probe("remote", "rpmsg", hal::stage_event(Stage::kDrained, addr), t0 + 70);
  l.on_probe("remote", "rpmsg", hal::stage_event(Stage::kCallback, addr), t0 + 80);
  l.on_probe("remote", "app", received(id), t0 + 90);
}

TEST(MessageStages, ProbeBeforeSendTiesTheThreadsNextSendToTheMessage) {
  Ledger l;
  one_message(l, 1, kBufA, 1000);
  const StageTimes& s = stages_of(l, 1);
  // The application's probe is the send; the stack's entry point (10 ps later) does not move it.
  const std::vector<std::uint64_t> want = {1000, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090};
  for (unsigned i = 0; i < kMessageStageCount; ++i) {
    const auto stage = static_cast<MessageStage>(i);
    ASSERT_TRUE(s.has(stage)) << stage_name(stage);
    EXPECT_EQ(s.at(stage), want[i]) << stage_name(stage);
  }
}

TEST(MessageStages, ProbeAfterSendTakesTheStagesTheThreadJustReported) {
  Ledger l;
  // A Zephyr responder: the stack runs first, the application probes after rpmsg_send returned.
  l.on_probe("remote", "app", hal::stage_event(Stage::kSendCalled), 100);
  l.on_probe("remote", "app", hal::stage_event(Stage::kBuffer, kBufB), 110);
  l.on_probe("remote", "app", hal::stage_event(Stage::kPublished, kBufB), 120);
  l.on_kick("remote", 130);
  l.on_probe("remote", "app", sent(7, /*after_send=*/true), 140);
  l.on_rx_irq("master", true, 150);
  l.on_probe("master", "isr", hal::stage_event(Stage::kIsr), 160);
  l.on_probe("master", "irq/242", hal::stage_event(Stage::kDrained, kBufB), 170);
  l.on_probe("master", "irq/242", hal::stage_event(Stage::kCallback, kBufB), 180);
  l.on_probe("master", "irq/242", received(7), 190);
  const StageTimes& s = stages_of(l, 7);
  EXPECT_EQ(s.at(MessageStage::kSend), 100u); // the stack's entry, not the late probe
  EXPECT_EQ(s.at(MessageStage::kBuffer), 110u);
  EXPECT_EQ(s.at(MessageStage::kKick), 130u);
  EXPECT_EQ(s.at(MessageStage::kIrq), 150u);
  EXPECT_EQ(s.at(MessageStage::kReceive), 190u);
}

TEST(MessageStages, ASendTheApplicationsDoNotAccountIsNotTiedToTheNextMessage) {
  Ledger l;
  // An NS announcement from the same thread, then a message probed before its own send.
  l.on_probe("master", "t", hal::stage_event(Stage::kSendCalled), 10);
  l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, kBufA), 20);
  one_message(l, 1, kBufB, 1000);
  EXPECT_EQ(stages_of(l, 1).at(MessageStage::kBuffer), 1020u);
  // And a late probe whose thread's last send already belongs to a message ties nothing.
  l.on_probe("master", "t", sent(2, /*after_send=*/true), 2000);
  EXPECT_EQ(stages_of(l, 2).seen, 0u);
}

TEST(MessageStages, OneKickNotifiesEveryBufferPublishedBeforeIt) {
  Ledger l;
  for (std::uint64_t id : {1u, 2u}) {
    const std::uint64_t addr = id == 1 ? kBufA : kBufB;
    l.on_probe("master", "t", sent(id), id * 100);
    l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, addr), id * 100 + 10);
    l.on_probe("master", "t", hal::stage_event(Stage::kPublished, addr), id * 100 + 20);
  }
  l.on_kick("master", 300);
  l.on_rx_irq("remote", true, 310);
  l.on_probe("remote", "isr", hal::stage_event(Stage::kIsr), 320);
  for (std::uint64_t id : {1u, 2u}) {
    EXPECT_EQ(stages_of(l, id).at(MessageStage::kKick), 300u);
    EXPECT_EQ(stages_of(l, id).at(MessageStage::kIrq), 310u);
    EXPECT_EQ(stages_of(l, id).at(MessageStage::kIsr), 320u);
  }
}

TEST(MessageStages, AKickWhileTheReceiversPinIsHighIsRaisedAtOnce) {
  Ledger l;
  l.on_rx_irq("remote", true, 50); // an earlier notification not yet taken
  l.on_probe("master", "t", sent(1), 100);
  l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, kBufA), 110);
  l.on_probe("master", "t", hal::stage_event(Stage::kPublished, kBufA), 120);
  l.on_kick("master", 130);
  l.on_probe("remote", "isr", hal::stage_event(Stage::kIsr), 140);
  EXPECT_EQ(stages_of(l, 1).at(MessageStage::kIrq), 130u);
  EXPECT_EQ(stages_of(l, 1).at(MessageStage::kIsr), 140u);
}

TEST(MessageStages, AMessageDrainedBeforeItsKickKeepsNoNotificationStages) {
  Ledger l;
  l.on_probe("master", "t", sent(1), 100);
  l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, kBufA), 110);
  l.on_probe("master", "t", hal::stage_event(Stage::kPublished, kBufA), 120);
  // The receiver, still draining after an earlier kick, takes it before this kick is written.
  l.on_probe("remote", "rpmsg", hal::stage_event(Stage::kDrained, kBufA), 125);
  l.on_kick("master", 130);
  l.on_rx_irq("remote", true, 135);
  l.on_probe("remote", "isr", hal::stage_event(Stage::kIsr), 140);
  const StageTimes& s = stages_of(l, 1);
  EXPECT_TRUE(s.has(MessageStage::kDrain));
  EXPECT_FALSE(s.has(MessageStage::kKick));
  EXPECT_FALSE(s.has(MessageStage::kIrq));
  EXPECT_FALSE(s.has(MessageStage::kIsr));
}

TEST(MessageStages, TheReceiverOnlyMatchesThePeersBuffers) {
  Ledger l;
  l.on_probe("master", "t", sent(1), 100);
  l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, kBufA), 110);
  // The sender itself reusing the address (its own RX path) is not the receiver draining it.
  l.on_probe("master", "rx", hal::stage_event(Stage::kDrained, kBufA), 115);
  EXPECT_FALSE(stages_of(l, 1).has(MessageStage::kDrain));
}

TEST(MessageStages, ATimeBeforeAnEarlierStageIsRaisedToIt) {
  StageTimes s;
  EXPECT_TRUE(s.record(MessageStage::kKick, 500));
  EXPECT_FALSE(s.record(MessageStage::kPublish, 400)); // a later stage is there
  EXPECT_TRUE(s.record(MessageStage::kIrq, 450));      // another core's clock, a little behind
  EXPECT_EQ(s.at(MessageStage::kIrq), 500u);
  EXPECT_FALSE(s.record(MessageStage::kIrq, 600)); // once only
}

TEST(MessageStages, EveryStageHasAName) {
  EXPECT_STREQ(stage_name(MessageStage::kSend), "send");
  EXPECT_STREQ(stage_name(MessageStage::kIrq), "irq");
  EXPECT_STREQ(stage_name(MessageStage::kReceive), "receive");
}

} // namespace
} // namespace sim::app
