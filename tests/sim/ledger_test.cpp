// SPDX-License-Identifier: Apache-2.0
#include "sim/ledger.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

hal::ProbeEvent event(hal::ProbeKind kind, std::uint64_t id, std::uint64_t digest) {
  hal::ProbeEvent e;
  e.kind = kind;
  e.id = id;
  e.digest = digest;
  e.length = 4;
  e.endpoint = "ep";
  return e;
}

TEST(Ledger, AccountsEveryMessageExactlyOnce) {
  Ledger l;
  l.on_probe("master", "t", event(hal::ProbeKind::kMessageSent, 1, 0xaa), 1000);
  l.on_probe("master", "t", event(hal::ProbeKind::kMessageSent, 2, 0xbb), 2000);
  l.on_probe("master", "t", event(hal::ProbeKind::kMessageSent, 3, 0xcc), 3000);
  l.on_probe("master", "t", event(hal::ProbeKind::kMessageSent, 4, 0xdd), 4000);
  l.on_probe("remote", "r", event(hal::ProbeKind::kMessageReceived, 1, 0xaa), 11000);
  l.on_probe("remote", "r", event(hal::ProbeKind::kMessageReceived, 2, 0xaa), 12000);
  hal::ProbeEvent drop = event(hal::ProbeKind::kMessageDropped, 3, 0);
  drop.reason = "slot_overwritten";
  l.on_probe("remote", "r", drop, 13000);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.sent, 4u);
  EXPECT_EQ(s.delivered, 1u);
  EXPECT_EQ(s.corrupted, 1u);
  EXPECT_EQ(s.dropped, 1u);
  EXPECT_EQ(s.drops["slot_overwritten"], 1u);
  EXPECT_EQ(s.in_flight, 1u);
  EXPECT_EQ(s.sent, s.delivered + s.corrupted + s.dropped + s.in_flight);
}

TEST(Ledger, LatencyPercentilesUseNearestRank) {
  Ledger l;
  for (std::uint64_t i = 1; i <= 100; ++i) {
    l.on_probe("m", "t", event(hal::ProbeKind::kMessageSent, i, i), 0);
    l.on_probe("r", "t", event(hal::ProbeKind::kMessageReceived, i, i), i * 1000);
  }
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.latency_p50_ps, 50000u);
  EXPECT_EQ(s.latency_p99_ps, 99000u);
  EXPECT_EQ(s.latency_max_ps, 100000u);
}

TEST(Ledger, SameIdOnTwoEndpointsAreTwoMessages) {
  Ledger l;
  hal::ProbeEvent a = event(hal::ProbeKind::kMessageSent, 1, 7);
  hal::ProbeEvent b = a;
  b.endpoint = "other";
  l.on_probe("m", "t", a, 0);
  l.on_probe("m", "t", b, 0);
  hal::ProbeEvent rb = event(hal::ProbeKind::kMessageReceived, 1, 7);
  rb.endpoint = "other";
  l.on_probe("r", "t", rb, 10);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.sent, 2u);
  EXPECT_EQ(s.delivered, 1u);
  EXPECT_EQ(s.in_flight, 1u);
}

TEST(Ledger, DuplicateOrUnknownReceiveIsCountedAsUnexpected) {
  Ledger l;
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageSent, 1, 7), 0);
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageReceived, 1, 7), 10);
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageReceived, 1, 7), 20);
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageReceived, 9, 7), 30);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.delivered, 1u);
  EXPECT_EQ(s.unexpected, 2u);
}

TEST(Ledger, TheSameIdSentTwiceIsTwoMessagesMatchedInOrder) {
  // The stock responder echoing one slot twice: two copies on the wire, each received once.
  Ledger l;
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageSent, 3, 7), 100);
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageSent, 3, 7), 300);
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageReceived, 3, 7), 200);
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageReceived, 3, 7), 450);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.sent, 2u);
  EXPECT_EQ(s.delivered, 2u);
  EXPECT_EQ(s.unexpected, 0u);
  EXPECT_EQ(s.latency_p50_ps, 100u); // 200 - 100
  EXPECT_EQ(s.latency_max_ps, 150u); // 450 - 300
  ASSERT_EQ(l.messages().at({"ep", 3}).size(), 2u);
}

TEST(Ledger, DropGoesToTheOldestCopyStillOpen) {
  Ledger l;
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageSent, 1, 7), 0);
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageSent, 1, 7), 10);
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageReceived, 1, 7), 20);
  hal::ProbeEvent drop = event(hal::ProbeKind::kMessageDropped, 1, 0);
  drop.reason = "slot_overwritten";
  l.on_probe("r", "t", drop, 30);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.delivered, 1u);
  EXPECT_EQ(s.drops["slot_overwritten"], 1u);
  EXPECT_EQ(s.in_flight, 0u);
}

TEST(Ledger, AReceiveBeforeALateSendProbeIsMatchedWhenTheSendArrives) {
  // A sender probing after rpmsg_send returned can be overtaken by the receiver's probe.
  Ledger l;
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageReceived, 5, 9), 1000);
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageSent, 5, 9), 1200);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.delivered, 1u);
  EXPECT_EQ(s.unexpected, 0u);
  EXPECT_EQ(s.latency_max_ps, 0u); // never negative
}

TEST(Ledger, AReceiveStampedBeforeItsSendHasZeroLatencyNotAWrappedOne) {
  // Each core stamps its own decoupled time: the receiver's may be behind the sender's.
  Ledger l;
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageSent, 1, 7), 300);
  l.on_probe("r", "t", event(hal::ProbeKind::kMessageReceived, 1, 7), 200);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.delivered, 1u);
  EXPECT_EQ(s.latency_max_ps, 0u);
}

TEST(Ledger, DropsOfNoOpenMessageAreCountedAndDropTimesKept) {
  Ledger l;
  l.on_probe("m", "t", event(hal::ProbeKind::kMessageSent, 9, 7), 0);
  hal::ProbeEvent drop = event(hal::ProbeKind::kMessageDropped, 9, 0);
  drop.reason = "held_buffer_leaked";
  for (int i = 0; i < 3; ++i) l.on_probe("r", "t", drop, 1000 + i);
  LedgerSummary s = l.summary();
  EXPECT_EQ(s.dropped, 1u);
  EXPECT_EQ(s.unexpected_drops, 2u);
  ASSERT_EQ(l.records().size(), 1u);
  EXPECT_EQ(l.records()[0].dropped_ps, 1000u);
}

} // namespace
} // namespace sim::app
