// SPDX-License-Identifier: Apache-2.0
// A run's result checked against its `expect:` block.
#include "sim/run/expectation_check.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

config::ConfigValue doc(const std::string& text) {
  return config::load_string(text, "e.yaml");
}

TEST(Expectations, DropsAreCheckedByReasonAndAbsentReasonsCountZero) {
  config::ConfigValue d = doc("drops: {slot_overwritten: \">=1\", queue_full: 0}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.messages.drops["slot_overwritten"] = 2;
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 2u);
  for (const auto& x : out) EXPECT_TRUE(x.ok) << x.key << " " << x.actual;
  r.messages.drops["queue_full"] = 1;
  out = evaluate(e, r);
  EXPECT_FALSE(out[0].ok && out[1].ok);
}

TEST(Expectations, EvaluateReportsExpectedAndActual) {
  config::ConfigValue d =
      doc("outcome: completed\nmessages: {delivered: 4, corrupted: 0}\nconsole: {remote: [done]}\n"
          "panic: {cluster: remote, kind: mmu_fault, address: 0x200ca000}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.outcome = "panic";
  r.messages.delivered = 4;
  r.messages.corrupted = 1;
  r.console[Side::kRemote] = "reader done\n";
  models::PanicInfo p;
  p.cluster = "remote";
  p.kind = "mmu_fault";
  p.address = 0x200ca000;
  p.has_address = true;
  r.panics.push_back(p);
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 7u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_EQ(out[0].actual, "panic");
  EXPECT_TRUE(out[1].ok || out[2].ok);
  for (const auto& x : out) {
    if (x.key == "messages.corrupted") {
      EXPECT_FALSE(x.ok);
      EXPECT_EQ(x.actual, "1");
    }
    if (x.key == "console.remote") {
      EXPECT_TRUE(x.ok);
    }
    if (x.key == "panic.address") {
      EXPECT_TRUE(x.ok);
    }
  }
}

Ledger::Record record(const std::string& channel, Direction direction, const std::string& state,
                      std::uint64_t echo_of = 0) {
  Ledger::Record r;
  r.channel = channel;
  r.direction = direction;
  r.state = state;
  r.echo_of = echo_of;
  return r;
}

TEST(Expectations, ChannelCountsComeFromTheMessageLogPerDirection) {
  config::ConfigValue d = doc("channels:\n  rpmsg-client-sample:\n"
                              "    master_to_remote: {sent: 3, delivered: 1, dropped: 2}\n"
                              "    remote_to_master: {delivered: \">=1\", echoes: 1}\n"
                              "  rpmsg-tty:\n    master_to_remote: {delivered: 0}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.message_log = {record("rpmsg-client-sample", Direction::kMasterToRemote, "delivered"),
                   record("rpmsg-client-sample", Direction::kMasterToRemote, "dropped"),
                   record("rpmsg-client-sample", Direction::kMasterToRemote, "dropped"),
                   record("rpmsg-client-sample", Direction::kRemoteToMaster, "delivered", 1),
                   record("other", Direction::kMasterToRemote, "delivered")};
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 6u);
  for (const ExpectationResult& x : out) {
    if (x.key == "channels.rpmsg-tty.master_to_remote.delivered") {
      EXPECT_FALSE(x.ok); // nothing on it: not "0 delivered"
      EXPECT_EQ(x.actual, "no message on it (channels: other, rpmsg-client-sample)");
    } else {
      EXPECT_TRUE(x.ok) << x.key << " " << x.actual;
    }
  }
}

TEST(Expectations, StackCountersChannelsAndErrors) {
  config::ConfigValue d =
      doc("linux: {kicks_lost: \">=1\", channels: [rpmsg-client-sample], attach_error: version}\n"
          "zephyr: {rx_buffers: 3}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.linux_counters = {{"kicks_lost", 2}};
  r.channels = {"rpmsg-client-sample"};
  r.attach_error = "resource table version 2 at 0x200c63b8, expected 1";
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 4u);
  for (const ExpectationResult& x : out) {
    if (x.key == "zephyr.rx_buffers") {
      EXPECT_FALSE(x.ok); // Zephyr did not boot in this result
      EXPECT_EQ(x.actual, "not booted");
    } else {
      EXPECT_TRUE(x.ok) << x.key << " " << x.actual;
    }
  }
}

