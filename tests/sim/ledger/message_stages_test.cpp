// SPDX-License-Identifier: Apache-2.0
// Stage records and the notification stages (kick, irq, isr) tied to messages by order.
#include "sim/ledger/message_stages.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

TEST(MessageStages, OneKickNotifiesEveryMessagePublishedBeforeIt) {
  NotificationTracker n;
  StageTimes a, b;
  a.record(MessageStage::kPublish, 100);
  b.record(MessageStage::kPublish, 200);
  n.on_published(Side::kMaster, a);
  n.on_published(Side::kMaster, b);
  n.on_kick(Side::kMaster, true, 300);
  n.on_rx_irq(Side::kRemote, true, 310);
  n.on_isr(Side::kRemote, 320);
  for (const StageTimes* t : {&a, &b}) {
    EXPECT_EQ(t->at(MessageStage::kKick), 300u);
    EXPECT_EQ(t->at(MessageStage::kIrq), 310u);
    EXPECT_EQ(t->at(MessageStage::kIsr), 320u);
  }
}

TEST(MessageStages, AKickWhileTheReceiversPinIsHighIsRaisedAtOnce) {
  NotificationTracker n;
  n.on_rx_irq(Side::kRemote, true, 50); // an earlier notification not yet taken
  StageTimes t;
  t.record(MessageStage::kPublish, 120);
  n.on_published(Side::kMaster, t);
  n.on_kick(Side::kMaster, true, 130);
  n.on_isr(Side::kRemote, 140);
  EXPECT_EQ(t.at(MessageStage::kIrq), 130u);
  EXPECT_EQ(t.at(MessageStage::kIsr), 140u);
}

TEST(MessageStages, AMessageDrainedBeforeItsKickKeepsNoNotificationStages) {
  NotificationTracker n;
  StageTimes t;
  t.record(MessageStage::kPublish, 120);
  n.on_published(Side::kMaster, t);
  // The receiver, still draining after an earlier kick, takes it before this kick is written.
  t.record(MessageStage::kDrain, 125);
  n.on_kick(Side::kMaster, true, 130);
  n.on_rx_irq(Side::kRemote, true, 135);
  n.on_isr(Side::kRemote, 140);
  EXPECT_TRUE(t.has(MessageStage::kDrain));
  EXPECT_FALSE(t.has(MessageStage::kKick));
  EXPECT_FALSE(t.has(MessageStage::kIrq));
  EXPECT_FALSE(t.has(MessageStage::kIsr));
}

TEST(MessageStages, ALostKickNotifiesNothingAndEveryWaitingMessageCountsIt) {
  NotificationTracker n;
  StageTimes t;
  t.record(MessageStage::kPublish, 100);
  n.on_published(Side::kMaster, t);
  n.on_kick(Side::kMaster, false, 110); // the mailbox dropped it
  n.on_kick_lost(Side::kMaster);        // the driver could not send the next one
  EXPECT_EQ(t.kicks_lost, 2u);
  EXPECT_FALSE(t.has(MessageStage::kKick));
  n.on_kick(Side::kMaster, true, 200);
  EXPECT_EQ(t.at(MessageStage::kKick), 200u);
  EXPECT_EQ(t.kicks_lost, 2u);
}

TEST(MessageStages, TheReceiversHandlerTakesOnlyItsPeersNotifications) {
  NotificationTracker n;
  StageTimes t;
  t.record(MessageStage::kPublish, 100);
  n.on_published(Side::kMaster, t);
  n.on_kick(Side::kMaster, true, 110);
  n.on_rx_irq(Side::kMaster, true, 115); // the sender's own RX pin
  n.on_isr(Side::kMaster, 120);
  EXPECT_FALSE(t.has(MessageStage::kIrq));
  n.on_rx_irq(Side::kRemote, true, 130);
  n.on_isr(Side::kRemote, 140);
  EXPECT_EQ(t.at(MessageStage::kIrq), 130u);
  EXPECT_EQ(t.at(MessageStage::kIsr), 140u);
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
