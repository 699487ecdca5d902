// SPDX-License-Identifier: Apache-2.0
#include "models/common/log.h"

#include <gtest/gtest.h>

#include "tests/support/log_capture.h"

namespace sim::log {
namespace {

TEST(Log, FormatsLikeVcml) {
  EXPECT_EQ(format_line(Level::kWarn, 1234000, "platform.mbox", "hello"),
            "[W 1234.000 ns] platform.mbox: hello");
}

TEST(Log, DisabledLevelDoesNotFormat) {
  reset_levels();
  int evaluated = 0;
  auto side_effect = [&] {
    ++evaluated;
    return 1;
  };
  SIM_DEBUG("x", "value " << side_effect());
  EXPECT_EQ(evaluated, 0);
}

TEST(Log, ComponentLevelUsesLongestPrefix) {
  reset_levels();
  set_component_level("platform.remote", Level::kDebug);
  set_component_level("platform.remote.dcache", Level::kError);
  EXPECT_TRUE(enabled(Level::kDebug, "platform.remote.mbox"));
  EXPECT_FALSE(enabled(Level::kWarn, "platform.remote.dcache"));
  EXPECT_FALSE(enabled(Level::kInfo, "platform.master"));
  reset_levels();
}

TEST(Log, ParsesLevelNames) {
  Level l;
  EXPECT_TRUE(parse_level("debug", l));
  EXPECT_EQ(l, Level::kDebug);
  EXPECT_FALSE(parse_level("verbose", l));
}

} // namespace
} // namespace sim::log
