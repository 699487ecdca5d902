// SPDX-License-Identifier: Apache-2.0
#include "sim/timing.h"

#include <gtest/gtest.h>

#include "sim/timing_report.h"
#include "tests/sim/ledger_script.h"

namespace sim::app::test {
namespace {

constexpr std::uint64_t kEcho = 0x200ca000;

/// Request `n` from the master (kicked, raised, taken by the remote's stack, consumed by its
/// application after `app_delay`) and its echo back. Times in ns.
void round(LedgerScript& s, unsigned n, std::uint64_t t0, std::uint64_t isr_delay) {
  const std::uint64_t buf = 0x200cb000 + 0x200 * n;
  const std::string p = "request " + std::to_string(n);
  s.master.start(0x400, 0x400, p, t0);
  s.master.buffer(buf, t0 + 1);
  s.master.publish(buf, 0x400, 0x400, p, t0 + 2);
  s.kick("master", t0 + 3);
  s.rx_irq("remote", true, t0 + 3);
  s.remote.isr(t0 + 3 + isr_delay);
  s.rx_irq("remote", false, t0 + 3 + isr_delay);
  s.remote.take(buf, t0 + 4 + isr_delay);
  s.remote.hand(buf, 0x400, 0x400, p, t0 + 5 + isr_delay);
  s.remote.held(0x400, p, "queue", t0 + 5 + isr_delay);
  s.remote.consumed(0x400, p, t0 + 6 + isr_delay);
  s.remote.start(0x400, 0x400, p, t0 + 7 + isr_delay);
  s.remote.publish(kEcho, 0x400, 0x400, p, t0 + 7 + isr_delay, "vring0");
  s.master.receive(kEcho, 0x400, 0x400, p, t0 + 9 + isr_delay);
}

TEST(Timing, IntervalsPerDirectionWithPercentiles) {
  LedgerScript s;
  round(s, 1, 10000, 1000);
  round(s, 2, 20000, 3000);
  round(s, 3, 30000, 2000);
  s.master.start(0x400, 0x400, "in flight", 40000);
  s.master.buffer(0x200cb000, 40001);
  const TimingResult t = summarize_timing(s.finish(50000), {});
  ASSERT_EQ(t.directions.size(), 2u);
  const DirectionTiming& m = t.directions[0];
  EXPECT_EQ(m.sender, "master");
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
  EXPECT_EQ(r.sender, "remote");
  EXPECT_EQ(r.received, 3u);
  ASSERT_EQ(t.round_trips.size(), 1u);
  EXPECT_EQ(t.round_trips[0].channel, "0x400->0x400");
  EXPECT_EQ(t.round_trips[0].requester, "master");
  EXPECT_EQ(t.round_trips[0].ps.count, 3u);
  EXPECT_EQ(t.round_trips[0].ps.p50, 2010000u);
  EXPECT_EQ(t.round_trips[0].ps.max, 3010000u);
}

TEST(Timing, ReportAndSummaryNameTheStages) {
  LedgerScript s;
  round(s, 1, 10000, 1000);
  CoreUsage busy;
  busy.cluster = "remote";
  busy.thread_ps = 750;
  busy.isr_ps = 0;
  busy.idle_ps = 250;
  busy.console_ps = 500;
  busy.by_thread["app"] = 750;
  CoreUsage idle;
  idle.cluster = "master";
  idle.core = 1;
  idle.idle_ps = 1000;
  const TimingResult t = summarize_timing(s.finish(20000), {busy, idle});
  const auto j = timing_json(t);
  const auto& stages = j["directions"]["master_to_remote"]["stages"];
  ASSERT_EQ(stages.size(), 8u);
  EXPECT_EQ(stages[4]["from"], "irq");
  EXPECT_EQ(stages[4]["to"], "isr");
  EXPECT_EQ(j["round_trips"][0]["channel"], "0x400->0x400");
  EXPECT_EQ(j["round_trips"][0]["requester"], "master");
  EXPECT_EQ(j["cores"][0]["busy_percent"], 75.0);
  const std::string text = timing_summary(t);
  EXPECT_NE(text.find("master -> remote: 1 sent, 1 received"), std::string::npos) << text;
  EXPECT_NE(text.find("irq -> isr"), std::string::npos) << text;
  EXPECT_NE(text.find("0x400->0x400 from master: 1 round trip(s)"), std::string::npos) << text;
  EXPECT_NE(text.find("remote.0 busy 75.0%: threads 75.0% (console 50.0%)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("top app 75.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("master.1 idle"), std::string::npos) << text;
}

} // namespace
} // namespace sim::app::test
