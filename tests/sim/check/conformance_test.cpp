// SPDX-License-Identifier: Apache-2.0
// ipcsim conform's comparison: messages cut where a buffer is taken, polls collapsed, buffer
// fields compared as sets between ordered accesses (what a compiler may reorder or merge), and
// the first real divergence shown with both sides' context.
#include "sim/check/conformance.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

using Op = SharedAccess::Op;

SharedAccess access(Op op, std::uint64_t addr, std::uint64_t size, const std::string& name) {
  SharedAccess a;
  a.op = op;
  a.addr = addr;
  a.size = size;
  a.name = name;
  return a;
}
SharedAccess rd(std::uint64_t addr, std::uint64_t size, const std::string& name) {
  return access(Op::kRead, addr, size, name);
}
SharedAccess wr(std::uint64_t addr, std::uint64_t size, const std::string& name) {
  return access(Op::kWrite, addr, size, name);
}
SharedAccess inv(std::uint64_t addr, const std::string& name) {
  return access(Op::kCleanInvalidate, addr, 64, name);
}

/// A boot wait on the status, then one message taken from vring1 and its header read.
std::vector<SharedAccess> one_message(unsigned polls) {
  std::vector<SharedAccess> t = {rd(0x100, 1, "rsc.vdev.num_of_vrings")};
  for (unsigned i = 0; i < polls; ++i) {
    t.push_back(inv(0x100, "rsc.reserved[0]"));
    t.push_back(rd(0x134, 1, "rsc.vdev.status"));
  }
  t.push_back(rd(0x9004, 2, "vring1.avail.ring[0]"));
  t.push_back(rd(0x9000, 8, "vring1.desc[0].addr"));
  t.push_back(inv(0xb000, "buf[8].hdr.src"));
  t.push_back(wr(0xb008, 4, "buf[8].hdr.reserved"));
  t.push_back(rd(0xb004, 4, "buf[8].hdr.dst"));
  t.push_back(rd(0xb008, 4, "buf[8].hdr.reserved")); // its own store
  t.push_back(rd(0xb000, 4, "buf[8].hdr.src"));
  t.push_back(rd(0xb010, 12, "buf[8].payload"));
  t.push_back(inv(0xb000, "buf[8].hdr.src"));
  return t;
}

/// The context line of the step where the sides part.
std::string marked(const std::vector<std::string>& context) {
  for (const std::string& line : context)
    if (line.rfind("> ", 0) == 0) return line;
  return "";
}

const nlohmann::json kCompleted = {{"outcome", "completed"},
                                   {"messages", {{"sent", 2}, {"delivered", 2}}},
                                   {"coherency", {{"findings", nlohmann::json::array()}}}};

TEST(Conformance, SegmentsStartWhereABufferIsTaken) {
  std::vector<SharedAccess> t = one_message(2);
  t.push_back(rd(0x8004, 2, "vring0.avail.ring[0]"));
  t.push_back(wr(0xa000, 4, "buf[0].hdr.src"));
  const std::vector<MessageSegment> s = message_segments(t);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].label, "boot");
  EXPECT_EQ(s[1].label, "rx 1");
  EXPECT_EQ(s[2].label, "tx 1");
  // The status wait is one step of a block of two, repeated.
  ASSERT_EQ(s[0].steps.size(), 2u);
  EXPECT_EQ(s[0].steps[1].block.size(), 2u);
  EXPECT_EQ(s[0].steps[1].repeats, 2u);
}

TEST(Conformance, APollsLengthAndTheOrderOfBufferFieldsDoNotMatter) {
  std::vector<SharedAccess> model = one_message(3);
  std::vector<SharedAccess> firmware = one_message(170);
  // The compiler read the header in another order and never re-read its own store.
  firmware.erase(firmware.begin() + static_cast<std::ptrdiff_t>(firmware.size()) - 4);
  std::swap(firmware[firmware.size() - 3], firmware[firmware.size() - 4]);
  const ConformanceResult r = compare_runs(kCompleted, model, kCompleted, firmware);
  EXPECT_TRUE(r.conformant()) << conformance_text(r);
  EXPECT_EQ(r.segments, 2u);
  EXPECT_EQ(r.segments_equal, 2u);
}

TEST(Conformance, AWaitThatCameOnceIsAlikeTheSameWaitRepeated) {
  // One pass of the status wait on one side, 170 on the other: [invalidate, read] once against
  // the same block x170.
  const ConformanceResult r =
      compare_runs(kCompleted, one_message(1), kCompleted, one_message(170));
  EXPECT_TRUE(r.conformant()) << conformance_text(r);
}

