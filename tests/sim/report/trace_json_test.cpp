// SPDX-License-Identifier: Apache-2.0
#include "sim/report/trace_json.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

using models::CoreHolder;

TraceData sample() {
  TraceData d;
  d.scenario = "s";
  d.clusters = {{"master", Side::kMaster}, {"remote", Side::kRemote}};
  d.slices = {{"master", 0, CoreHolder::kThread, "kworker", 0, 10000000},
              {"master", 0, CoreHolder::kIsr, "irq 242", 10000000, 11000000},
              {"master", 0, CoreHolder::kIdle, "", 11000000, 20000000},
              {"remote", 0, CoreHolder::kThread, "app", 5000000, 15000000}};
  d.console = {{"remote", 0, "app", "hello\n", 6000000, 7000000}};
  d.instants = {{Direction::kMasterToRemote, "kick", 2000000}};
  d.counters = {
      {TraceCounter::Kind::kCmdFifo, Direction::kMasterToRemote, "cmd FIFO master -> remote",
       2000000, 1},
      {TraceCounter::Kind::kRingIndex, Direction::kMasterToRemote, "vring1.avail.idx", 1500000, 3}};
  Ledger::Record m;
  m.channel = "ep";
  m.id = 7;
  m.sender = {Side::kMaster, "kworker"};
  m.receiver = Actor{Side::kRemote, "app"};
  m.consumer = Actor{Side::kRemote, "app"};
  m.state = "delivered";
  m.sent_ps = 1000000;
  m.received_ps = 9000000;
  m.stages.record(MessageStage::kSend, 1000000);
  m.stages.record(MessageStage::kReceive, 9000000);
  Ledger::Record lost = m;
  lost.id = 8;
  lost.state = "dropped";
  lost.reason = "slot_overwritten";
  lost.dropped_by = Actor{Side::kRemote, "app"};
  lost.dropped_ps = 8000000;
  Ledger::Record moving = m;
  moving.id = 9;
  moving.receiver.reset();
  moving.state = "in_flight";
  moving.where = "in vring1, not yet taken (a notification is pending)";
  d.messages = {m, lost, moving};
  d.marks = {{"remote",
              "app",
              7500000,
              "coherency",
              "stale_read vring1.avail.idx",
              {{"kind", "stale_read"}, {"field", "vring1.avail.idx"}}},
             {"master", "", 3000000, "fault", "fault mailbox drop", {}}};
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
  // kworker, irq, app, console, then the messages' marks: send and receive of #7, send and drop
  // of #8, send of #9 (still in flight).
  ASSERT_EQ(slices.size(), 9u);
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
  ASSERT_EQ(starts.size(), 2u); // #7 received, #8 dropped; #9 in flight has no flow
  ASSERT_EQ(ends.size(), 2u);
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

TEST(TraceJson, ADroppedMessagesFlowEndsAtTheDropWithAnInstantNamingTheReason) {
  const auto j = trace_json(sample());
  const auto slices = of_phase(j, "X");
  const auto& drop = slices[7];
  EXPECT_EQ(drop["name"], "drop ep #8");
  EXPECT_EQ(drop["pid"], 2); // on the remote core that ran the dropping thread
  EXPECT_DOUBLE_EQ(drop["ts"].get<double>(), 8.0);
  const auto ends = of_phase(j, "f");
  EXPECT_EQ(ends[1]["pid"], 2);
  EXPECT_GT(ends[1]["ts"].get<double>(), 8.0);
  bool instant = false;
  for (const auto& i : of_phase(j, "i")) {
    if (i["cat"] != "drop") continue;
    instant = true;
    EXPECT_EQ(i["name"], "dropped slot_overwritten: ep #8");
    EXPECT_EQ(i["args"]["id"], 8);
    EXPECT_EQ(i["args"]["reason"], "slot_overwritten");
    EXPECT_EQ(i["pid"], 2);
  }
  EXPECT_TRUE(instant);
  EXPECT_EQ(slices[8]["name"], "send ep #9");
  EXPECT_EQ(slices[8]["args"]["where"], "in vring1, not yet taken (a notification is pending)");
}

TEST(TraceJson, FindingsAndFaultFiringsAreInstantsOnTheirCores) {
  const auto j = trace_json(sample());
  int findings = 0, faults = 0;
  for (const auto& i : of_phase(j, "i")) {
    if (i["cat"] == "coherency") {
      ++findings;
      EXPECT_EQ(i["name"], "stale_read vring1.avail.idx");
      EXPECT_EQ(i["pid"], 2);
      EXPECT_EQ(i["tid"], 0);
      EXPECT_EQ(i["args"]["field"], "vring1.avail.idx");
      EXPECT_DOUBLE_EQ(i["ts"].get<double>(), 7.5);
    }
    if (i["cat"] == "fault") {
      ++faults;
      EXPECT_EQ(i["pid"], 1);
    }
  }
  EXPECT_EQ(findings, 1);
  EXPECT_EQ(faults, 1);
}

TEST(TraceJson, MailboxInstantsCountersAndTrackNames) {
  const auto j = trace_json(sample());
  std::vector<nlohmann::ordered_json> instants;
  for (const auto& i : of_phase(j, "i"))
    if (i["cat"] == "mailbox") instants.push_back(i);
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
