// SPDX-License-Identifier: Apache-2.0
// report.json and the summary from a hand-made run: the consoles section.
#include "sim/report/report.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

RunOutput with_consoles() {
  RunOutput run;
  run.result.outcome = "completed";
  run.result.consoles[Side::kMaster] = {10, 839, 72'830'000'000, 12, 64'956'000'000};
  run.result.consoles[Side::kRemote] = {6, 282, 24'479'000'000, 3, 10'585'000'000};
  return run;
}

TEST(Report, ConsolesSayWhatEachUartCarriedAndCost) {
  Scenario sc;
  sc.name = "consoles";
  const nlohmann::ordered_json j = report_json(sc, with_consoles());
  ASSERT_TRUE(j.contains("consoles"));
  const auto& m = j["consoles"]["master"];
  EXPECT_EQ(m["lines"], 10);
  EXPECT_EQ(m["bytes"], 839);
  EXPECT_DOUBLE_EQ(m["busy_ms"].get<double>(), 72.83);
  EXPECT_EQ(m["stalls"], 12);
  EXPECT_DOUBLE_EQ(m["stall_ms"].get<double>(), 64.956);
  EXPECT_EQ(j["consoles"]["remote"]["lines"], 6);
}

TEST(Report, TheSummaryHasOneConsolesLine) {
  Scenario sc;
  sc.name = "consoles";
  const std::string s = summary_text(sc, with_consoles());
  EXPECT_NE(s.find("consoles  master: 10 lines, 839 bytes, wire busy 72.830 ms, writers waited "
                   "64.956 ms; remote: 6 lines"),
            std::string::npos)
      << s;
}

TEST(Report, LostLogLinesAreToldApartFromLostMessages) {
  Scenario sc;
  RunOutput run = with_consoles();
  run.result.zephyr_counters = {{"log_messages", 307}, {"log_dropped", 214}, {"log_lines", 93}};
  run.result.messages.dropped = 0;
  const std::string s = summary_text(sc, run);
  EXPECT_NE(s.find("log       remote's log lost 214 of 307 lines; RPMsg lost 0 messages\n"),
            std::string::npos)
      << s;
  const nlohmann::ordered_json j = report_json(sc, run);
  EXPECT_EQ(j["consoles"]["remote"]["log_dropped"], 214);
  EXPECT_EQ(j["consoles"]["remote"]["log_messages"], 307);
  EXPECT_EQ(j["consoles"]["remote"]["log_buffered"], 0);
  // Everything printed: no such line.
  run.result.zephyr_counters = {{"log_messages", 14}, {"log_dropped", 0}, {"log_lines", 14}};
  EXPECT_EQ(summary_text(sc, run).find("log       "), std::string::npos);
}

TEST(Report, LogLinesTheLogThreadHadNotPrintedYetAreNotCalledLost) {
  Scenario sc;
  RunOutput run = with_consoles();
  run.result.zephyr_counters = {{"log_messages", 14}, {"log_dropped", 0}, {"log_lines", 9}};
  const std::string s = summary_text(sc, run);
  EXPECT_NE(s.find("log       remote's log lost 0 of 14 lines, 5 still buffered at the end; RPMsg "
                   "lost 0 messages\n"),
            std::string::npos)
      << s;
  EXPECT_EQ(report_json(sc, run)["consoles"]["remote"]["log_buffered"], 5);
}

TEST(Report, NoUartNoConsolesSection) {
  Scenario sc;
  RunOutput run;
  run.result.outcome = "completed";
  EXPECT_FALSE(report_json(sc, run).contains("consoles"));
  EXPECT_EQ(summary_text(sc, run).find("consoles"), std::string::npos);
}

} // namespace
} // namespace sim::app
