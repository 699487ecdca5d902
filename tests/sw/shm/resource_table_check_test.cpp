// SPDX-License-Identifier: Apache-2.0
// Linux's resource-table checks, with messages that name the address and the value found.
#include <gtest/gtest.h>

#include <vector>

#include "sw/shm/le_bytes.h"
#include "sw/shm/resource_table_check.h"
#include "sw/shm/resource_table_image.h"

namespace sim::sw::shm {
namespace {

constexpr hal::Addr kTable = 0x200c63b8;
constexpr std::uint32_t kVdev = 0x14;   // vdev entry of the N=1 Zephyr table
constexpr std::uint32_t kVring0 = 0x30; // its vring[0]

std::vector<std::uint8_t> zephyr_table() {
  return ResourceTableImage::zephyr({}).bytes();
}

RscCheckResult check(const std::vector<std::uint8_t>& b) {
  return validate_resource_table(b.data(), b.size(), kTable);
}

TEST(ValidateResourceTable, AcceptsZephyrTablesWithAndWithoutTrace) {
  EXPECT_TRUE(check(zephyr_table()).ok) << check(zephyr_table()).error;
  ZephyrTableParams p;
  p.trace = ZephyrTableParams::Trace{};
  std::vector<std::uint8_t> b = ResourceTableImage::zephyr(p).bytes();
  EXPECT_TRUE(check(b).ok) << check(b).error;
}

TEST(ValidateResourceTable, RejectsVersion2NamingAddressAndValue) {
  std::vector<std::uint8_t> b = zephyr_table();
  store_le32(&b[rsc::kHdrVer], 2);
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "resource table version 2 at 0x200c63b8, expected 1");
  EXPECT_EQ(r.offset, 0u);
}

TEST(ValidateResourceTable, RejectsTableSmallerThanItsHeader) {
  std::vector<std::uint8_t> b(8, 0);
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("smaller than its 16-byte header"), std::string::npos) << r.error;
}

TEST(ValidateResourceTable, RejectsNonZeroHeaderReserved) {
  std::vector<std::uint8_t> b = zephyr_table();
  store_le32(&b[rsc::kHdrReserved + 4], 5);
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "resource table reserved[1] 0x5 at 0x200c63c4, expected 0");
}

TEST(ValidateResourceTable, RejectsNumWhoseOffsetArrayOverrunsTheTable) {
  std::vector<std::uint8_t> b = zephyr_table();
  store_le32(&b[rsc::kHdrNum], 1000);
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.offset, rsc::kHdrNum);
  EXPECT_NE(r.error.find("num 1000 at 0x200c63bc"), std::string::npos) << r.error;
}

TEST(ValidateResourceTable, RejectsEntryOffsetOutOfBounds) {
  std::vector<std::uint8_t> b = zephyr_table();
  store_le32(&b[rsc::kHdrOffsets], 0x56); // type word would end at 0x5A > 0x58
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.offset, rsc::kHdrOffsets);
  EXPECT_NE(r.error.find("offset 0x56 at 0x200c63c8"), std::string::npos) << r.error;
}

TEST(ValidateResourceTable, RejectsNonZeroVdevReservedBytes) {
  std::vector<std::uint8_t> b = zephyr_table();
  b[kVdev + rsc::kVdevReserved + 1] = 0x01;
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "vdev entry 0 reserved[1] 0x1 at 0x200c63e7, expected 0");
}

TEST(ValidateResourceTable, RejectsVdevWithThreeVrings) {
  ResourceTableImage image;
  ResourceTableImage::Vdev vdev;
  vdev.vrings.assign(3, ResourceTableImage::Vring{});
  image.add_vdev(vdev);
  RscCheckResult r = check(image.bytes());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "vdev entry 0 num_of_vrings 3 at 0x200c63e5, at most 2 supported");
}

TEST(ValidateResourceTable, RejectsVdevWhoseVringsOverrunTheTable) {
  std::vector<std::uint8_t> b = zephyr_table();
  b[kVdev + rsc::kVdevNumOfVrings] = 3; // Linux checks the extent before the count
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("truncated"), std::string::npos) << r.error;
}

TEST(ValidateResourceTable, RejectsConfigLenBeyondTheTable) {
  std::vector<std::uint8_t> b = zephyr_table();
  store_le32(&b[kVdev + rsc::kVdevConfigLen], 1);
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("config_len 1 needs 69 bytes, 68 left"), std::string::npos) << r.error;
}

TEST(ValidateResourceTable, RejectsVringNumZeroAndAlignZero) {
  std::vector<std::uint8_t> b = zephyr_table();
  store_le32(&b[kVring0 + rsc::kVringSize + rsc::kVringNum], 0);
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "vdev entry 0 vring[1] num 0 at 0x200c6404, must be non-zero");

  b = zephyr_table();
  store_le32(&b[kVring0 + rsc::kVringAlign], 0);
  r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "vdev entry 0 vring[0] align 0 at 0x200c63ec, must be non-zero");
}

TEST(ValidateResourceTable, SkipsUnknownTypesWithAWarningLikeLinux) {
  std::vector<std::uint8_t> b = zephyr_table();
  store_le32(&b[kVdev], rsc::kLast);
  RscCheckResult r = check(b);
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("unsupported resource 6"), std::string::npos) << r.warnings[0];
  EXPECT_NE(r.warnings[0].find("0x200c63cc"), std::string::npos) << r.warnings[0];

  store_le32(&b[kVdev], rsc::kVendorStart);
  EXPECT_TRUE(check(b).ok);
  EXPECT_TRUE(check(b).warnings.empty());
  store_le32(&b[kVdev], rsc::kVendorEnd + 1);
  EXPECT_EQ(check(b).warnings.size(), 1u);
}

TEST(ValidateResourceTable, RejectsTruncatedCarveout) {
  ResourceTableImage image;
  image.add_carveout({});
  std::vector<std::uint8_t> b = image.bytes();
  b.resize(b.size() - 1);
  RscCheckResult r = check(b);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("needs 56 bytes, 55 left"), std::string::npos) << r.error;
}

} // namespace
} // namespace sim::sw::shm