TEST(Expectations, LatencyIsComparedInWholeMicroseconds) {
  config::ConfigValue d = doc("latency_us: {p50: \"<=30\", max: \">=15000000\"}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.messages.latency_p50_ps = 30 * kPsPerUs + 999999; // 30.999999 us
  r.messages.latency_max_ps = 15 * kPsPerS;
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].ok) << out[0].key << " " << out[0].actual;
  EXPECT_TRUE(out[1].ok) << out[1].key << " " << out[1].actual;
}

TEST(Expectations, AChannelThatNeverAppearedFailsInsteadOfCountingZero) {
  config::ConfigValue d = doc("channels:\n  rpmsg-clinet-sample: {master_to_remote: {sent: 0}}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.message_log = {record("rpmsg-client-sample", Direction::kMasterToRemote, "delivered")};
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].ok);
  EXPECT_EQ(out[0].actual, "no message on it (channels: rpmsg-client-sample)");
}

TEST(Expectations, EveryDropReasonTheLedgerKnowsCanBeExpected) {
  config::ConfigValue d =
      doc("drops: {no_recipient: 0, too_big: 0, truncated: 0, stuck_in_ring: 1, "
          "lost_in_reset: 0, lost_in_halt: 0, slot_overwritten: 0}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.messages.drops["stuck_in_ring"] = 1;
  for (const ExpectationResult& x : evaluate(e, r)) EXPECT_TRUE(x.ok) << x.key;
}

TEST(Expectations, CoherencyCountsKindsAndTheFirstFinding) {
  config::ConfigValue d =
      doc("coherency: {violations: \">=1\", stale_read: 2, lost_update: 0,\n"
          "            first_kind: stale_read, first_symbol: vring1.avail.idx}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r;
  r.coherency.enabled = true;
  r.coherency.stats.violations = 2;
  r.coherency.by_kind = {
      {"stale_read", 2}, {"unpublished_read", 0}, {"lost_update", 0}, {"discarded_write", 0}};
  models::coherency::Finding f;
  f.kind = models::coherency::Kind::kStaleRead;
  f.symbol = "vring1.avail.idx";
  r.coherency.findings.push_back(f);
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 5u);
  for (const auto& x : out) EXPECT_TRUE(x.ok) << x.key << " " << x.actual;
  r.coherency.findings[0].symbol = "vring1.avail.ring[3]";
  out = evaluate(e, r);
  EXPECT_FALSE(out.back().ok);
  EXPECT_EQ(out.back().actual, "vring1.avail.ring[3]");
}

TEST(Expectations, CoherencyExpectationsAreNotCheckedWhenTheSanitizerIsOff) {
  config::ConfigValue d = doc("coherency: {violations: 0, first_kind: lost_update}\n");
  Expectations e = parse_expectations(config::ConfigNode(d, "expect"));
  RunResult r; // enabled = false
  std::vector<ExpectationResult> out = evaluate(e, r);
  ASSERT_EQ(out.size(), 2u);
  for (const auto& x : out) {
    EXPECT_TRUE(x.ok) << x.key;
    EXPECT_TRUE(x.skipped) << x.key;
    EXPECT_EQ(x.actual, "not checked: sanitizer off");
  }
}

TEST(Expectations, UnknownCoherencyKeyOrKindIsAnInputError) {
  config::ConfigValue d = doc("coherency: {stale_reads: 1}\n");
  EXPECT_THROW(parse_expectations(config::ConfigNode(d, "expect")), config::ConfigError);
  config::ConfigValue k = doc("coherency: {first_kind: stale}\n");
  try {
    parse_expectations(config::ConfigNode(k, "expect"));
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "expect.coherency.first_kind");
  }
}

} // namespace
} // namespace sim::app
