// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/device_tree.h"

#include <gtest/gtest.h>

#include <fstream>

namespace sim::artefacts {
namespace {

const std::string kFixtures = std::string(IPCSIM_SOURCE_DIR) + "/tests/fixtures/tcc807x/";

TEST(DeviceTree, ReadsTheLinuxReservedMemoryAndRprocNode) {
  const DeviceTree dt = load_device_tree(kFixtures + "linux.dts");
  EXPECT_FALSE(dt.is_zephyr());
  ASSERT_EQ(dt.reserved.size(), 4u);
  EXPECT_EQ(dt.reserved[0].path, "/reserved-memory/rsc-table@200c6000");
  EXPECT_EQ(dt.reserved[0].name, "rsc-table");
  EXPECT_EQ(dt.reserved[0].base, 0x200c6000u);
  EXPECT_EQ(dt.reserved[0].size, 0x2000u);
  EXPECT_TRUE(dt.reserved[0].no_map);
  EXPECT_EQ(dt.reserved[3].compatible, std::vector<std::string>{"shared-dma-pool"});
  ASSERT_EQ(dt.memory.size(), 1u);
  EXPECT_EQ(dt.memory[0].size, 0x8000u);
  ASSERT_TRUE(dt.rproc.has_value());
  EXPECT_EQ(dt.rproc->compatible, "telechips,tcc807x-subcore-rproc");
  EXPECT_EQ(dt.rproc->memory_regions,
            (std::vector<std::string>{
                "/reserved-memory/rsc-table@200c6000", "/reserved-memory/vdev0vring0@200c8000",
                "/reserved-memory/vdev0vring1@200c9000", "/reserved-memory/vdev0buffer@200ca000"}));
  EXPECT_EQ(dt.rproc->rsc_offset, std::optional<std::uint64_t>(0x3b8));
  EXPECT_EQ(dt.rproc->rsc_size, std::optional<std::uint64_t>(0x1000));
  EXPECT_EQ(dt.rproc->mbox_path, "/mailbox@17470000");
  EXPECT_EQ(dt.rproc->mbox_channel, std::optional<std::uint32_t>(0));
  ASSERT_EQ(dt.mailboxes.size(), 1u);
  EXPECT_EQ(dt.mailboxes[0].base, 0x17470000u);
  EXPECT_EQ(dt.mailboxes[0].interrupts, (std::vector<std::uint32_t>{242, 243}));
}

TEST(DeviceTree, ReadsTheZephyrRegionsAndChosen) {
  const DeviceTree dt = load_device_tree(kFixtures + "zephyr.dts");
  EXPECT_TRUE(dt.is_zephyr());
  ASSERT_EQ(dt.reserved.size(), 3u);
  EXPECT_EQ(dt.reserved[1].zephyr_name, "VRING1");
  EXPECT_EQ(dt.reserved[1].base, 0x200c9000u);
  EXPECT_FALSE(dt.rproc.has_value());
  EXPECT_EQ(dt.chosen.at("zephyr,ipc_shm"), "/reserved-memory/memory@200ca000");
  EXPECT_EQ(dt.chosen.at("zephyr,ipc"), "/mailbox@17460000");
  ASSERT_NE(dt.region_at_path("/reserved-memory/memory@200ca000"), nullptr);
  EXPECT_EQ(dt.region_at_path("/reserved-memory/memory@200ca000")->zephyr_name, "VDEV0BUFFER");
}

TEST(DeviceTree, ABrokenVariantChangesOnlyWhatItSays) {
  const DeviceTree dt = load_device_tree(kFixtures + "broken/linux_region_not_listed.dts");
  ASSERT_TRUE(dt.rproc.has_value());
  EXPECT_EQ(dt.rproc->memory_regions.size(), 3u);
  EXPECT_EQ(dt.reserved.size(), 4u);
}

TEST(DeviceTree, ReadsACompiledBlobToo) {
  // The same tree through a .dtb: compile it with dtc by way of load_device_tree's own path.
  const DeviceTree from_source = load_device_tree(kFixtures + "linux.dts");
  const std::string dtb = ::testing::TempDir() + "linux.dtb";
  ASSERT_EQ(std::system(("dtc -q -I dts -O dtb -o " + dtb + " " + kFixtures + "linux.dts").c_str()),
            0);
  const DeviceTree from_blob = load_device_tree(dtb);
  EXPECT_EQ(from_blob.reserved.size(), from_source.reserved.size());
  EXPECT_EQ(from_blob.rproc->rsc_offset, from_source.rproc->rsc_offset);
}

TEST(DeviceTree, ZephyrRegionsAreFoundOutsideReservedMemoryToo) {
  const std::string file = ::testing::TempDir() + "soc.dts";
  std::ofstream(file) << "/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n"
                         "  soc { #address-cells = <2>; #size-cells = <2>; ranges;\n"
                         "    memory@200c9000 { reg = <0x0 0x200c9000 0x0 0x1000>;\n"
                         "      zephyr,memory-region = \"VRING1\"; }; }; };\n";
  const DeviceTree dt = load_device_tree(file);
  EXPECT_TRUE(dt.is_zephyr());
  ASSERT_EQ(dt.reserved.size(), 1u);
  EXPECT_EQ(dt.reserved[0].path, "/soc/memory@200c9000");
}

TEST(DeviceTree, UnreadableInputSaysWhy) {
  try {
    load_device_tree(kFixtures + "missing.dts");
    FAIL() << "no error";
  } catch (const ArtefactError& e) {
    EXPECT_NE(std::string(e.what()).find("no such file"), std::string::npos) << e.what();
  }
  const std::string bad = ::testing::TempDir() + "bad.dts";
  std::ofstream(bad) << "/dts-v1/;\n/ {\n  broken = <1\n};\n";
  try {
    load_device_tree(bad);
    FAIL() << "no error";
  } catch (const ArtefactError& e) {
    // dtc's own message, with the file and line.
    EXPECT_NE(std::string(e.what()).find("dtc cannot compile it"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("bad.dts:"), std::string::npos) << e.what();
  }
  const std::string junk = ::testing::TempDir() + "junk.dtb";
  std::ofstream(junk) << "not a device tree";
  EXPECT_THROW(load_device_tree(junk), ArtefactError);
}

TEST(DeviceTree, ACorruptStructureBlockIsRefusedNotWalked) {
  // A valid header over a broken structure block (found by fuzz.dtb: it crashed fdt_get_path).
  const std::string blob =
      std::string(IPCSIM_SOURCE_DIR) + "/tests/fixtures/fuzz/dtb/fdt_get_path_crash.dtb";
  try {
    load_device_tree(blob);
    FAIL() << "no error";
  } catch (const ArtefactError& e) {
    EXPECT_NE(std::string(e.what()).find("a corrupt device tree blob: "), std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace sim::artefacts
