// SPDX-License-Identifier: Apache-2.0
// Symbol names for shared-memory bytes and address lookup.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sw/shm/resource_table_image.h"
#include "sw/shm/symbol_map.h"

namespace sim::sw::shm {
namespace {

constexpr hal::Addr kTable = 0x200c63b8;
constexpr hal::Addr kVring0 = 0x200c8000;
constexpr hal::Addr kVring1 = 0x200c9000;
constexpr hal::Addr kBuffers = 0x200ca000;

SymbolMap port_map() {
  SymbolMap map(resource_table_symbols(kTable, rsc::ZephyrTableLayout{1}));
  map.add(vring_symbols("vring0", kVring0, VringLayout{8, 16}));
  map.add(vring_symbols("vring1", kVring1, VringLayout{8, 16}));
  map.add(buffer_symbols(kBuffers, 16));
  return map;
}

TEST(SymbolMap, NamesResourceTableFields) {
  SymbolMap map = port_map();
  EXPECT_EQ(map.lookup(kTable), "rsc.ver");
  EXPECT_EQ(map.lookup(kTable + 0x10), "rsc.offset[0]");
  EXPECT_EQ(map.lookup(kTable + 0x14), "rsc.vdev.type");
  EXPECT_EQ(map.lookup(kTable + 0x2C), "rsc.vdev.status");
  EXPECT_EQ(map.lookup(kTable + 0x2D), "rsc.vdev.num_of_vrings");
  EXPECT_EQ(map.lookup(kTable + 0x30), "rsc.vdev.vring[0].da");
  EXPECT_EQ(map.lookup(kTable + 0x50), "rsc.vdev.vring[1].notifyid");
  EXPECT_EQ(map.lookup(kTable + 0x57), "rsc.vdev.vring[1].reserved+3");
  EXPECT_EQ(map.lookup(kTable + 0x58), "");
}

TEST(SymbolMap, NamesTraceEntryWithRamConsole) {
  SymbolMap map(resource_table_symbols(kTable, rsc::ZephyrTableLayout{2}));
  EXPECT_EQ(map.lookup(kTable + 0x30), "rsc.vdev.status");
  EXPECT_EQ(map.lookup(kTable + 0x5C), "rsc.trace.type");
  EXPECT_EQ(map.lookup(kTable + 0x60), "rsc.trace.da");
  EXPECT_EQ(map.lookup(kTable + 0x6C + 5), "rsc.trace.name+5");
}

TEST(SymbolMap, NamesVringFields) {
  SymbolMap map = port_map();
  EXPECT_EQ(map.lookup(0x200c90a2), "vring1.used.idx");
  EXPECT_EQ(map.lookup(kVring1 + 0x8A), "vring1.avail.ring[3]");
  EXPECT_EQ(map.lookup(kVring0 + 0x94), "vring0.avail.used_event");
  EXPECT_EQ(map.lookup(kVring0 + 0xA2), "vring0.used.idx");
  EXPECT_EQ(map.lookup(kVring0 + 0xB4), "vring0.used.ring[2].id");
  EXPECT_EQ(map.lookup(kVring0 + 0xB8), "vring0.used.ring[2].len");
  EXPECT_EQ(map.lookup(kVring0 + 0xE4), "vring0.used.avail_event");
  EXPECT_EQ(map.lookup(kVring0 + 0x50), "vring0.desc[5].addr");
  EXPECT_EQ(map.lookup(kVring0 + 0x54), "vring0.desc[5].addr+4");
  EXPECT_EQ(map.lookup(kVring0 + 0x5E), "vring0.desc[5].next");
  EXPECT_EQ(map.lookup(kVring0 + 0x96), ""); // padding before the aligned used ring
  EXPECT_EQ(map.describe(kVring0 + 0x96), "0x200c8096");
}

TEST(SymbolMap, NamesBufferHeadersAndPayloads) {
  SymbolMap map = port_map();
  hal::Addr buf5 = kBuffers + 5 * kRpmsgBufSize;
  EXPECT_EQ(map.lookup(buf5 + 12), "buf[5].hdr.len");
  EXPECT_EQ(map.lookup(buf5 + 16), "buf[5].payload");
  EXPECT_EQ(map.lookup(buf5 + 511), "buf[5].payload+495");
  EXPECT_EQ(map.lookup(kBuffers + 16 * kRpmsgBufSize), "");
}

TEST(SymbolMap, VringSymbolsCoverEveryFieldOnce) {
  std::vector<Symbol> s = vring_symbols("vring0", 0, VringLayout{8, 16});
  EXPECT_EQ(s.size(), 7u * 8 + 6);
  std::uint64_t bytes = 0;
  for (const Symbol& sym : s) bytes += sym.size;
  EXPECT_EQ(bytes, vring_size(8, 16) - (0xA0 - 0x96)); // everything but the padding
}

TEST(SymbolMap, RejectsOverlappingSymbols) {
  SymbolMap map(vring_symbols("vring0", kVring0, VringLayout{8, 16}));
  EXPECT_THROW(map.add(buffer_symbols(kVring0 + 0x80, 1)), std::invalid_argument);
}

TEST(SymbolMap, IndexesRepeatedEntryTypes) {
  ResourceTableImage image;
  image.add_carveout({});
  image.add_carveout({});
  image.add_trace({});
  SymbolMap map(resource_table_symbols(kTable, image.bytes()));
  EXPECT_EQ(map.lookup(kTable + image.entry_offset(1) + rsc::kCarveoutLen), "rsc.carveout[1].len");
  EXPECT_EQ(map.lookup(kTable + image.entry_offset(2)), "rsc.trace.type");
}

TEST(SymbolMap, NamesUnknownEntriesByTheirOffsetIndex) {
  ResourceTableImage image;
  image.add_trace({});
  image.add_trace({});
  std::vector<std::uint8_t> b = image.bytes();
  b[rsc::kHdrOffsets] = 0xF0;                   // offset[0] points outside the table
  b[image.entry_offset(1)] = rsc::kVendorStart; // entry 1 becomes a vendor entry
  SymbolMap map(resource_table_symbols(kTable, b));
  EXPECT_EQ(map.lookup(kTable + image.entry_offset(1)), "rsc.entry[1].type");
  EXPECT_EQ(map.lookup(kTable + image.entry_offset(0)), "");
}

} // namespace
} // namespace sim::sw::shm
