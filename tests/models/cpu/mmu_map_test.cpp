// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/mmu_map.h"

#include <gtest/gtest.h>

namespace sim::models {
namespace {

constexpr std::uint64_t kVring0 = 0x200c8000;
constexpr std::uint64_t kVring1 = 0x200c9000;

MmuMap zephyr_like_map() {
  MmuMap m;
  m.add({"VRING0", kVring0, 0x1000, MemAttr::kNormalWb});
  m.add({"VRING1", kVring1, 0x1000, MemAttr::kNormalWb});
  m.add({"mbox", 0x17460000, 0x100, MemAttr::kDevice});
  return m;
}

TEST(MmuMap, FindsRegionHoldingTheWholeAccess) {
  MmuMap m = zephyr_like_map();
  const MmuRegion* r = m.lookup(kVring1 + 0xa2, 2);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->name, "VRING1");
  EXPECT_EQ(r->attr, MemAttr::kNormalWb);
  EXPECT_EQ(m.lookup(0x17460044, 4)->attr, MemAttr::kDevice);
}

TEST(MmuMap, AddressOutsideEveryRegionFaults) {
  MmuMap m = zephyr_like_map();
  EXPECT_EQ(m.lookup(0x200ca000, 4), nullptr);
}

TEST(MmuMap, AccessRunningPastRegionEndFaults) {
  MmuMap m;
  m.add({"VRING0", kVring0, 0x1000, MemAttr::kNormalWb});
  EXPECT_EQ(m.lookup(kVring0 + 0xffe, 4), nullptr);
  EXPECT_NE(m.lookup(kVring0 + 0xffc, 4), nullptr);
}

TEST(MmuMap, OverlappingRegionsAreRejectedWithBothNames) {
  MmuMap m;
  m.add({"image", 0x20000000, 0xc8000, MemAttr::kNormalWb});
  try {
    m.add({"VRING0", 0x200c7000, 0x2000, MemAttr::kNormalWb});
    FAIL();
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("VRING0"), std::string::npos);
    EXPECT_NE(msg.find("image"), std::string::npos);
  }
}

TEST(MmuMap, DescribeListsRegionsInAddressOrder) {
  MmuMap m = zephyr_like_map();
  std::string d = m.describe();
  EXPECT_LT(d.find("mbox"), d.find("VRING0"));
  EXPECT_NE(d.find("normal_wb"), std::string::npos);
}

} // namespace
} // namespace sim::models
