// SPDX-License-Identifier: Apache-2.0
// The platform built from a board: every cluster of the board file is built the same way, and
// only the two sides' clusters get a mailbox terminal. One simulation per TEST.
#include "models/platform/platform.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/log_capture.h"

namespace sim::models {
namespace {

/// The reference board with a third, hardware-only cluster between the master and the remote.
BoardConfig board_with_sensor() {
  std::ifstream in(std::string(IPCSIM_CONFIGS_DIR) + "/tcc807x.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::string anchor = "  remote:                                 # Zephyr";
  const std::size_t at = yaml.find(anchor);
  EXPECT_NE(at, std::string::npos);
  yaml.insert(at, "  sensor:\n"
                  "    cores: 1\n"
                  "    clock: 800MHz\n"
                  "    dcache: { size: 16KiB, ways: 4, line: 64B }\n"
                  "    mmu:\n"
                  "      - { name: shm, base: 0x200c6000, size: 0x8000, attr: normal_nc }\n");
  const config::ConfigValue doc = config::load_string(yaml, "board.yaml");
  return parse_board(config::ConfigNode(doc, ""));
}

TEST(Platform, AThirdClusterRunsSoftwareButHasNoMailboxTerminal) {
  const BoardConfig board = board_with_sensor();
  Platform p("platform", board, 1);
  ASSERT_EQ(p.clusters(), 3u);
  EXPECT_EQ(p.cluster_at(0).cluster(), "master");
  EXPECT_EQ(p.cluster_at(1).cluster(), "sensor");
  EXPECT_EQ(&p.cluster_at(2), &p.cluster(Side::kRemote));
  EXPECT_EQ(p.dcache_at(1).geometry().line(), 64u);

  // The sensor writes the shared memory the master reads; its own attempt at the master's
  // mailbox window is an MMU fault: the platform maps a terminal only for the two sides.
  test::LogCapture::instance().expect(log::Level::kWarn, "mmu_fault at 0x17470000 in sensor_main");
  std::uint32_t seen = 0;
  const std::uint64_t master_terminal = board.mailbox.terminal(Side::kMaster).base;
  p.cluster_at(1).boot({"sensor_main", 0, false, 0}, [master_terminal](hal::Hal& hal) {
    hal.write32(0x200ca000, 0x5e5011);
    hal.sleep(10 * hal::kUs);
    hal.mmio_read32(master_terminal);
  });
  p.cluster(Side::kMaster).boot({"reader", 0, false, 0}, [&seen](hal::Hal& hal) {
    hal.sleep(5 * hal::kUs);
    seen = hal.read32(0x200ca000);
  });
  sc_core::sc_start(sc_core::sc_time(1, sc_core::SC_MS));
  EXPECT_EQ(seen, 0x5e5011u);
  ASSERT_TRUE(p.cluster_at(1).panic_info().has_value());
  EXPECT_EQ(p.cluster_at(1).panic_info()->kind, "mmu_fault");
  EXPECT_FALSE(p.cluster(Side::kMaster).panic_info().has_value());
}

} // namespace
} // namespace sim::models
