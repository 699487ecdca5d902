// SPDX-License-Identifier: Apache-2.0
#include "sim/report/timing_report.h"

#include <gtest/gtest.h>

#include "tests/sim/ledger/ledger_script.h"

namespace sim::app::test {
namespace {

TEST(Timing, ReportAndSummaryNameTheStages) {
  LedgerScript s;
  script_echo_round(s, 1, 10000, 1000);
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
