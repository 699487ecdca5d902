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

using Faults = std::vector<std::shared_ptr<const Fault>>;

Faults parse(const config::ConfigValue& d) {
  return parse_faults(config::ConfigNode(d, "faults"), board());
}

void apply_all(const Faults& faults, models::BoardConfig& b, MasterSoftware& master,
               RemoteSoftware& remote) {
  for (const auto& f : faults) f->apply(b, master, remote);
}

TEST(Faults, SkipCacheOpEveryCallOrTheNth) {
  config::ConfigValue d =
      doc("- skip_cache_op: { cluster: remote, site: tx_buffer_flush }\n"
          "- skip_cache_op: { cluster: remote, site: rx_avail_idx_invalidate, nth: 3 }\n");
  const Faults f = parse(d);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_STREQ(f[0]->kind(), "skip_cache_op");
  EXPECT_EQ(f[0]->side(), Side::kRemote);
  EXPECT_EQ(f[0]->description(), "skip_cache_op remote/tx_buffer_flush (every call)");
  EXPECT_EQ(f[0]->settings().dump(), R"({"site":"tx_buffer_flush"})");
  EXPECT_EQ(f[1]->description(), "skip_cache_op remote/rx_avail_idx_invalidate (call 3)");
  EXPECT_EQ(f[1]->settings().dump(), R"({"site":"rx_avail_idx_invalidate","nth":3})");
}

TEST(Faults, TheRecordCarriesKindSideAndSettings) {
  config::ConfigValue d =
      doc("- mailbox: { direction: remote_to_master, action: delay, nth: 2, delay: 3us }\n");
  const FaultRecord r = parse(d).at(0)->blank_record();
  EXPECT_EQ(r.kind, "mailbox");
  EXPECT_EQ(r.side, Side::kRemote); // the sender
  EXPECT_EQ(r.description, "mailbox remote_to_master delay of message 2 by 3.000 us");
  EXPECT_EQ(r.settings.dump(),
            R"({"nth":2,"direction":"remote_to_master","action":"delay","delay_ns":3000})");
  EXPECT_EQ(r.occurrences, 0u);
  EXPECT_TRUE(r.fired.empty());
}

TEST(Faults, EnumerationsSuggestTheNearestValue) {
  const std::string action =
      error_of("- mailbox: { direction: master_to_remote, action: dorp, nth: 1 }\n");
  EXPECT_NE(action.find("faults[0].mailbox.action"), std::string::npos) << action;
  EXPECT_NE(action.find("did you mean 'drop'?"), std::string::npos) << action;
  const std::string direction =
      error_of("- mailbox: { direction: master_to_remot, action: drop, nth: 1 }\n");
  EXPECT_NE(direction.find("did you mean 'master_to_remote'?"), std::string::npos) << direction;
  const std::string kind = error_of("- skip_cache_ops: { cluster: remote, site: x }\n");
  EXPECT_NE(kind.find("unknown fault 'skip_cache_ops' (did you mean 'skip_cache_op'?)"),
            std::string::npos)
      << kind;
  const std::string cluster = error_of("- unmap_region: { cluster: remot, region: image }\n");
  EXPECT_NE(cluster.find("did you mean 'remote'?"), std::string::npos) << cluster;
}

TEST(Faults, SoftwareFaultsReachTheStacksOptions) {
  config::ConfigValue d = doc("- double_tx_buffer: { nth: 4 }\n"
                              "- ignore_vq_irq_when_attached: {}\n");
  const Faults f = parse(d);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0]->side(), Side::kRemote);
  EXPECT_EQ(f[1]->side(), Side::kMaster);
  MasterSoftware master;
  RemoteSoftware remote;
  models::BoardConfig b = board();
  apply_all(f, b, master, remote);
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
                .find("nth: must be within 1..1000000, got 0"),
            std::string::npos);
  EXPECT_NE(error_of("- skip_cache_op: { cluster: remote }\n").find("site"), std::string::npos);
}

TEST(Faults, ConfigurationFaultsChangeTheBoardAndTheRemoteBoot) {
  config::ConfigValue d = doc("- linux_cacheable: {}\n"
                              "- rsc_offset: { value: 0x400 }\n"
                              "- unmap_region: { cluster: remote, region: VDEV0BUFFER }\n"
                              "- remote_boots_late: { at: 500ms }\n"
                              "- remote_restarts: { at: 1s, reboot: 20ms }\n");
  const Faults f = parse(d);
  models::BoardConfig b = board();
  MasterSoftware master;
  RemoteSoftware remote;
  apply_all(f, b, master, remote);
  for (const models::MmuRegion& r : b.cluster(Side::kMaster).mmu) {
    if (r.name == "rpmsg_shm") {
      EXPECT_EQ(r.attr, models::MemAttr::kNormalWb);
    }
  }
  EXPECT_EQ(b.carveout("rsc_table")->rsc_offset, std::optional<std::uint64_t>(0x400));
  for (const models::MmuRegion& r : b.cluster(Side::kRemote).mmu) EXPECT_NE(r.name, "VDEV0BUFFER");
  EXPECT_EQ(b.cluster(Side::kRemote).mmu.size(), board().cluster(Side::kRemote).mmu.size() - 1);
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
  EXPECT_NE(error_of("- remote_boots_late: { at: 0s }\n").find("at: must be above zero"),
            std::string::npos);
  EXPECT_NE(error_of("- remote_restarts: { at: 5ms, reboot: 10us }\n")
                .find("reboot: must be at least 1.000 ms, got 10.000 us"),
            std::string::npos);
  // Each kind's settings are declared: another key is refused with the nearest one.
  EXPECT_NE(error_of("- mailbox: { direction: master_to_remote, action: drop, nht: 2 }\n")
                .find("unknown key 'nht' (did you mean 'nth'?)"),
            std::string::npos);
  EXPECT_NE(error_of("- mailbox: { direction: master_to_remote, action: delay, nth: 2 }\n")
                .find("action: delay needs a delay"),
            std::string::npos);
  EXPECT_NE(error_of("- linux_cacheable: { all: true }\n").find("unknown key 'all'"),
            std::string::npos);
}

} // namespace
} // namespace sim::app
