// SPDX-License-Identifier: Apache-2.0
// The scenario's `faults:` list: what parses, and the clear errors for what does not.
#include "sim/scenario/faults.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario.h"

namespace sim::app {
namespace {

config::ConfigValue doc(const std::string& text) {
  return config::load_string(text, "f.yaml");
}

const models::BoardConfig& board() {
  static const models::BoardConfig b =
      load_board_or_scenario(std::string(IPCSIM_SOURCE_DIR) + "/configs/tcc807x.yaml");
  return b;
}

std::string error_of(const std::string& text) {
  config::ConfigValue d = doc(text);
  try {
    parse_faults(config::ConfigNode(d, "faults"), board());
  } catch (const config::ConfigError& e) {
    return e.path() + ": " + e.message();
  }
  return "no error";
}

TEST(Faults, SkipCacheOpEveryCallOrTheNth) {
  config::ConfigValue d =
      doc("- skip_cache_op: { cluster: remote, site: tx_buffer_flush }\n"
          "- skip_cache_op: { cluster: remote, site: rx_avail_idx_invalidate, nth: 3 }\n");
  const std::vector<FaultSpec> f = parse_faults(config::ConfigNode(d, "faults"), board());
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, FaultKind::kSkipCacheOp);
  EXPECT_STREQ(fault_kind_name(f[0].kind), "skip_cache_op");
  EXPECT_EQ(f[0].site, "tx_buffer_flush");
  EXPECT_EQ(f[0].nth, 0u);
  EXPECT_EQ(f[1].site, "rx_avail_idx_invalidate");
  EXPECT_EQ(f[1].nth, 3u);
}

TEST(Faults, SoftwareFaultsReachTheStacksOptions) {
  config::ConfigValue d = doc("- double_tx_buffer: { nth: 4 }\n"
                              "- ignore_vq_irq_when_attached: {}\n");
  const std::vector<FaultSpec> f = parse_faults(config::ConfigNode(d, "faults"), board());
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].cluster, "remote");
  EXPECT_EQ(f[1].cluster, "master");
  MasterSoftware master;
  RemoteSoftware remote;
  models::BoardConfig b = board();
  apply_scenario_faults(f, b, master, remote);
  EXPECT_EQ(remote.image.double_tx_buffer_nth, 4u);
  EXPECT_TRUE(master.kernel.ignore_vq_irq_when_attached);
  EXPECT_NE(error_of("- double_tx_buffer: {}\n").find("nth"), std::string::npos);
}

TEST(Faults, UnknownSiteNamesTheSites) {
  const std::string e = error_of("- skip_cache_op: { cluster: remote, site: tx_flush }\n");
  EXPECT_NE(e.find("faults[0].skip_cache_op.site"), std::string::npos) << e;
  EXPECT_NE(e.find("tx_buffer_flush"), std::string::npos) << e;
}

TEST(Faults, UnknownFaultAndMasterSitesAreInputErrors) {
  EXPECT_NE(error_of("- drop_everything: {}\n").find("unknown fault 'drop_everything'"),
            std::string::npos);
  EXPECT_NE(error_of("- skip_cache_op: { cluster: master, site: tx_buffer_flush }\n")
                .find("no cache-maintenance sites"),
            std::string::npos);
  EXPECT_NE(error_of("- skip_cache_op: { cluster: remote, site: tx_buffer_flush, nth: 0 }\n")
                .find("counts from 1"),
            std::string::npos);
  EXPECT_NE(error_of("- skip_cache_op: { cluster: remote }\n").find("site"), std::string::npos);
}

TEST(Faults, ConfigurationFaultsChangeTheBoardAndTheRemoteBoot) {
  config::ConfigValue d = doc("- linux_cacheable: {}\n"
                              "- rsc_offset: { value: 0x400 }\n"
                              "- unmap_region: { cluster: remote, region: VDEV0BUFFER }\n"
                              "- remote_boots_late: { at: 500ms }\n"
                              "- remote_restarts: { at: 1s, reboot: 20ms }\n");
  const std::vector<FaultSpec> f = parse_faults(config::ConfigNode(d, "faults"), board());
  models::BoardConfig b = board();
  MasterSoftware master;
  RemoteSoftware remote;
  apply_scenario_faults(f, b, master, remote);
  for (const models::MmuRegion& r : b.master.mmu) {
    if (r.name == "rpmsg_shm") {
      EXPECT_EQ(r.attr, models::MemAttr::kNormalWb);
    }
  }
  EXPECT_EQ(b.carveout("rsc_table")->rsc_offset, std::optional<std::uint64_t>(0x400));
  for (const models::MmuRegion& r : b.remote.mmu) EXPECT_NE(r.name, "VDEV0BUFFER");
  EXPECT_EQ(b.remote.mmu.size(), board().remote.mmu.size() - 1);
  EXPECT_EQ(remote.boot_at, 500 * kPsPerMs);
  EXPECT_EQ(remote.restart_at, 1000 * kPsPerMs);
  EXPECT_EQ(remote.restart_delay, 20 * kPsPerMs);
}

TEST(Faults, ASecondSingleValueFaultIsAnInputError) {
  EXPECT_NE(error_of("- double_tx_buffer: { nth: 4 }\n- double_tx_buffer: { nth: 10 }\n")
                .find("a second double_tx_buffer fault (faults[0] is one)"),
            std::string::npos);
  EXPECT_NE(error_of("- remote_boots_late: { at: 1s }\n- remote_boots_late: { at: 2s }\n")
                .find("faults[1].remote_boots_late"),
            std::string::npos);
  // Several skip_cache_op or mailbox faults are fine: each acts on its own occurrence.
  EXPECT_EQ(error_of("- mailbox: { direction: master_to_remote, action: drop, nth: 2 }\n"
                     "- mailbox: { direction: master_to_remote, action: drop, nth: 3 }\n"),
            "no error");
}

TEST(Faults, ConfigurationFaultErrorsNameWhatExists) {
  const std::string unmap = error_of("- unmap_region: { cluster: remote, region: VDEV0BUF }\n");
  EXPECT_NE(unmap.find("regions: image, VRING0, VRING1, VDEV0BUFFER"), std::string::npos) << unmap;
  const std::string offset = error_of("- rsc_offset: { value: 0x1800 }\n");
  EXPECT_NE(offset.find("must fit in the rsc_table window"), std::string::npos) << offset;
  EXPECT_NE(error_of("- remote_boots_late: { at: 0s }\n").find("after 0"), std::string::npos);
  EXPECT_NE(error_of("- remote_restarts: { at: 5ms, reboot: 10us }\n").find("at least 1ms"),
            std::string::npos);
}

} // namespace
} // namespace sim::app
