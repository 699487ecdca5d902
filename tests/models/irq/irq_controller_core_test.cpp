// SPDX-License-Identifier: Apache-2.0
#include "models/irq/irq_controller_core.h"

#include <gtest/gtest.h>

namespace sim::models {
namespace {

constexpr unsigned kMailboxRx = 240;
constexpr unsigned kMailboxTx = 241;

TEST(IrqControllerCore, HighLevelOnEnabledLineIsPendingForItsTargetCore) {
  IrqControllerCore gic(2);
  gic.set_target(kMailboxRx, 1);
  gic.enable(kMailboxRx, true);
  gic.set_level(kMailboxRx, true);
  EXPECT_TRUE(gic.pending_for(1));
  EXPECT_FALSE(gic.pending_for(0));
}

TEST(IrqControllerCore, DisabledLineIsNotPending) {
  IrqControllerCore gic(1);
  gic.set_level(kMailboxRx, true);
  EXPECT_FALSE(gic.pending_for(0));
  gic.enable(kMailboxRx, true);
  EXPECT_TRUE(gic.pending_for(0));
}

TEST(IrqControllerCore, AcknowledgeMakesLineActiveUntilEoi) {
  IrqControllerCore gic(1);
  gic.enable(kMailboxRx, true);
  gic.set_level(kMailboxRx, true);
  EXPECT_EQ(gic.acknowledge(0), kMailboxRx);
  EXPECT_FALSE(gic.pending_for(0));
  EXPECT_EQ(gic.acknowledge(0), std::nullopt);
  gic.end_of_interrupt(kMailboxRx);
  // Level semantics: still high after EOI means pending again.
  EXPECT_TRUE(gic.pending_for(0));
}

TEST(IrqControllerCore, LoweredLineIsNotPendingAfterEoi) {
  IrqControllerCore gic(1);
  gic.enable(kMailboxRx, true);
  gic.set_level(kMailboxRx, true);
  gic.acknowledge(0);
  gic.set_level(kMailboxRx, false);
  gic.end_of_interrupt(kMailboxRx);
  EXPECT_FALSE(gic.pending_for(0));
}

TEST(IrqControllerCore, AcknowledgePicksHighestPriorityThenLowestLine) {
  IrqControllerCore gic(1);
  for (unsigned l : {kMailboxRx, kMailboxTx}) {
    gic.enable(l, true);
    gic.set_level(l, true);
  }
  EXPECT_EQ(gic.acknowledge(0), kMailboxRx);
  gic.end_of_interrupt(kMailboxRx);
  gic.set_priority(kMailboxTx, 0x10);
  EXPECT_EQ(gic.acknowledge(0), kMailboxTx);
}

TEST(IrqControllerCore, NotifiesTargetCoreWhenPendingAppears) {
  IrqControllerCore gic(2);
  std::vector<unsigned> notified;
  gic.on_pending([&](unsigned core) { notified.push_back(core); });
  gic.set_target(kMailboxRx, 1);
  gic.enable(kMailboxRx, true);
  EXPECT_TRUE(notified.empty());
  gic.set_level(kMailboxRx, true);
  ASSERT_EQ(notified.size(), 1u);
  EXPECT_EQ(notified[0], 1u);
}

TEST(IrqControllerCore, CountsAssertionsAndDeliveries) {
  IrqControllerCore gic(1);
  gic.enable(kMailboxRx, true);
  gic.set_level(kMailboxRx, true);
  gic.set_level(kMailboxRx, true);
  gic.acknowledge(0);
  EXPECT_EQ(gic.stats(kMailboxRx).assertions, 1u);
  EXPECT_EQ(gic.stats(kMailboxRx).deliveries, 1u);
}

TEST(IrqControllerCore, RoutingToMissingCoreIsRejected) {
  IrqControllerCore gic(2);
  EXPECT_THROW(gic.set_target(kMailboxRx, 2), std::invalid_argument);
}

} // namespace
} // namespace sim::models
