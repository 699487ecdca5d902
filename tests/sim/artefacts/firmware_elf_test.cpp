// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/firmware_elf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace sim::artefacts {
namespace {

TEST(FirmwareElf, ReadsTheTableSymbolSectionAndSegments) {
  const FirmwareImage fw = load_firmware(IPCSIM_FIXTURE_ELF);
  ASSERT_TRUE(fw.resource_table.has_value());
  EXPECT_EQ(fw.resource_table->address, 0x200c63b8u);
  EXPECT_EQ(fw.resource_table->size, 88u); // Zephyr's table without RAM console
  EXPECT_EQ(fw.rsc_section_address, std::optional<std::uint64_t>(0x200c63b8));
  ASSERT_EQ(fw.rsc_section.size(), 88u);
  EXPECT_EQ(fw.rsc_section[0], 1u); // ver
  const bool loaded = std::any_of(fw.segments.begin(), fw.segments.end(), [](const auto& s) {
    return s.address <= 0x200c63b8u && 0x200c63b8u + 88 <= s.address + s.size;
  });
  EXPECT_TRUE(loaded);
}

TEST(FirmwareElf, ReadsZephyrsMmuRegions) {
  const FirmwareImage fw = load_firmware(IPCSIM_FIXTURE_ELF);
  ASSERT_TRUE(fw.has_mmu_config);
  ASSERT_EQ(fw.mmu_regions.size(), 5u);
  EXPECT_EQ(fw.mmu_regions[1].name, "MBOX");
  EXPECT_EQ(fw.mmu_regions[1].type(), ZephyrMemType::kDeviceNGnRnE);
  const ZephyrMmuRegion& vring1 = fw.mmu_regions[3];
  EXPECT_EQ(vring1.name, "VRING1");
  EXPECT_EQ(vring1.base_pa, 0x200c9000u);
  EXPECT_EQ(vring1.size, 0x1000u);
  EXPECT_EQ(vring1.type(), ZephyrMemType::kNormal);
  EXPECT_STREQ(board_attr_name(vring1.type()), "normal_wb");
  EXPECT_NE(vring1.attrs & 0x8u, 0u); // MT_RW
}

TEST(FirmwareElf, NotAnElfFileIsUnreadable) {
  EXPECT_THROW(load_firmware("/nonexistent/zephyr.elf"), ArtefactError);
  const std::string junk = ::testing::TempDir() + "junk.elf";
  std::ofstream(junk) << "#!/bin/sh\n";
  try {
    load_firmware(junk);
    FAIL() << "no error";
  } catch (const ArtefactError& e) {
    EXPECT_NE(std::string(e.what()).find("not an ELF file"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace sim::artefacts