TEST(Conformance, TheRemotesKicksAreComparedWhenTheFirmwareReportsThem) {
  nlohmann::json model = kCompleted, firmware = kCompleted;
  model["software"]["zephyr"]["counters"] = {{"kicks_sent", 4}, {"kicks_lost", 0}};
  firmware["software"]["firmware"] = {{"kicks", 3}, {"kicks_lost", 1}};
  const std::vector<SharedAccess> t = one_message(1);
  const ConformanceResult r = compare_runs(model, t, firmware, t);
  ASSERT_EQ(r.divergences.size(), 1u);
  EXPECT_EQ(r.divergences[0].summary,
            "remote kicks: model 4 sent, 0 lost; firmware 3 sent, 1 lost");
  firmware["software"]["firmware"] = {{"kicks", 4}, {"kicks_lost", 0}};
  EXPECT_TRUE(compare_runs(model, t, firmware, t).conformant());
  firmware["software"]["firmware"] = {{"kicks", 0}, {"kicks_lost", 0}}; // reports none
  EXPECT_TRUE(compare_runs(model, t, firmware, t).conformant());
}

TEST(Conformance, AMissingMaintenanceIsTheFirstDivergenceWithContext) {
  std::vector<SharedAccess> model = one_message(1);
  std::vector<SharedAccess> firmware = one_message(1);
  // The firmware re-reads desc.len before returning the buffer (what the model once missed).
  firmware.insert(firmware.end() - 1, inv(0x9000, "vring1.desc[0].addr"));
  const ConformanceResult r = compare_runs(kCompleted, model, kCompleted, firmware);
  ASSERT_FALSE(r.conformant());
  ASSERT_EQ(r.divergences.size(), 1u);
  const Divergence& d = r.divergences[0];
  EXPECT_EQ(d.what, "accesses");
  EXPECT_EQ(d.segment, "rx 1");
  EXPECT_EQ(d.step, 4u);
  EXPECT_EQ(marked(d.firmware_context), "> 4  clean+invalidate vring1.desc[0].addr (64 B)");
  EXPECT_EQ(marked(d.model_context), "> 4  clean+invalidate buf[8].hdr.src (64 B)");
  EXPECT_EQ(d.model_context.front(), "  1  read vring1.desc[0].addr (8 B)");
  const std::string text = conformance_text(r);
  EXPECT_NE(text.find("first divergence, in rx 1"), std::string::npos) << text;
}

TEST(Conformance, AFieldReadOnOneSideOnlyDiffers) {
  std::vector<SharedAccess> model = one_message(1);
  std::vector<SharedAccess> firmware = one_message(1);
  firmware.insert(firmware.begin() + 1, rd(0x104, 4, "rsc.vdev.id"));
  const ConformanceResult r = compare_runs(kCompleted, model, kCompleted, firmware);
  ASSERT_EQ(r.divergences.size(), 1u);
  EXPECT_EQ(r.divergences[0].segment, "boot");
  EXPECT_NE(r.divergences[0].firmware_context[0].find("read rsc.vdev.id"), std::string::npos);
}

TEST(Conformance, OutcomeLedgerAndFindingsAreCompared) {
  nlohmann::json hang = kCompleted;
  hang["outcome"] = "timeout";
  hang["messages"]["delivered"] = 0;
  hang["coherency"]["findings"] = {
      {{"kind", "stale_read"}, {"symbol", "rsc.vdev.status"}, {"count", 40}}};
  nlohmann::json hang_longer = hang;
  hang_longer["coherency"]["findings"][0]["count"] = 900; // how long it spun: not compared
  const std::vector<SharedAccess> t = one_message(1);
  EXPECT_TRUE(compare_runs(hang, t, hang_longer, t).conformant());
  const ConformanceResult r = compare_runs(kCompleted, t, hang, t);
  ASSERT_EQ(r.divergences.size(), 3u);
  EXPECT_EQ(r.divergences[0].what, "outcome");
  EXPECT_EQ(r.divergences[1].what, "messages");
  EXPECT_EQ(r.divergences[2].what, "coherency");
  EXPECT_NE(r.divergences[2].summary.find("stale_read rsc.vdev.status (x40)"), std::string::npos)
      << r.divergences[2].summary;
}

TEST(Conformance, ASegmentOnOneSideOnlyIsADivergence) {
  std::vector<SharedAccess> model = one_message(1);
  std::vector<SharedAccess> firmware = model;
  firmware.push_back(rd(0x9006, 2, "vring1.avail.ring[1]"));
  const ConformanceResult r = compare_runs(kCompleted, model, kCompleted, firmware);
  ASSERT_EQ(r.divergences.size(), 1u);
  EXPECT_EQ(r.divergences[0].summary, "rx 2: only the firmware has this segment (1 steps)");
  const nlohmann::ordered_json j = conformance_json(r);
  EXPECT_FALSE(j["conformant"].get<bool>());
  EXPECT_EQ(j["divergences"][0]["segment"], "rx 2");
}

} // namespace
} // namespace sim::app
