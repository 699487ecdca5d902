// SPDX-License-Identifier: Apache-2.0
// The remote's access trace: pieces of one field joined (a packed structure read byte by byte is
// one read), accesses cut at field boundaries, maintenance widened to lines and joined over a
// loop, only the watched carve-outs recorded.
#include "sim/run/access_trace.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

using Op = SharedAccess::Op;

constexpr std::uint64_t kBase = 0x1000;

sw::shm::SymbolMap names() {
  return sw::shm::SymbolMap({{kBase + 0x0, 8, "desc.addr"},
                             {kBase + 0x8, 4, "desc.len"},
                             {kBase + 0xc, 2, "desc.flags"},
                             {kBase + 0x40, 2, "avail.idx"}});
}

struct Recorder : ::testing::Test {
  AccessRecorder rec{{{kBase, 0x1000}}, names(), 64};
  void read(std::uint64_t a, std::vector<std::uint8_t> bytes, bool cached = true) {
    if (cached)
      rec.on_read(a, bytes.data(), static_cast<unsigned>(bytes.size()), true, 0);
    else
      rec.on_uncached(false, a, bytes.data(), static_cast<unsigned>(bytes.size()), false, 0);
  }
};

TEST_F(Recorder, BytePiecesOfOneFieldAreOneAccess) {
  // GCC with -mstrict-align reads a packed uint32_t byte by byte.
  read(kBase + 0x8, {0x00});
  read(kBase + 0x9, {0x02});
  read(kBase + 0xa, {0x00});
  read(kBase + 0xb, {0x00});
  ASSERT_EQ(rec.accesses().size(), 1u);
  const SharedAccess& a = rec.accesses()[0];
  EXPECT_EQ(a.op, Op::kRead);
  EXPECT_EQ(a.addr, kBase + 0x8);
  EXPECT_EQ(a.size, 4u);
  EXPECT_EQ(a.name, "desc.len");
  EXPECT_EQ(a.value, "0x00000200");
}

TEST_F(Recorder, PiecesInDescendingOrderJoinToo) {
  read(kBase + 0xd, {0x12});
  read(kBase + 0xc, {0x34});
  ASSERT_EQ(rec.accesses().size(), 1u);
  EXPECT_EQ(rec.accesses()[0].addr, kBase + 0xc);
  EXPECT_EQ(rec.accesses()[0].name, "desc.flags");
  EXPECT_EQ(rec.accesses()[0].value, "0x1234");
}

TEST_F(Recorder, AnAccessOverTwoFieldsIsCutAtTheBoundary) {
  read(kBase + 0x8, {1, 0, 0, 0, 2, 0});
  ASSERT_EQ(rec.accesses().size(), 2u);
  EXPECT_EQ(rec.accesses()[0].name, "desc.len");
  EXPECT_EQ(rec.accesses()[0].size, 4u);
  EXPECT_EQ(rec.accesses()[1].name, "desc.flags");
  EXPECT_EQ(rec.accesses()[1].value, "0x0002");
}

TEST_F(Recorder, ARereadOfAFieldIsASecondAccess) {
  read(kBase + 0x40, {1, 0});
  read(kBase + 0x40, {2, 0});
  ASSERT_EQ(rec.accesses().size(), 2u);
  EXPECT_EQ(rec.accesses()[1].value, "0x0002");
}

TEST_F(Recorder, CachedAndUncachedPiecesStayApart) {
  read(kBase + 0x8, {1, 0});
  read(kBase + 0xa, {0, 0}, false);
  ASSERT_EQ(rec.accesses().size(), 2u);
  EXPECT_FALSE(rec.accesses()[1].cached);
}

TEST_F(Recorder, MaintenanceCoversWholeLinesAndJoinsOverALoop) {
  // metal_cache_invalidate(0x1044, 2) as one request (the model) ...
  rec.on_maintenance("dcache invalidate", "site", kBase + 0x44, 2, false, 0);
  // ... and DC IVAC line by line over 128 bytes (firmware): one operation of two lines.
  rec.on_maintenance("dcache clean+invalidate", "fw", kBase + 0x80, 64, false, 0);
  rec.on_maintenance("dcache clean+invalidate", "fw", kBase + 0xc0, 64, false, 0);
  ASSERT_EQ(rec.accesses().size(), 2u);
  EXPECT_EQ(rec.accesses()[0].op, Op::kInvalidate);
  EXPECT_EQ(rec.accesses()[0].addr, kBase + 0x40);
  EXPECT_EQ(rec.accesses()[0].size, 64u);
  EXPECT_EQ(rec.accesses()[0].name, "avail.idx");
  EXPECT_EQ(rec.accesses()[1].op, Op::kCleanInvalidate);
  EXPECT_EQ(rec.accesses()[1].size, 128u);
  EXPECT_EQ(rec.accesses()[1].name, "0x00001080"); // no field in those lines
}

TEST_F(Recorder, MaintenanceBetweenTwoPiecesPartsThem) {
  read(kBase + 0x8, {0x00, 0x02});
  rec.on_maintenance("dcache invalidate", "s", 0x40, 4, false, 0); // not even a watched line
  read(kBase + 0xa, {0x00, 0x00});
  ASSERT_EQ(rec.accesses().size(), 2u);
  EXPECT_EQ(rec.accesses()[0].size, 2u);
  EXPECT_EQ(rec.accesses()[1].addr, kBase + 0xa);
  EXPECT_EQ(rec.accesses()[1].name, "desc.len+2");
}

TEST_F(Recorder, OnlyTheCarveOutsAreRecorded) {
  read(0x10, {1});                                    // private memory
  rec.on_uncached(true, kBase, nullptr, 0, false, 0); // nothing
  std::uint8_t word[4] = {};
  rec.on_uncached(true, kBase + 0x8, word, 4, true, 0);       // a device mapping
  rec.on_maintenance("dcache clean", "s", 0x40, 4, false, 0); // outside
  EXPECT_TRUE(rec.accesses().empty());
}

} // namespace
} // namespace sim::app
