// SPDX-License-Identifier: Apache-2.0
#include "models/interconnect/address_map.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sim::models {
namespace {

constexpr std::uint64_t kUartBase = 0x16600000;
constexpr std::uint64_t kMailboxBase = 0x17460000;
constexpr std::uint64_t kDdrBase = 0x20000000;
constexpr std::uint64_t kDdrSize = 0x80000000;

AddressMap board_map() {
  AddressMap map;
  // Declared out of order on purpose: decode must not depend on declaration order.
  map.add("ddr", kDdrBase, kDdrSize, 0);
  map.add("uart", kUartBase, 0x1000, 2);
  map.add("mailbox", kMailboxBase, 0x10000, 1);
  return map;
}

TEST(AddressMap, DecodesEveryRegionAtBothEnds) {
  AddressMap map = board_map();
  for (const AddressRegion& r : map.regions()) {
    ASSERT_EQ(map.decode(r.base), map.find(r.name)) << r.name;
    ASSERT_EQ(map.decode(r.last()), map.find(r.name)) << r.name;
  }
  EXPECT_EQ(map.decode(kDdrBase + 0x1234)->port, 0u);
  EXPECT_EQ(map.decode(kMailboxBase + 0x40)->name, "mailbox");
}

TEST(AddressMap, UnmappedAddressesDecodeToNothing) {
  AddressMap map = board_map();
  EXPECT_EQ(map.decode(0), nullptr);
  EXPECT_EQ(map.decode(kUartBase - 1), nullptr);
  EXPECT_EQ(map.decode(kUartBase + 0x1000), nullptr);
  EXPECT_EQ(map.decode(kDdrBase + kDdrSize), nullptr);
  EXPECT_EQ(map.decode(~0ull), nullptr);
}

TEST(AddressMap, LastHitCacheDoesNotReturnStaleRegion) {
  AddressMap map = board_map();
  EXPECT_EQ(map.decode(kDdrBase)->name, "ddr");
  EXPECT_EQ(map.decode(kUartBase)->name, "uart");
  EXPECT_EQ(map.decode(kDdrBase - 1), nullptr);
  EXPECT_EQ(map.decode(kDdrBase + 8)->name, "ddr");
}

TEST(AddressMap, RegionsAreSortedByBaseAndKeepDeclarationIds) {
  AddressMap map = board_map();
  ASSERT_EQ(map.regions().size(), 3u);
  EXPECT_EQ(map.regions()[0].name, "uart");
  EXPECT_EQ(map.regions()[2].name, "ddr");
  EXPECT_EQ(map.find("ddr")->id, 0u);
  EXPECT_EQ(map.find("uart")->id, 1u);
  EXPECT_EQ(map.find("nothing"), nullptr);
}

TEST(AddressMap, OverlapIsRejectedNamingBothRegions) {
  AddressMap map = board_map();
  try {
    map.add("carveout", kDdrBase + kDdrSize - 0x1000, 0x2000, 3);
    FAIL() << "overlap accepted";
  } catch (const std::invalid_argument& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("carveout"), std::string::npos) << msg;
    EXPECT_NE(msg.find("ddr"), std::string::npos) << msg;
  }
  EXPECT_THROW(map.add("inside", kUartBase + 4, 4, 3), std::invalid_argument);
  EXPECT_THROW(map.add("around", kUartBase - 4, 0x2000, 3), std::invalid_argument);
  EXPECT_NO_THROW(map.add("adjacent", kUartBase + 0x1000, 0x1000, 3));
}

TEST(AddressMap, RejectsZeroSizeWrapAndDuplicateName) {
  AddressMap map;
  EXPECT_THROW(map.add("empty", 0x1000, 0, 0), std::invalid_argument);
  EXPECT_THROW(map.add("wrap", ~0ull - 0xff, 0x200, 0), std::invalid_argument);
  EXPECT_NO_THROW(map.add("top", ~0ull - 0xff, 0x100, 0));
  EXPECT_EQ(map.decode(~0ull)->name, "top");
  EXPECT_THROW(map.add("top", 0, 0x10, 0), std::invalid_argument);
}

TEST(AddressMap, StraddlingRangeIsNotContained) {
  AddressMap map = board_map();
  const AddressRegion* uart = map.find("uart");
  EXPECT_TRUE(uart->contains(kUartBase + 0xffc, 4));
  EXPECT_FALSE(uart->contains(kUartBase + 0xffe, 4));
  EXPECT_FALSE(uart->contains(kUartBase, 0));
}

TEST(AddressMap, GapIsTheUnmappedRangeAroundAnAddress) {
  AddressMap map = board_map();
  std::uint64_t first = 0, last = 0;
  map.gap(0x18000000, first, last);
  EXPECT_EQ(first, kMailboxBase + 0x10000);
  EXPECT_EQ(last, kDdrBase - 1);
  map.gap(0x100, first, last);
  EXPECT_EQ(first, 0u);
  EXPECT_EQ(last, kUartBase - 1);
  map.gap(~0ull, first, last);
  EXPECT_EQ(first, kDdrBase + kDdrSize);
  EXPECT_EQ(last, ~0ull);
}

TEST(AddressMap, DescribeListsRegionsInAddressOrder) {
  AddressMap map = board_map();
  const std::string text = map.describe();
  EXPECT_NE(text.find("0x20000000..0x9fffffff  2 GiB  ddr -> port 0"), std::string::npos) << text;
  EXPECT_LT(text.find("uart"), text.find("mailbox"));
}

} // namespace
} // namespace sim::models
