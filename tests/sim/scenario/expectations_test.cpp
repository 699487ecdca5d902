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

std::string error_of(const std::string& text) {
  config::ConfigValue d = doc(text);
  try {
    parse_expectations(config::ConfigNode(d, "expect"));
  } catch (const config::ConfigError& e) {
    return e.path() + ": " + e.message();
  }
  return "no error";
}

TEST(Expectations, EveryLevelRefusesAnUndeclaredKeyWithTheNearestOne) {
  EXPECT_EQ(error_of("mesages: { sent: 1 }\n"),
            "expect.mesages: unknown key 'mesages' (did you mean 'messages'?)");
  EXPECT_EQ(error_of("messages: { delivred: 1 }\n"),
            "expect.messages.delivred: unknown key 'delivred' (did you mean 'delivered'?)");
  EXPECT_EQ(error_of("channels: { rpmsg-tty: { master_to_remote: { sen: 1 } } }\n"),
            "expect.channels.rpmsg-tty.master_to_remote.sen: unknown key 'sen' (did you mean "
            "'sent'?)");
  EXPECT_EQ(error_of("channels: { rpmsg-tty: { master_to_remot: { sent: 1 } } }\n"),
            "expect.channels.rpmsg-tty.master_to_remot: unknown key 'master_to_remot' (did you "
            "mean 'master_to_remote'?)");
  EXPECT_EQ(error_of("coherency: { stale_reads: 0 }\n"),
            "expect.coherency.stale_reads: unknown key 'stale_reads' (did you mean "
            "'stale_read'?)");
  EXPECT_EQ(error_of("latency_us: { p90: 1 }\n").rfind("expect.latency_us.p90: unknown key", 0),
            0u);
  EXPECT_EQ(error_of("panic: { kind: oops }\n").rfind("expect.panic.kind: 'oops' is not one of", 0),
            0u);
  EXPECT_EQ(error_of("coherency: { first_kind: stale }\n")
                .rfind("expect.coherency.first_kind: 'stale' is not one of", 0),
            0u);
}

TEST(Expectations, WhatIsReadLandsWhereTheCheckLooks) {
  config::ConfigValue d =
      doc("outcome: panic\nmessages: { sent: 6, unexpected: 0 }\ndrops: { queue_full: \">=1\" }\n"
          "console: { master: [goodbye!] }\npanic: { cluster: remote, kind: mmu_fault, address: "
          "0x200ca008 }\nlatency_us: { max: \"<=100\" }\nchannels: { rpmsg-tty: { "
          "remote_to_master: { echoes: 3 }, master_to_remote: {} } }\nlinux: { kicks_lost: 0, "
          "channels: [rpmsg-tty], attach_error: version }\nzephyr: { error: DRIVER_OK }\n"
          "coherency: { violations: 0, first_kind: stale_read, first_symbol: vring1.avail.idx }\n");
  const Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  EXPECT_EQ(e.outcome, "panic");
  EXPECT_EQ(e.messages.at("sent").text, "6");
  EXPECT_EQ(e.messages.count("unexpected"), 1u);
  EXPECT_TRUE(e.drops.at("queue_full").matches(7));
  EXPECT_EQ(e.console.at(Side::kMaster), std::vector<std::string>{"goodbye!"});
  ASSERT_TRUE(e.panic);
  EXPECT_EQ(e.panic->cluster, "remote");
  EXPECT_EQ(e.panic->kind, "mmu_fault");
  EXPECT_EQ(e.panic->address, std::optional<std::uint64_t>(0x200ca008));
  EXPECT_TRUE(e.latency_us.at("max").matches(100));
  // An empty direction asks for nothing.
  EXPECT_EQ(e.channels.at("rpmsg-tty").size(), 1u);
  EXPECT_EQ(e.channels.at("rpmsg-tty").at(Direction::kRemoteToMaster).at("echoes").text, "3");
  EXPECT_EQ(e.counters.at(Stack::kLinux).size(), 1u);
  EXPECT_EQ(e.counters.count(Stack::kZephyr), 0u);
  EXPECT_EQ(e.linux_channels, std::vector<std::string>{"rpmsg-tty"});
  EXPECT_EQ(e.attach_error, "version");
  EXPECT_EQ(e.zephyr_error, "DRIVER_OK");
  EXPECT_EQ(e.coherency.size(), 1u);
  EXPECT_EQ(e.first_kind, "stale_read");
  EXPECT_EQ(e.first_symbol, "vring1.avail.idx");
}

TEST(Expectations, EveryCounterAndDropReasonIsDeclared) {
  const config::KeySet& keys = expectation_keys();
  for (const std::string& name : counter_names(Stack::kLinux))
    EXPECT_NE(keys.at("linux").keys->find(name), nullptr) << name;
  for (const std::string& name : counter_names(Stack::kZephyr))
    EXPECT_NE(keys.at("zephyr").keys->find(name), nullptr) << name;
  EXPECT_EQ(keys.at("drops").keys->keys().size(), 13u);
}

} // namespace
} // namespace sim::app
