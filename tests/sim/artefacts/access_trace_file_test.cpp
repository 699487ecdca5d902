// SPDX-License-Identifier: Apache-2.0
// The access trace file: read back as written, and a broken line named by file and line.
#include "sim/artefacts/access_trace_file.h"

#include "sim/artefacts/device_tree.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sim::app {
namespace {

using Op = SharedAccess::Op;

TEST(AccessTraceFile, ReadsBackAsWritten) {
  SharedAccess read;
  read.addr = 0x200c8000;
  read.size = 8;
  read.time_ps = 12;
  read.name = "vring0.desc[0].addr";
  read.value = "0x00000000200ca000";
  SharedAccess clean;
  clean.op = Op::kClean;
  clean.addr = 0x200c8000;
  clean.size = 64;
  clean.time_ps = 7;
  clean.name = "vring0.desc[0].addr";
  clean.site = "fw:bsp_dcache_clean";
  clean.skipped = true;
  SharedAccess uncached = read;
  uncached.op = Op::kWrite;
  uncached.cached = false;
  uncached.value.clear();
  std::stringstream file;
  write_access_trace(file, {read, clean, uncached});
  EXPECT_EQ(file.str().substr(0, file.str().find('\n')),
            "time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite");
  const std::vector<SharedAccess> back = read_access_trace(file, "t.tsv");
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[0].addr, 0x200c8000u);
  EXPECT_EQ(back[0].size, 8u);
  EXPECT_EQ(back[0].value, "0x00000000200ca000");
  EXPECT_EQ(back[0].name, "vring0.desc[0].addr");
  EXPECT_TRUE(back[0].cached);
  EXPECT_EQ(back[1].op, Op::kClean);
  EXPECT_TRUE(back[1].skipped);
  EXPECT_EQ(back[1].site, "fw:bsp_dcache_clean");
  EXPECT_EQ(back[1].time_ps, 7u);
  EXPECT_EQ(back[2].op, Op::kWrite);
  EXPECT_FALSE(back[2].cached);
  EXPECT_EQ(back[2].value, "");
}

TEST(AccessTraceFile, EveryOperationNameRoundTrips) {
  for (Op op : {Op::kRead, Op::kWrite, Op::kClean, Op::kInvalidate, Op::kCleanInvalidate})
    EXPECT_EQ(parse_op(op_name(op)), op);
  EXPECT_FALSE(parse_op("flush").has_value());
}

TEST(AccessTraceFile, ABrokenLineNamesTheFileAndLine) {
  std::stringstream no_header("hello\n");
  EXPECT_THROW(read_access_trace(no_header, "a.tsv"), artefacts::ArtefactError);
  std::stringstream empty("");
  EXPECT_THROW(read_access_trace(empty, "e.tsv"), artefacts::ArtefactError);
  std::stringstream bad("time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite\n"
                        "12\tpeek\t0x10\t4\tx\tcached\t-\t-\n");
  try {
    read_access_trace(bad, "b.tsv");
    FAIL() << "no exception";
  } catch (const artefacts::ArtefactError& e) {
    EXPECT_STREQ(e.what(), "b.tsv:2: unknown operation 'peek'");
  }
  std::stringstream short_line("time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite\n1\tread\n");
  EXPECT_THROW(read_access_trace(short_line, "c.tsv"), artefacts::ArtefactError);
  std::stringstream not_a_number("time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite\n"
                                 "1x\tread\t0x10\t4\tx\tcached\t-\t-\n");
  EXPECT_THROW(read_access_trace(not_a_number, "d.tsv"), artefacts::ArtefactError);
  const std::string header = "time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite\n";
  std::stringstream negative(header + "1\tread\t0x10\t-4\tx\tcached\t-\t-\n");
  EXPECT_THROW(read_access_trace(negative, "n.tsv"), artefacts::ArtefactError);
  std::stringstream flags(header + "1\tread\t0x10\t4\tx\tbogus\t-\t-\n");
  EXPECT_THROW(read_access_trace(flags, "f.tsv"), artefacts::ArtefactError);
  std::stringstream skipped_read(header + "1\tread\t0x10\t4\tx\tskipped\t-\t-\n");
  EXPECT_THROW(read_access_trace(skipped_read, "s.tsv"), artefacts::ArtefactError);
}

TEST(AccessTraceFile, CarriageReturnsAndABlankLastLineAreRead) {
  std::stringstream crlf("time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite\r\n"
                         "1\tclean\t0x40\t64\tx\t-\t-\t-\r\n\n");
  const std::vector<SharedAccess> back = read_access_trace(crlf, "w.tsv");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].site, "");
  EXPECT_EQ(back[0].addr, 0x40u);
}

} // namespace
} // namespace sim::app
