// SPDX-License-Identifier: Apache-2.0
#include "sim/timing.h"

#include <gtest/gtest.h>

#include "sim/timing_report.h"

namespace sim::app {
namespace {

using hal::Stage;

hal::ProbeEvent message(hal::ProbeKind kind, const char* endpoint, std::uint64_t id) {
  hal::ProbeEvent e;
  e.kind = kind;
  e.id = id;
  e.digest = id;
  e.length = 4;
  e.endpoint = endpoint;
  return e;
}

/// Request `id` from the master (kicked, raised, taken) and its echo from the remote.
void round(Ledger& l, std::uint64_t id, std::uint64_t t0, std::uint64_t isr_delay) {
  const std::uint64_t buf = 0x200ca000 + 0x200 * id;
  l.on_probe("master", "t", message(hal::ProbeKind::kMessageSent, "req", id), t0);
  l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, buf), t0 + 100);
  l.on_probe("master", "t", hal::stage_event(Stage::kPublished, buf), t0 + 200);
  l.on_kick("master", t0 + 300);
  l.on_rx_irq("remote", true, t0 + 300);
  l.on_probe("remote", "isr", hal::stage_event(Stage::kIsr), t0 + 300 + isr_delay);
  l.on_rx_irq("remote", false, t0 + 300 + isr_delay);
  l.on_probe("remote", "r", hal::stage_event(Stage::kDrained, buf), t0 + 400 + isr_delay);
  l.on_probe("remote", "r", hal::stage_event(Stage::kCallback, buf), t0 + 500 + isr_delay);
  l.on_probe("remote", "r", message(hal::ProbeKind::kMessageReceived, "req", id),
             t0 + 600 + isr_delay);
  l.on_probe("remote", "r", message(hal::ProbeKind::kMessageSent, "rep", id), t0 + 700 + isr_delay);
  l.on_probe("master", "t", message(hal::ProbeKind::kMessageReceived, "rep", id),
             t0 + 1000 + isr_delay);
}

TEST(Timing, IntervalsPerDirectionWithPercentiles) {
  Ledger l;
  round(l, 1, 10000, 1000);
  round(l, 2, 20000, 3000);
  round(l, 3, 30000, 2000);
  l.on_probe("master", "t", message(hal::ProbeKind::kMessageSent, "req", 4), 40000); // in flight
  l.on_probe("master", "t", hal::stage_event(Stage::kBuffer, 0x200cb000), 40100);
  const TimingResult t = summarize_timing(l, {{"req", "rep"}}, {});
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
  EXPECT_EQ(irq_isr.ps.p50, 2000u);
  EXPECT_EQ(irq_isr.ps.p99, 3000u);
  EXPECT_EQ(irq_isr.ps.max, 3000u);
  EXPECT_EQ(m.intervals[0].ps.count, 4u); // the one in flight got its buffer too
  EXPECT_EQ(m.total.count, 3u);
  EXPECT_EQ(m.total.max, 3600u);
  // The replies: the remote's probes name no stack stage here, only send and receive.
  const DirectionTiming& r = t.directions[1];
  EXPECT_EQ(r.sender, "remote");
  ASSERT_EQ(r.intervals.size(), 1u);
  EXPECT_EQ(r.intervals[0].from, MessageStage::kSend);
  EXPECT_EQ(r.intervals[0].to, MessageStage::kReceive);
  EXPECT_EQ(r.intervals[0].ps.p50, 300u);
  ASSERT_EQ(t.round_trips.size(), 1u);
  EXPECT_EQ(t.round_trips[0].ps.count, 3u);
  EXPECT_EQ(t.round_trips[0].ps.p50, 3000u);
  EXPECT_EQ(t.round_trips[0].ps.max, 4000u);
}

TEST(Timing, ReportAndSummaryNameTheStages) {
  Ledger l;
  round(l, 1, 10000, 1000);
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
  const TimingResult t = summarize_timing(l, {{"req", "rep"}}, {busy, idle});
  const auto j = timing_json(t);
  const auto& stages = j["directions"]["master_to_remote"]["stages"];
  ASSERT_EQ(stages.size(), 8u);
  EXPECT_EQ(stages[4]["from"], "irq");
  EXPECT_EQ(stages[4]["to"], "isr");
  EXPECT_EQ(j["round_trips"][0]["request"], "req");
  EXPECT_EQ(j["cores"][0]["busy_percent"], 75.0);
  const std::string text = timing_summary(t);
  EXPECT_NE(text.find("master -> remote: 1 sent, 1 received"), std::string::npos) << text;
  EXPECT_NE(text.find("irq -> isr"), std::string::npos) << text;
  EXPECT_NE(text.find("req -> rep: 1 round trip(s)"), std::string::npos) << text;
  EXPECT_NE(text.find("remote.0 busy 75.0%: threads 75.0% (console 50.0%)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("top app 75.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("master.1 idle"), std::string::npos) << text;
}

} // namespace
} // namespace sim::app
