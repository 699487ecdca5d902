// SPDX-License-Identifier: Apache-2.0
#include "sim/trace_json.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

using models::CoreHolder;

TraceData sample() {
  TraceData d;
  d.scenario = "s";
  d.slices = {{"master", 0, CoreHolder::kThread, "kworker", 0, 10000000},
              {"master", 0, CoreHolder::kIsr, "irq 242", 10000000, 11000000},
              {"master", 0, CoreHolder::kIdle, "", 11000000, 20000000},
              {"remote", 0, CoreHolder::kThread, "app", 5000000, 15000000}};
  d.console = {{"remote", 0, "app", "hello\n", 6000000, 7000000}};
  d.instants = {{"master -> remote", "kick", 2000000}};
  d.counters = {{"cmd FIFO master -> remote", 2000000, 1}, {"vring1.avail.idx", 1500000, 3}};
  Ledger::Record m;
  m.endpoint = "ep";
  m.id = 7;
  m.sender = "master/kworker";
  m.receiver = "remote/app";
  m.state = "delivered";
  m.sent_ps = 1000000;
  m.received_ps = 9000000;
  m.stages.record(MessageStage::kSend, 1000000);
  m.stages.record(MessageStage::kReceive, 9000000);
  Ledger::Record lost = m;
  lost.id = 8;
  lost.receiver.clear();
  lost.state = "dropped";
  d.messages = {m, lost};
  return d;
}

std::vector<nlohmann::ordered_json> of_phase(const nlohmann::ordered_json& j, const char* ph) {
  std::vector<nlohmann::ordered_json> out;
  for (const auto& e : j["traceEvents"])
    if (e["ph"] == ph) out.push_back(e);
  return out;
}

TEST(TraceJson, SlicesPerCoreWithoutIdleAndConsoleOnItsOwnTrack) {
  const auto j = trace_json(sample());
  const auto slices = of_phase(j, "X");
  // kworker, irq, app, console, and the message's send and receive marks.
  ASSERT_EQ(slices.size(), 6u);
  EXPECT_EQ(slices[0]["name"], "kworker");
  EXPECT_EQ(slices[0]["cat"], "thread");
  EXPECT_EQ(slices[0]["pid"], 1);
  EXPECT_EQ(slices[0]["tid"], 0);
  EXPECT_DOUBLE_EQ(slices[0]["dur"].get<double>(), 10.0); // microseconds
  EXPECT_EQ(slices[1]["cat"], "isr");
  EXPECT_EQ(slices[2]["pid"], 2);
  EXPECT_EQ(slices[3]["cat"], "console");
  EXPECT_EQ(slices[3]["tid"], 100);
  EXPECT_EQ(slices[3]["name"], "hello");
  EXPECT_EQ(slices[3]["args"]["text"], "hello\n");
}

TEST(TraceJson, AReceivedMessageIsAFlowBetweenItsSendAndReceiveSlices) {
  const auto j = trace_json(sample());
  const auto starts = of_phase(j, "s");
  const auto ends = of_phase(j, "f");
  ASSERT_EQ(starts.size(), 1u); // the dropped message has no receiver: no flow
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(starts[0]["id"], ends[0]["id"]);
  EXPECT_EQ(starts[0]["pid"], 1);
  EXPECT_EQ(ends[0]["pid"], 2);
  EXPECT_EQ(ends[0]["bp"], "e");
  // Each end lies inside its 1 ns mark slice on the same track.
  const auto slices = of_phase(j, "X");
  const auto& send = slices[4];
  const auto& receive = slices[5];
  EXPECT_EQ(send["name"], "send ep #7");
  EXPECT_EQ(receive["name"], "receive ep #7");
  EXPECT_GT(starts[0]["ts"].get<double>(), send["ts"].get<double>());
  EXPECT_LT(starts[0]["ts"].get<double>(), send["ts"].get<double>() + send["dur"].get<double>());
  EXPECT_EQ(receive["tid"], ends[0]["tid"]);
  EXPECT_DOUBLE_EQ(send["args"]["receive_us"].get<double>(), 9.0);
}

TEST(TraceJson, MailboxInstantsCountersAndTrackNames) {
  const auto j = trace_json(sample());
  const auto instants = of_phase(j, "i");
  ASSERT_EQ(instants.size(), 1u);
  EXPECT_EQ(instants[0]["pid"], 3);
  EXPECT_EQ(instants[0]["tid"], 1);
  const auto counters = of_phase(j, "C");
  ASSERT_EQ(counters.size(), 2u);
  EXPECT_EQ(counters[0]["pid"], 3);
  EXPECT_EQ(counters[0]["args"]["level"], 1);
  EXPECT_EQ(counters[1]["pid"], 4);
  EXPECT_EQ(counters[1]["args"]["idx"], 3);
  bool named = false;
  for (const auto& m : of_phase(j, "M"))
    if (m["name"] == "thread_name" && m["args"]["name"] == "core 0 console") named = true;
  EXPECT_TRUE(named);
  EXPECT_EQ(j["otherData"]["scenario"], "s");
}

} // namespace
} // namespace sim::app
