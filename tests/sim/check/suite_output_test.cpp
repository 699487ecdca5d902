// SPDX-License-Identifier: Apache-2.0
// The suite's table and JUnit XML from results built by hand (no processes).
#include "sim/check/suite.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

SuiteResult result(const std::string& id, int exit_code) {
  SuiteResult r;
  r.job = {"scenarios/" + id + ".yaml", id, std::nullopt, "out/" + id, {}};
  r.exit_code = exit_code;
  r.wall_s = 0.25;
  return r;
}

TEST(SuiteOutput, JUnitEscapesTextAndCountsFailuresAndErrors) {
  SuiteResult ok = result("basic/a", 0);
  SuiteResult fail = result("bugs/b<1>", 1);
  fail.outcome = "timeout";
  fail.unmet = {"console.master: expected \"a & b\", got absent"};
  fail.first_findings = {"stale_read vring1.avail.ring[3]: hint"};
  SuiteResult error = result("c", 2);
  error.error = std::string("bad 'key'\x01\n");
  const std::string xml = junit_xml({ok, fail, error}, 1.5);
  EXPECT_NE(xml.find("tests=\"3\" failures=\"1\" errors=\"1\" time=\"1.500\""), std::string::npos);
  EXPECT_NE(xml.find("<testcase classname=\"scenarios.basic\" name=\"a\""), std::string::npos);
  EXPECT_NE(xml.find("classname=\"scenarios.bugs\" name=\"b&lt;1&gt;\""), std::string::npos);
  EXPECT_NE(xml.find("expected &quot;a &amp; b&quot;, got absent"), std::string::npos);
  EXPECT_NE(xml.find("finding: stale_read vring1.avail.ring[3]: hint"), std::string::npos);
  EXPECT_NE(xml.find("<error message=\"INVALID\">bad &apos;key&apos; \n</error>"),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(SuiteOutput, JUnitKeepsUtf8AndReplacesInvalidBytes) {
  SuiteResult error = result("c", 3);
  error.error = "\xc2\xb5s ok, \xff bad, \xe2\x82 cut";
  const std::string xml = junit_xml({error}, 0);
  EXPECT_NE(xml.find("\xc2\xb5s ok, ? bad, ?? cut"), std::string::npos) << xml;
}

TEST(SuiteOutput, TableListsEveryRunThenHowToReplayTheFailures) {
  SuiteResult ok = result("basic/a", 0);
  ok.outcome = "completed";
  ok.expectations = ok.expectations_met = 4;
  SuiteResult fail = result("basic/b", 1);
  fail.job.seed = 7;
  fail.outcome = "completed";
  fail.expectations = 2;
  fail.expectations_met = 1;
  fail.violations = 5;
  fail.unmet = {"messages.delivered: expected 2, got 1"};
  const std::string table = suite_table({ok, fail}, 0.5);
  EXPECT_NE(table.find("basic/a   ok       completed      4/4"), std::string::npos) << table;
  EXPECT_NE(table.find("basic/b   FAIL     completed      1/2            5"), std::string::npos)
      << table;
  EXPECT_NE(table.find("ipcsim run scenarios/basic/b.yaml --seed 7"), std::string::npos);
  EXPECT_NE(table.find("1/2 passed"), std::string::npos);
}

} // namespace
} // namespace sim::app
