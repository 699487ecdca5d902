// SPDX-License-Identifier: Apache-2.0
// The `expect:` block as parsed: counts, ranges, and what is refused.
#include "sim/scenario/expectations.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

config::ConfigValue doc(const std::string& text) {
  return config::load_string(text, "e.yaml");
}

TEST(Expectations, CountsAcceptExactAndRanges) {
  config::ConfigValue d = doc("a: 3\nb: \">=2\"\nc: \"<=5\"\nd: \"2..4\"\n");
  config::ConfigNode n(d, "");
  EXPECT_TRUE(parse_count(n.at("a")).matches(3));
  EXPECT_FALSE(parse_count(n.at("a")).matches(4));
  EXPECT_TRUE(parse_count(n.at("b")).matches(100));
  EXPECT_FALSE(parse_count(n.at("b")).matches(1));
  EXPECT_TRUE(parse_count(n.at("c")).matches(0));
  EXPECT_FALSE(parse_count(n.at("c")).matches(6));
  EXPECT_TRUE(parse_count(n.at("d")).matches(2));
  EXPECT_FALSE(parse_count(n.at("d")).matches(5));
}

TEST(Expectations, BadCountIsAnErrorWithThePath) {
  config::ConfigValue d = doc("messages:\n  delivered: \"lots\"\n");
  try {
    parse_expectations(config::ConfigNode(d, "expect"));
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "expect.messages.delivered");
    EXPECT_EQ(e.loc().line, 2);
  }
}

TEST(Expectations, UnknownOutcomeIsRejected) {
  config::ConfigValue d = doc("outcome: finished\n");
  EXPECT_THROW(parse_expectations(config::ConfigNode(d, "expect")), config::ConfigError);
}

TEST(Expectations, TheOldEndpointsBlockSaysWhatReplacedIt) {
  config::ConfigValue d = doc("endpoints:\n  stream: {sent: 3}\n");
  try {
    parse_expectations(config::ConfigNode(d, "expect"));
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "expect.endpoints");
    EXPECT_NE(std::string(e.what()).find("channels:"), std::string::npos);
  }
}

TEST(Expectations, UnknownStackCounterNamesTheKnownOnes) {
  config::ConfigValue d = doc("linux:\n  kick_lost: 1\n");
  try {
    parse_expectations(config::ConfigNode(d, "expect"));
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "expect.linux.kick_lost");
    EXPECT_NE(std::string(e.what()).find("kicks_lost"), std::string::npos);
  }
}

TEST(Expectations, ADropReasonNoApplicationReportsIsAnInputError) {
  config::ConfigValue d = doc("drops:\n  queue_fulll: 0\n");
  try {
    parse_expectations(config::ConfigNode(d, "expect"));
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "expect.drops.queue_fulll");
    EXPECT_NE(std::string(e.what()).find("queue_full"), std::string::npos);
  }
}

} // namespace
} // namespace sim::app
