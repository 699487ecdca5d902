// SPDX-License-Identifier: Apache-2.0
// The exact bytes of Zephyr's resource table (rpmsg-protocol.md §1.5 byte map).
#include <gtest/gtest.h>

#include <vector>

#include "sw/shm/resource_table_check.h"
#include "sw/shm/resource_table_image.h"

namespace sim::sw::shm {
namespace {

constexpr std::uint32_t kVring0Da = 0x200c8000; // vdev0vring0 on the reference port
constexpr std::uint32_t kVring1Da = 0x200c9000; // vdev0vring1

ZephyrTableParams port_params() {
  ZephyrTableParams p;
  p.vring0_da = kVring0Da;
  p.vring1_da = kVring1Da;
  return p;
}

TEST(ResourceTableImage, ZephyrTableMatchesTheByteMap) {
  const std::vector<std::uint8_t> expected = {
      0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // ver 1, num 1
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // reserved[2]
      0x14, 0x00, 0x00, 0x00,                         // offset[0]
      0x03, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, // RSC_VDEV, VIRTIO_ID_RPMSG
      0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // notifyid 0, dfeatures 1
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // gfeatures, config_len
      0x00, 0x02, 0x00, 0x00,                         // status, num_of_vrings 2, reserved
      0x00, 0x80, 0x0c, 0x20, 0x10, 0x00, 0x00, 0x00, // vring0 da, align 16
      0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // num 8, notifyid 0
      0x00, 0x00, 0x00, 0x00,                         // reserved
      0x00, 0x90, 0x0c, 0x20, 0x10, 0x00, 0x00, 0x00, // vring1 da, align 16
      0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // num 8, notifyid 1
      0x00, 0x00, 0x00, 0x00,                         // reserved
  };
  ResourceTableImage image = ResourceTableImage::zephyr(port_params());
  EXPECT_EQ(image.size(), 88u);
  EXPECT_EQ(image.bytes(), expected);
}

TEST(ResourceTableImage, DefaultVringAddressesAreAddrAny) {
  std::vector<std::uint8_t> bytes = ResourceTableImage::zephyr({}).bytes();
  for (std::size_t off : {0x30u, 0x44u})
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(bytes[off + i], 0xFF) << off + i;
}

TEST(ResourceTableImage, RamConsoleAddsATraceEntryAfterTheVrings) {
  ZephyrTableParams p = port_params();
  p.trace = ZephyrTableParams::Trace{0x200c7000, 0x800, "Zephyr_log"};
  ResourceTableImage image = ResourceTableImage::zephyr(p);
  std::vector<std::uint8_t> b = image.bytes();
  ASSERT_EQ(b.size(), 140u);
  EXPECT_EQ(b[0x04], 2);           // num
  EXPECT_EQ(b[0x10], 0x18);        // offset[0]: vdev
  EXPECT_EQ(b[0x14], 0x5C);        // offset[1]: trace
  EXPECT_EQ(b[0x18], rsc::kVdev);  // vdev type word
  EXPECT_EQ(b[0x31], 2);           // num_of_vrings, after status at 0x30
  EXPECT_EQ(b[0x5C], rsc::kTrace); // trace type
  EXPECT_EQ(b[0x61], 0x70);        // da 0x200c7000
  EXPECT_EQ(b[0x65], 0x08);        // len 0x800
  EXPECT_EQ(b[0x6C], 'Z');         // name
  EXPECT_EQ(b[0x6C + 10], 0);      // NUL after "Zephyr_log"
  EXPECT_EQ(image.entry_offset(1), 0x5Cu);
}

TEST(ResourceTableImage, GeneralBuilderPacksEntriesInOrder) {
  ResourceTableImage image;
  image.add_carveout({0x1000, 0x2000, 0x3000, 0, std::string(40, 'x')});
  ResourceTableImage::Vdev vdev;
  vdev.vrings.push_back({});
  vdev.config = {0xAA, 0xBB};
  image.add_vdev(vdev);
  std::vector<std::uint8_t> b = image.bytes();
  EXPECT_EQ(image.entry_offset(0), 0x18u);
  EXPECT_EQ(image.entry_offset(1), 0x18u + 56);
  EXPECT_EQ(b.size(), 0x18u + 56 + 28 + 20 + 2);
  EXPECT_EQ(b[0x18 + rsc::kCarveoutName + 30], 'x');
  EXPECT_EQ(b[0x18 + rsc::kCarveoutName + 31], 0); // the name is cut to 31 + NUL
  EXPECT_EQ(b[image.entry_offset(1) + rsc::kVdevConfigLen], 2);
  EXPECT_EQ(b.back(), 0xBB);
  EXPECT_TRUE(validate_resource_table(b.data(), b.size()).ok);
}

} // namespace
} // namespace sim::sw::shm
