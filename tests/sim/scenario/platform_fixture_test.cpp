// SPDX-License-Identifier: Apache-2.0
// The platform fixture used by software tests: the reference board, a table placed in DRAM
// before time zero, software on both clusters. One simulation per TEST.
#include <gtest/gtest.h>

#include "sw/shm/resource_table_view.h"
#include "tests/support/platform_fixture.h"

namespace sim::test {
namespace {

TEST(PlatformFixture, RemoteTableIsInDramAtTimeZeroAndReadableByBothSides) {
  PlatformFixture f;
  f.load_zephyr_table();
  std::uint32_t master_ver = 0, remote_ver = 0;
  std::uint8_t master_status = 0xff;
  f.boot(Side::kMaster, {"init", 0, false, 0}, [&](hal::Hal& hal) {
    sw::shm::ResourceTableView t(hal, 0x200c63b8);
    master_ver = t.ver();
    master_status = hal.read8(0x200c63b8 + 0x2c);
  });
  f.boot(Side::kRemote, {"main", 0, false, 0},
         [&](hal::Hal& hal) { remote_ver = sw::shm::ResourceTableView(hal, 0x200c63b8).ver(); });
  f.run(sc_core::sc_time(1, sc_core::SC_MS));
  EXPECT_EQ(master_ver, 1u);
  EXPECT_EQ(remote_ver, 1u);
  EXPECT_EQ(master_status, 0u);
  EXPECT_EQ(f.info(Side::kMaster).rsc_offset, 0x3b8u);
  EXPECT_EQ(f.info(Side::kRemote).mailbox_base, 0x17460000u);
}

} // namespace
} // namespace sim::test
