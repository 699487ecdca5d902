// SPDX-License-Identifier: Apache-2.0
#include "sim/run/vcd_trace.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

TEST(VcdTrace, SignalNamesAreVcdIdentifiers) {
  EXPECT_EQ(VcdTrace::signal_name("cmd FIFO master -> remote"), "cmd_fifo_master_to_remote");
  EXPECT_EQ(VcdTrace::signal_name("vring1.avail.idx"), "vring1_avail_idx");
  EXPECT_EQ(VcdTrace::signal_name("a..b "), "a_b");
}

} // namespace
} // namespace sim::app
