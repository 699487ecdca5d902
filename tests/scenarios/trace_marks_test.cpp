// SPDX-License-Identifier: Apache-2.0
// `ipcsim run --trace` shows what went wrong where it happened: every drop as an instant on the
// core that dropped it (reason and message id), the dropped message's flow ending at the drop,
// every coherency violation on the reading core (field and kind), every fault firing. Runs the
// ipcsim binary on shipped scenarios and reads its trace-event JSON.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using json = nlohmann::json;

json traced(const std::string& scenario, const std::string& name) {
  const std::string out = std::string(IPCSIM_TEST_OUT) + "/" + name;
  std::filesystem::create_directories(out);
  const std::string cmd = std::string(IPCSIM_BINARY) + " run " + IPCSIM_SOURCE_DIR + "/scenarios/" +
                          scenario + " --out " + out + " --trace " + out +
                          "/trace.json > /dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(out + "/trace.json");
  return json::parse(in, nullptr, false);
}

std::vector<json> events(const json& trace, const std::string& ph, const std::string& cat) {
  std::vector<json> out;
  for (const json& e : trace["traceEvents"])
    if (e["ph"] == ph && e.value("cat", "") == cat) out.push_back(e);
  return out;
}

/// The core track (pid, tid) a thread slice named `thread` ran on.
bool runs_on(const json& trace, const std::string& thread, int pid, int tid) {
  for (const json& e : trace["traceEvents"])
    if (e["ph"] == "X" && e.value("cat", "") == "thread" && e["name"] == thread &&
        e["pid"] == pid && e["tid"] == tid)
      return true;
  return false;
}

TEST(TraceMarks, SlotOverwritesAreInstantsOnTheRemoteCoreAndEndTheirMessagesFlows) {
  // Nine of ten stream messages overwritten in the stock responder's slot (stream_10_stock: the
  // rpmsg thread drains all ten before the responder runs, only 10 survives).
  const json t = traced("load/stream_10_stock.yaml", "slot");
  ASSERT_FALSE(t.is_discarded());
  const std::vector<json> drops = events(t, "i", "drop");
  ASSERT_EQ(drops.size(), 9u);
  for (const json& d : drops) {
    EXPECT_EQ(d["args"]["reason"], "slot_overwritten");
    EXPECT_EQ(d["pid"], 2); // the remote, where the callback overwrote the slot
    EXPECT_TRUE(d["args"]["id"].is_number());
    // The callback runs in the rpmsg thread: the instant sits on its core.
    EXPECT_TRUE(runs_on(t, "rpmsg_mng_task", 2, d["tid"].get<int>()));
  }
  // Each dropped message's flow ends in a drop slice at the drop's time.
  std::size_t ends_at_drop = 0;
  for (const json& s : events(t, "X", "message")) {
    const std::string name = s["name"];
    if (name.rfind("drop ", 0) != 0) continue;
    EXPECT_EQ(s["args"]["reason"], "slot_overwritten");
    ++ends_at_drop;
  }
  EXPECT_EQ(ends_at_drop, 9u);
  EXPECT_EQ(events(t, "s", "message").size(), events(t, "f", "message").size());
}

TEST(TraceMarks, AStaleReadAndTheMessageItStrandedAreBothOnTheTimeline) {
  // coherency/dcache_off_vring1_stale: the remote reads a stale vring1.avail.idx, message #1
  // stays in the ring for good.
  const json t = traced("coherency/dcache_off_vring1_stale.yaml", "stale");
  ASSERT_FALSE(t.is_discarded());
  const std::vector<json> findings = events(t, "i", "coherency");
  ASSERT_GE(findings.size(), 1u);
  EXPECT_EQ(findings[0]["name"], "stale_read vring1.avail.idx");
  EXPECT_EQ(findings[0]["args"]["kind"], "stale_read");
  EXPECT_EQ(findings[0]["args"]["field"], "vring1.avail.idx");
  EXPECT_EQ(findings[0]["pid"], 2); // the remote read it
  const std::vector<json> drops = events(t, "i", "drop");
  ASSERT_EQ(drops.size(), 1u);
  EXPECT_EQ(drops[0]["args"]["reason"], "stuck_in_ring");
  EXPECT_EQ(drops[0]["args"]["id"], 1);
  EXPECT_EQ(drops[0]["pid"], 2);
}

TEST(TraceMarks, AFaultFiringIsAnInstantOnItsCluster) {
  // faults/mailbox_kick_dropped: the mailbox drops Linux's third doorbell.
  const json t = traced("faults/mailbox_kick_dropped.yaml", "fault");
  ASSERT_FALSE(t.is_discarded());
  const std::vector<json> faults = events(t, "i", "fault");
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0]["pid"], 1); // the sender's side
  EXPECT_NE(faults[0]["name"].get<std::string>().find("mailbox"), std::string::npos);
  bool lost_kick = false;
  for (const json& i : events(t, "i", "mailbox")) lost_kick |= i["name"] == "kick (lost)";
  EXPECT_TRUE(lost_kick);
  ASSERT_EQ(events(t, "i", "drop").size(), 1u);
}

} // namespace
