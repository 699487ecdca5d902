// SPDX-License-Identifier: Apache-2.0
// The coherency part of the summary and of report.json, from a hand-made result.
#include "sim/report/coherency_report.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

RunResult with_finding() {
  RunResult r;
  r.coherency.enabled = true;
  r.coherency.stats.violations = 2;
  r.coherency.by_kind = {
      {"stale_read", 2}, {"unpublished_read", 0}, {"lost_update", 0}, {"discarded_write", 0}};
  models::coherency::Finding f;
  f.kind = models::coherency::Kind::kStaleRead;
  f.address = 0x200c9082;
  f.size = 2;
  f.symbol = "vring1.avail.idx";
  f.count = 2;
  f.reader = {"remote", "rpmsg_rx", 5'000'000'000, "0x0001"};
  f.writer = {"master", "stream", 4'000'000'000, "0x0003"};
  f.hint = "missing invalidate before read";
  r.coherency.findings.push_back(f);
  return r;
}

TEST(CoherencyReport, SummaryShowsTheFindingInFullAndWhatWasLost) {
  RunResult r = with_finding();
  r.messages.sent = 3;
  Ledger::Record ok;
  ok.channel = "stream";
  ok.id = 1;
  ok.state = "delivered";
  Ledger::Record lost = ok;
  lost.id = 2;
  lost.state = "in_flight";
  r.message_log = {ok, lost};
  const std::string s = coherency_summary(r);
  EXPECT_NE(s.find("coherency 2 violation(s) in 1 finding(s): stale_read 2"), std::string::npos)
      << s;
  EXPECT_NE(s.find("stale_read vring1.avail.idx (0x200c9082, 2 B) x2"), std::string::npos) << s;
  EXPECT_NE(s.find("read by remote/rpmsg_rx at 5.000 ms (0x0001)"), std::string::npos) << s;
  EXPECT_NE(s.find("hint: missing invalidate before read"), std::string::npos) << s;
  EXPECT_NE(s.find("cost: 1 of 3 message(s) not delivered: stream #2 (in flight)"),
            std::string::npos)
      << s;
  const nlohmann::ordered_json j = coherency_json(r);
  EXPECT_EQ(j["findings"][0]["address"], "0x200c9082");
  EXPECT_EQ(j["findings"][0]["writer"]["time_ns"], 4'000'000u);
  EXPECT_EQ(j["cost"]["not_delivered"].size(), 1u);
  EXPECT_EQ(j["cost"]["not_delivered"][0]["id"], 2u);
}

TEST(CoherencyReport, NoMessageSentSaysTheRunNeverGotThatFar) {
  const std::string s = coherency_summary(with_finding());
  EXPECT_NE(s.find("cost: no application message was sent"), std::string::npos) << s;
}

TEST(CoherencyReport, CleanAndSwitchedOffRuns) {
  RunResult r;
  EXPECT_EQ(coherency_summary(r), "coherency sanitizer off\n");
  EXPECT_FALSE(coherency_json(r)["enabled"].get<bool>());
  r.coherency.enabled = true;
  EXPECT_EQ(coherency_summary(r), "coherency 0 violation(s)\n");
  EXPECT_FALSE(coherency_json(r).contains("cost"));
}

} // namespace
} // namespace sim::app
