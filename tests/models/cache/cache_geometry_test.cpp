// SPDX-License-Identifier: Apache-2.0
#include "models/cache/cache_geometry.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace sim::models {
namespace {

constexpr std::uint64_t k32KiB = 32 * 1024;
constexpr std::uint64_t kAddr = 0x200c63b8; // the Zephyr resource table's status neighbourhood

std::string error_of(std::uint64_t size, unsigned ways, unsigned line) {
  try {
    CacheGeometry g(size, ways, line, "platform.remote.dcache");
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(CacheGeometry, DerivesSetsAndBitFieldsOfTheA55L1D) {
  const CacheGeometry g(k32KiB, 4, 64);
  EXPECT_EQ(g.sets(), 128u);
  EXPECT_EQ(g.offset_bits(), 6u);
  EXPECT_EQ(g.index_bits(), 7u);
}

TEST(CacheGeometry, SplitsAnAddressIntoLineSetAndTag) {
  const CacheGeometry g(k32KiB, 4, 64);
  EXPECT_EQ(g.line_addr(kAddr), 0x200c6380u);
  EXPECT_EQ(g.offset_of(kAddr), 0x38u);
  EXPECT_EQ(g.set_of(kAddr), (kAddr >> 6) & 127u);
  EXPECT_EQ(g.tag_of(kAddr), kAddr >> 13);
  EXPECT_EQ(g.line_addr_of(g.tag_of(kAddr), g.set_of(kAddr)), g.line_addr(kAddr));
}

TEST(CacheGeometry, DirectMappedSingleSetIsValid) {
  const CacheGeometry g(64, 1, 64);
  EXPECT_EQ(g.sets(), 1u);
  EXPECT_EQ(g.index_bits(), 0u);
  EXPECT_EQ(g.set_of(kAddr), 0u);
}

TEST(CacheGeometry, RejectsSizeThatIsNotAPowerOfTwo) {
  EXPECT_EQ(error_of(48 * 1024, 4, 64),
            "platform.remote.dcache: dcache size 48 KiB is not a power of two");
}

TEST(CacheGeometry, RejectsWaysThatAreNotAPowerOfTwo) {
  EXPECT_EQ(error_of(k32KiB, 3, 64), "platform.remote.dcache: dcache ways 3 is not a power of two");
  EXPECT_NE(error_of(k32KiB, 0, 64).find("ways 0 is not a power of two"), std::string::npos);
}

TEST(CacheGeometry, RejectsLineThatIsNotAPowerOfTwo) {
  EXPECT_EQ(error_of(k32KiB, 4, 48),
            "platform.remote.dcache: dcache line 48 B is not a power of two");
}

TEST(CacheGeometry, RejectsLineLargerThanSizePerWay) {
  EXPECT_NE(error_of(256, 4, 128).find("line 128 B is larger than size/ways"), std::string::npos);
  EXPECT_NE(error_of(256, 512, 1).find("larger than size/ways"), std::string::npos);
}

TEST(CacheGeometry, CountsPartialFirstAndLastLinesOfARange) {
  const CacheGeometry g(k32KiB, 4, 64);
  EXPECT_EQ(g.lines_touched(0x3c, 8), 2u);
  EXPECT_EQ(g.lines_touched(0x40, 64), 1u);
  EXPECT_EQ(g.lines_touched(0x41, 64), 2u);
  EXPECT_EQ(g.lines_touched(0x40, 0), 0u);
}

TEST(CacheGeometry, ClipsRangesAtTheTopOfTheAddressSpace) {
  const CacheGeometry g(k32KiB, 4, 64);
  const std::uint64_t top_line = ~std::uint64_t{0} - 63;
  EXPECT_EQ(g.lines_touched(top_line, 1000), 1u);
}

} // namespace
} // namespace sim::models
