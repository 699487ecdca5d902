// SPDX-License-Identifier: Apache-2.0
#include "sim/port/board_import.h"

#include <gtest/gtest.h>

#include <fstream>

#include "models/common/config/config_node.h"
#include "models/common/config/config_tree.h"
#include "models/platform/board_config.h"

namespace sim::app {
namespace {

const std::string kRoot = IPCSIM_SOURCE_DIR;
const std::string kFixtures = kRoot + "/tests/fixtures/tcc807x/";

ImportInput fixtures() {
  ImportInput in;
  in.base_file = kRoot + "/configs/tcc807x.yaml";
  in.name = "imported";
  in.linux_dt = artefacts::load_device_tree(kFixtures + "linux.dts");
  in.zephyr_dt = artefacts::load_device_tree(kFixtures + "zephyr.dts");
  in.firmware = artefacts::load_firmware(IPCSIM_FIXTURE_ELF);
  return in;
}

models::BoardConfig parse(const std::string& text) {
  config::ConfigValue doc = config::load_string(text, "imported.yaml");
  return models::parse_board(config::ConfigNode(doc, ""));
}

TEST(BoardImport, TakesTheArtefactsFactsAndTheRestFromTheBase) {
  ImportInput in = fixtures();
  // Move things in the artefacts to see them land in the board.
  in.linux_dt->reserved[3].size = 0x8000; // vdev0buffer
  in.linux_dt->rproc->rsc_offset = 0x3c0;
  in.zephyr_dt->mailboxes[0].interrupts = {250, 251};
  const std::string text = import_board(in);
  EXPECT_NE(text.find("# Imported by `ipcsim import`"), std::string::npos);
  EXPECT_NE(text.find("linux.dts /reserved-memory/vdev0buffer@200ca000"), std::string::npos)
      << text;
  const models::BoardConfig b = parse(text);
  EXPECT_EQ(b.name, "imported");
  EXPECT_EQ(b.carveout("vdev0buffer")->size, 0x8000u);
  EXPECT_EQ(b.carveout("rsc_table")->rsc_offset, std::optional<std::uint64_t>(0x3c0));
  EXPECT_EQ(b.mailbox.remote.irq_rx, 250u);
  EXPECT_EQ(b.mailbox.master.base, 0x17470000u);
  // From the firmware: the image region (its segments, page-aligned) and Zephyr's regions.
  ASSERT_EQ(b.cluster(Side::kRemote).mmu.size() >= 4, true);
  EXPECT_EQ(b.cluster(Side::kRemote).mmu[0].name, "image");
  EXPECT_EQ(b.cluster(Side::kRemote).mmu[0].base, 0x20000000u);
  EXPECT_EQ(b.cluster(Side::kRemote).mmu[0].size, 0xc7000u);
  // From the base board: what no artefact says.
  EXPECT_EQ(b.cluster(Side::kRemote).clock_hz, 1500000000u);
  EXPECT_EQ(b.cluster(Side::kMaster).mmu[0].attr, models::MemAttr::kNormalNc);
}

TEST(BoardImport, TheFirmwareGivesTheTable) {
  ImportInput in = fixtures();
  const std::string text = import_board(in);
  EXPECT_NE(text.find("address: 0x200c63b8"), std::string::npos) << text;
  EXPECT_NE(text.find("vring_num: 8"), std::string::npos) << text;
  EXPECT_NE(text.find("vring1: 0x200c9000"), std::string::npos) << text;
}

TEST(BoardImport, OneArtefactIsEnough) {
  ImportInput in = fixtures();
  in.linux_dt.reset();
  in.zephyr_dt.reset();
  const models::BoardConfig b = parse(import_board(in));
  EXPECT_EQ(b.carveout("vdev0buffer")->size, 0x4000u); // the base board's
}

TEST(BoardImport, OddArtefactsStillGiveABoardThatLoads) {
  ImportInput in = fixtures();
  in.name = "my: board # 2";
  // A DRAM memory node holding everything is not Linux's write-combining window.
  artefacts::DtRegion dram;
  dram.path = "/memory@20000000";
  dram.base = 0x20000000;
  dram.size = 0x80000000;
  in.linux_dt->memory.push_back(dram);
  // A Normal-NC region over the whole window after the carve-outs' regions (it remaps them) and
  // a name with YAML syntax in it.
  artefacts::ZephyrMmuRegion shm;
  shm.name = "shm: all";
  shm.base_pa = shm.base_va = 0x200c6000;
  shm.size = 0x8000;
  shm.attrs = 3u | 8u; // MT_NORMAL_NC | MT_RW
  in.firmware->mmu_regions.push_back(shm);
  const models::BoardConfig b = parse(import_board(in));
  EXPECT_EQ(b.name, "my: board # 2");
  EXPECT_EQ(b.cluster(Side::kMaster).mmu[0].base, 0x200c6000u);
  EXPECT_EQ(b.cluster(Side::kMaster).mmu[0].size, 0x8000u);
  // The image stops where the window begins; the window is Normal-NC, as the image left it.
  ASSERT_GE(b.cluster(Side::kRemote).mmu.size(), 2u);
  EXPECT_EQ(b.cluster(Side::kRemote).mmu[0].name, "image");
  EXPECT_EQ(b.cluster(Side::kRemote).mmu[0].base + b.cluster(Side::kRemote).mmu[0].size,
            0x200c6000u);
  EXPECT_EQ(b.cluster(Side::kRemote).mmu[1].name, "shm: all");
  EXPECT_EQ(b.cluster(Side::kRemote).mmu[1].attr, models::MemAttr::kNormalNc);
}

TEST(BoardImport, AnArtefactMissingWhatItMustGiveIsRefused) {
  ImportInput in = fixtures();
  in.linux_dt->rproc.reset();
  EXPECT_THROW(import_board(in), std::invalid_argument);
  in = fixtures();
  in.linux_dt->rproc->rsc_offset = 0x3000; // past the 8 KiB window
  EXPECT_THROW(import_board(in), std::invalid_argument);
  in = fixtures();
  in.firmware->rsc_section[0x14 + 28 + 8] = 12; // vring0: 12 entries
  EXPECT_THROW(import_board(in), std::invalid_argument);
  in = fixtures();
  in.firmware->rsc_section[0] = 2; // a table Linux rejects
  try {
    import_board(in);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("version 2"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace sim::app
