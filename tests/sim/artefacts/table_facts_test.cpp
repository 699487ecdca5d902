// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/table_facts.h"

#include <gtest/gtest.h>

#include "sim/artefacts/firmware_elf.h"

namespace sim::artefacts {
namespace {

TEST(TableFacts, TheFixturesTableHasOneVdevWithTwoRings) {
  const FirmwareImage fw = load_firmware(IPCSIM_FIXTURE_ELF);
  const TableFacts t = read_table_facts(fw.rsc_section, 0x200c63b8);
  ASSERT_TRUE(t.ok) << t.error;
  EXPECT_EQ(t.version, 1u);
  EXPECT_EQ(t.entries, 1u);
  EXPECT_EQ(t.size, 88u);
  ASSERT_TRUE(t.has_vdev);
  EXPECT_EQ(t.vdev_offset, 0x14u);
  EXPECT_EQ(t.vdev_id, 7u);
  ASSERT_EQ(t.vrings.size(), 2u);
  EXPECT_EQ(t.vrings[0].da, 0x200c8000u);
  EXPECT_EQ(t.vrings[1].da, 0x200c9000u);
  EXPECT_EQ(t.vrings[1].align, 16u);
  EXPECT_EQ(t.vrings[1].num, 8u);
  EXPECT_EQ(t.vrings[1].notifyid, 1u);
}

TEST(TableFacts, LinuxsFirstComplaintWins) {
  const FirmwareImage fw = load_firmware(IPCSIM_FIXTURE_ELF);
  std::vector<std::uint8_t> bytes = fw.rsc_section;
  bytes[0] = 2; // version
  const TableFacts t = read_table_facts(bytes, 0x200c63b8);
  EXPECT_FALSE(t.ok);
  EXPECT_EQ(t.error, "resource table version 2 at 0x200c63b8, expected 1");
  bytes.resize(10); // shorter than the header
  EXPECT_FALSE(read_table_facts(bytes, 0).ok);
}

} // namespace
} // namespace sim::artefacts
