// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/firmware_elf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

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

std::vector<char> file_bytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return std::vector<char>(std::istreambuf_iterator<char>(in), {});
}

TEST(FirmwareElf, ReadsTheEntryPointAndEachSegmentsBytes) {
  const FirmwareImage fw = load_firmware(IPCSIM_FIXTURE_ELF);
  EXPECT_EQ(fw.entry, 0x20000030u);
  ASSERT_EQ(fw.segments.size(), 2u);
  // Code: file offset 0x10000, 0x168 bytes, read-execute.
  const std::vector<char> raw = file_bytes(IPCSIM_FIXTURE_ELF);
  ASSERT_GE(raw.size(), 0x10000u + 0x168u);
  const ElfSegment& code = fw.segments[0];
  EXPECT_EQ(code.address, 0x20000000u);
  EXPECT_TRUE(code.executable);
  EXPECT_FALSE(code.writable);
  ASSERT_EQ(code.bytes.size(), 0x168u);
  EXPECT_TRUE(std::equal(code.bytes.begin(), code.bytes.end(),
                         reinterpret_cast<const std::uint8_t*>(raw.data()) + 0x10000));
  // Data: the resource table itself.
  const ElfSegment& data = fw.segments[1];
  EXPECT_TRUE(data.writable);
  EXPECT_EQ(data.bytes, fw.rsc_section);
}

TEST(FirmwareElf, NamesTheFunctionACodeAddressIsIn) {
  const FirmwareImage fw = load_firmware(IPCSIM_FIXTURE_ELF);
  // _start is a 4-byte function at 0x20000030; data symbols are not functions.
  EXPECT_EQ(fw.symbolize(0x20000030), "_start");
  EXPECT_EQ(fw.symbolize(0x20000032), "_start+0x2");
  EXPECT_EQ(fw.symbolize(0x20000034), ""); // past its size
  EXPECT_EQ(fw.symbolize(0x2000002c), ""); // before every function
  EXPECT_EQ(fw.symbolize(0x200c63b8), ""); // resource_table is data
}

/// The fixture with its first program header's p_offset (+8) or p_filesz (+32) replaced.
std::string patched_fixture(std::size_t field, std::uint64_t value, const std::string& name) {
  std::vector<char> raw = file_bytes(IPCSIM_FIXTURE_ELF);
  std::uint64_t phoff = 0;
  std::memcpy(&phoff, raw.data() + 32, 8); // e_phoff
  std::memcpy(raw.data() + phoff + field, &value, 8);
  const std::string out = ::testing::TempDir() + name;
  std::ofstream(out, std::ios::binary).write(raw.data(), static_cast<std::streamsize>(raw.size()));
  return out;
}

void expect_refused(const std::string& file, const std::string& words) {
  try {
    load_firmware(file);
    FAIL() << "no error";
  } catch (const ArtefactError& e) {
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(FirmwareElf, HostileSegmentsAreRefusedWithWhatIsWrong) {
  expect_refused(patched_fixture(32, 0x169, "more_bytes.elf"),
                 "loadable segment 0 has 361 bytes in the file but only 360 in memory");
  expect_refused(patched_fixture(8, 0x7fffffffffff0000ull, "far_offset.elf"),
                 "runs past the end of the");
}

TEST(FirmwareElf, AHostProgramIsNotAnAarch64Firmware) {
  expect_refused("/proc/self/exe", "not a 64-bit Arm (AArch64, machine 183) firmware");
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
