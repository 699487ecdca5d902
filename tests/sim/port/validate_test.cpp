// SPDX-License-Identifier: Apache-2.0
#include "sim/port/validate.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/scenario/scenario.h"

namespace sim::app {
namespace {

const std::string kRoot = IPCSIM_SOURCE_DIR;
const std::string kFixtures = kRoot + "/tests/fixtures/tcc807x/";

ValidateInput reference(bool artefacts = true) {
  PortDescription port = load_port(kRoot + "/configs/tcc807x.yaml");
  ValidateInput in;
  in.board_file = port.board_file;
  in.board = port.board;
  in.remote = port.remote;
  if (artefacts) {
    in.linux_dt = artefacts::load_device_tree(kFixtures + "linux.dts");
    in.zephyr_dt = artefacts::load_device_tree(kFixtures + "zephyr.dts");
    in.firmware = artefacts::load_firmware(IPCSIM_FIXTURE_ELF);
  }
  return in;
}

std::vector<CheckResult> of(const std::vector<CheckResult>& all, CheckStatus status) {
  std::vector<CheckResult> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](const CheckResult& c) { return c.status == status; });
  return out;
}

/// The result in `all` (which must outlive the pointer), or nullptr.
const CheckResult* find(const std::vector<CheckResult>& all, const std::string& check,
                        CheckStatus status) {
  for (const CheckResult& c : all)
    if (c.check == check && c.status == status) return &c;
  return nullptr;
}

TEST(Validate, TheReferencePortIsCleanButForTheCacheLineWarning) {
  const std::vector<CheckResult> results = validate_port(reference());
  EXPECT_TRUE(of(results, CheckStatus::kError).empty()) << validation_text(results);
  const std::vector<CheckResult> warnings = of(results, CheckStatus::kWarning);
  ASSERT_EQ(warnings.size(), 1u) << validation_text(results);
  EXPECT_EQ(warnings[0].check, "vring_align");
  // Every part was looked at.
  for (const char* id : {"rsc_address", "buffer_pool", "mmu.remote.vdev0vring1", "dt.rsc_offset",
                         "dt.mbox.master", "dt.zephyr.VRING1", "dt.ipc_shm", "elf.rsc_offset",
                         "elf.table", "elf.vring1", "elf.mmu.vdev0buffer"})
    EXPECT_NE(find(results, id, CheckStatus::kOk), nullptr) << id;
}

TEST(Validate, AWiderAlignmentRemovesTheWarning) {
  ValidateInput in = reference(false);
  in.remote.image.vring_align = 64;
  const std::vector<CheckResult> results = validate_port(in);
  EXPECT_TRUE(of(results, CheckStatus::kWarning).empty()) << validation_text(results);
  EXPECT_TRUE(of(results, CheckStatus::kError).empty()) << validation_text(results);
}

TEST(Validate, ABoardWhoseOffsetMissesTheTableNamesBothSources) {
  ValidateInput in = reference();
  for (models::CarveoutConfig& c : in.board.carveouts)
    if (c.name == "rsc_table") c.rsc_offset = 0x400;
  const std::vector<CheckResult> results = validate_port(in);
  const CheckResult* board = find(results, "rsc_address", CheckStatus::kError);
  ASSERT_NE(board, nullptr) << validation_text(results);
  EXPECT_NE(board->text.find("0x200c6400"), std::string::npos) << board->text;
  EXPECT_EQ(board->sources.size(), 2u);
  const CheckResult* dt = find(results, "dt.rsc_offset", CheckStatus::kError);
  ASSERT_NE(dt, nullptr);
  EXPECT_NE(dt->sources[0].find("linux.dts /remoteproc"), std::string::npos) << dt->sources[0];
  EXPECT_NE(dt->sources[1].find("configs/tcc807x.yaml:"), std::string::npos) << dt->sources[1];
}

TEST(Validate, ACacheableRemoteWithoutMaintenanceIsAnError) {
  ValidateInput in = reference(false);
  in.remote.image.dcache = false;
  const std::vector<CheckResult> results = validate_port(in);
  const CheckResult* c = find(results, "mmu.remote.vdev0vring1", CheckStatus::kError);
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->text.find("openamp.dcache"), std::string::npos) << c->text;
}

TEST(Validate, ACacheableLinuxMappingIsAnError) {
  ValidateInput in = reference(false);
  for (models::MmuRegion& m : in.board.cluster(Side::kMaster).mmu)
    m.attr = models::MemAttr::kNormalWb;
  const std::vector<CheckResult> results = validate_port(in);
  EXPECT_NE(find(results, "mmu.master.vdev0buffer", CheckStatus::kError), nullptr);
}

TEST(Validate, AnUnmappedRegionOrARingTooBigForItsCarveOut) {
  ValidateInput in = reference(false);
  in.board.cluster(Side::kRemote)
      .mmu.erase(std::remove_if(in.board.cluster(Side::kRemote).mmu.begin(),
                                in.board.cluster(Side::kRemote).mmu.end(),
                                [](const auto& m) { return m.name == "VRING1"; }),
                 in.board.cluster(Side::kRemote).mmu.end());
  in.remote.image.vring_num = 256; // two pages a ring, 256 KiB of buffers
  const std::vector<CheckResult> results = validate_port(in);
  EXPECT_NE(find(results, "mmu.remote.vdev0vring1", CheckStatus::kError), nullptr);
  EXPECT_NE(find(results, "vring_size.vdev0vring0", CheckStatus::kError), nullptr);
  EXPECT_NE(find(results, "buffer_pool", CheckStatus::kError), nullptr);
}

TEST(Validate, CarveOutsOutsideDramOrOverlapping) {
  ValidateInput in = reference(false);
  for (models::CarveoutConfig& c : in.board.carveouts) {
    if (c.name == "vdev0vring1") c.base = 0x200c8800;
    if (c.name == "vdev0buffer") c.base = 0x10000000;
  }
  const std::vector<CheckResult> results = validate_port(in);
  EXPECT_NE(find(results, "overlap.vdev0vring0.vdev0vring1", CheckStatus::kError), nullptr);
  EXPECT_NE(find(results, "dram.vdev0buffer", CheckStatus::kError), nullptr);
}

TEST(Validate, TheReportCountsAndListsSourcesOfProblems) {
  ValidateInput in = reference(false);
  in.remote.image.dcache = false;
  const std::string text = validation_text(validate_port(in));
  EXPECT_NE(text.find("ERROR     the remote maps vdev0vring0 cacheable"), std::string::npos)
      << text;
  EXPECT_NE(text.find("configs/tcc807x.yaml software.remote.openamp.dcache"), std::string::npos)
      << text;
  // The table (through the image mapping), both rings and the buffers.
  EXPECT_NE(text.find("result    4 error(s), 1 warning(s)"), std::string::npos) << text;
}

} // namespace
} // namespace sim::app
