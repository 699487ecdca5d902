// SPDX-License-Identifier: Apache-2.0
#include "sim/run/timing.h"

#include <gtest/gtest.h>

#include "tests/sim/ledger/ledger_script.h"

namespace sim::app::test {
namespace {

TEST(Timing, IntervalsPerDirectionWithPercentiles) {
  LedgerScript s;
  script_echo_round(s, 1, 10000, 1000);
  script_echo_round(s, 2, 20000, 3000);
  script_echo_round(s, 3, 30000, 2000);
  s.master.start(0x400, 0x400, "in flight", 40000);
  s.master.buffer(0x200cb000, 40001);
  const TimingResult t = summarize_timing(s.finish(50000), {});
  ASSERT_EQ(t.directions.size(), 2u);
  const DirectionTiming& m = t.directions[0];
  EXPECT_EQ(m.direction, Direction::kMasterToRemote);
  EXPECT_EQ(m.messages, 4u);
  EXPECT_EQ(m.received, 3u);
  ASSERT_EQ(m.intervals.size(), 8u); // send..receive: 8 consecutive pairs
  const StageInterval& irq_isr = m.intervals[4];
  EXPECT_EQ(irq_isr.from, MessageStage::kIrq);
  EXPECT_EQ(irq_isr.to, MessageStage::kIsr);
  EXPECT_EQ(irq_isr.ps.count, 3u);
  EXPECT_EQ(irq_isr.ps.p50, 2000000u);
  EXPECT_EQ(irq_isr.ps.p99, 3000000u);
  EXPECT_EQ(m.intervals[0].ps.count, 4u); // the one in flight got its buffer too
  EXPECT_EQ(m.total.count, 3u);
  EXPECT_EQ(m.total.max, 3006000u); // send -> the application took it
  // The echoes: started and published at once, read by Linux's callback two ns later.
  const DirectionTiming& r = t.directions[1];
  EXPECT_EQ(r.direction, Direction::kRemoteToMaster);
  EXPECT_EQ(r.received, 3u);
  ASSERT_EQ(t.round_trips.size(), 1u);
  EXPECT_EQ(t.round_trips[0].channel, "0x400->0x400");
  EXPECT_EQ(t.round_trips[0].requester, Side::kMaster);
  EXPECT_EQ(t.round_trips[0].ps.count, 3u);
  EXPECT_EQ(t.round_trips[0].ps.p50, 2010000u);
  EXPECT_EQ(t.round_trips[0].ps.max, 3010000u);
}

} // namespace
} // namespace sim::app::test
