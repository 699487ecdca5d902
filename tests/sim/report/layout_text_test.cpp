// SPDX-License-Identifier: Apache-2.0
#include "sim/report/layout_text.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario.h"

namespace sim::app {
namespace {

TEST(Layout, ShowsTheReferencePortsCarveoutsAndBothViews) {
  std::string text =
      layout_text(load_board_or_scenario(std::string(IPCSIM_SOURCE_DIR) + "/configs/tcc807x.yaml"));
  EXPECT_NE(text.find("resource table at 0x200c63b8"), std::string::npos);
  EXPECT_NE(text.find("vdev0vring0  0x200c8000-0x200c8fff"), std::string::npos);
  EXPECT_NE(text.find("normal_nc (rpmsg_shm)    normal_wb (VDEV0BUFFER)"), std::string::npos);
  EXPECT_NE(text.find("remote maps vdev0vring1 write-back"), std::string::npos);
}

TEST(Layout, FlagsACarveoutOneSideCannotAccess) {
  LoadOptions o;
  o.sets = {"clusters.remote.mmu[3].size=0x2000"};
  std::string text = layout_text(
      load_board_or_scenario(std::string(IPCSIM_SOURCE_DIR) + "/configs/tcc807x.yaml", o));
  EXPECT_NE(text.find("remote cannot access all of vdev0buffer"), std::string::npos);
}

} // namespace
} // namespace sim::app
