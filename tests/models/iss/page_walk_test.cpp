// SPDX-License-Identifier: Apache-2.0
// The stage-1 walk over hand-built tables: where a VA goes, with which memory type, and the
// faults (with the status code an ESR would carry) when it goes nowhere.
#include "models/iss/page_walk.h"

#include <gtest/gtest.h>

#include <map>

namespace sim::models::iss {
namespace {

// Descriptor bits (4 KiB granule).
constexpr std::uint64_t kValid = 1, kTable = 3, kBlock = 1, kPage = 3;
constexpr std::uint64_t kAf = 1u << 10, kReadOnly = 1u << 7;
constexpr std::uint64_t attr(unsigned index) {
  return std::uint64_t{index} << 2;
}

// MAIR: 0 Device-nGnRnE, 1 Normal write-back, 2 Normal non-cacheable, 3 Normal write-through.
constexpr std::uint64_t kMair = 0x00ull | (0xffull << 8) | (0x44ull << 16) | (0xbbull << 24);
constexpr std::uint64_t kSctlrMc = 0x5; // M and C
constexpr std::uint64_t kTcr32 = 32;    // T0SZ 32: 4 GiB of VA, the walk starts at level 1

struct Tables {
  std::map<std::uint64_t, std::uint64_t> memory;
  TranslationRegs regs{kSctlrMc, kTcr32, kMair, 0x1000};

  // Level 1 at 0x1000: [0] 1 GiB device block at 0; [1] table at 0x2000; [2] invalid.
  // Level 2 at 0x2000: [0] 2 MiB write-back block at 0x40000000; [1] table at 0x3000;
  //   [2] 2 MiB block at VA 0x40400000 aliasing PA 0x50000000, write-through.
  // Level 3 at 0x3000: [0] non-cacheable page at 0x40200000; [1] invalid; [2] read-only
  //   write-back page; [3] a page without the access flag; [4] the reserved encoding.
  Tables() {
    memory[0x1000 + 0 * 8] = 0x00000000 | kBlock | kAf | attr(0);
    memory[0x1000 + 1 * 8] = 0x2000 | kTable;
    memory[0x2000 + 0 * 8] = 0x40000000 | kBlock | kAf | attr(1);
    memory[0x2000 + 1 * 8] = 0x3000 | kTable;
    memory[0x2000 + 2 * 8] = 0x50000000 | kBlock | kAf | attr(3);
    memory[0x3000 + 0 * 8] = 0x40200000 | kPage | kAf | attr(2);
    memory[0x3000 + 2 * 8] = 0x40202000 | kPage | kAf | kReadOnly | attr(1);
    memory[0x3000 + 3 * 8] = 0x40203000 | kPage | attr(1);
    memory[0x3000 + 4 * 8] = 0x40204000 | kValid | kAf | attr(1);
  }
  WalkResult at(std::uint64_t va, bool write = false) const {
    return walk(regs, va, write, [this](std::uint64_t pa) -> std::optional<std::uint64_t> {
      auto it = memory.find(pa);
      if (it != memory.end()) return it->second;
      if (pa < 0x4000) return 0; // the rest of the tables: invalid descriptors
      return std::nullopt;       // nothing answers there
    });
  }
};

void expect_fault(const WalkResult& r, WalkFault::Kind kind, int level, std::uint32_t code) {
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.fault.has_value());
  EXPECT_EQ(r.fault->kind, kind);
  EXPECT_EQ(r.fault->level, level);
  EXPECT_EQ(r.fault->status_code(), code);
}

TEST(PageWalk, BlocksAndPagesGiveTheirAddressTypeAndRegion) {
  const Tables t;
  WalkResult r = t.at(0x40001234);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.translation->pa, 0x40001234u);
  EXPECT_EQ(r.translation->type, MemType::kNormalWriteBack);
  EXPECT_EQ(r.translation->region_va, 0x40000000u);
  EXPECT_EQ(r.translation->region_size, 2u << 20);

  r = t.at(0x40200010);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.translation->type, MemType::kNormalNonCacheable);
  EXPECT_EQ(r.translation->region_size, 4096u);

  r = t.at(0x17460000); // the mailbox, in the 1 GiB device block
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.translation->pa, 0x17460000u);
  EXPECT_EQ(r.translation->type, MemType::kDevice);
  EXPECT_EQ(r.translation->region_size, 1u << 30);

  r = t.at(0x40400040); // an alias: the VA is not the PA
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.translation->pa, 0x50000040u);
  EXPECT_EQ(r.translation->type, MemType::kNormalWriteThrough);
}

TEST(PageWalk, UnmappedAddressesAreTranslationFaultsAtTheirLevel) {
  const Tables t;
  expect_fault(t.at(0x40201000), WalkFault::Kind::kTranslation, 3, 0x07);
  expect_fault(t.at(0x80000000), WalkFault::Kind::kTranslation, 1, 0x05);
  expect_fault(t.at(0x40600000), WalkFault::Kind::kTranslation, 2, 0x06);
  expect_fault(t.at(0x40204000), WalkFault::Kind::kTranslation, 3, 0x07); // reserved encoding
  // Beyond T0SZ's 4 GiB: outside TTBR0's range.
  expect_fault(t.at(0x100000000ull), WalkFault::Kind::kTranslation, 0, 0x04);
}

TEST(PageWalk, AccessFlagAndReadOnlyPages) {
  const Tables t;
  expect_fault(t.at(0x40203000), WalkFault::Kind::kAccessFlag, 3, 0x0b);
  WalkResult r = t.at(0x40202008);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.translation->writable);
  expect_fault(t.at(0x40202008, true), WalkFault::Kind::kPermission, 3, 0x0f);
}

TEST(PageWalk, MmuOffIsFlatDeviceAndCacheOffMakesNormalNonCacheable) {
  Tables t;
  t.regs.sctlr = 0;
  WalkResult r = t.at(0x40001234);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.translation->pa, 0x40001234u);
  EXPECT_EQ(r.translation->type, MemType::kDevice);
  t.regs.sctlr = 0x1; // M without C
  r = t.at(0x40001234);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.translation->type, MemType::kNormalNonCacheable);
  EXPECT_EQ(t.at(0x17460000).translation->type, MemType::kDevice);
}

TEST(PageWalk, StartLevelFollowsT0szAndALevel0BlockFaults) {
  Tables t;
  t.regs.tcr = 16; // 48-bit VA: the walk starts at level 0
  t.regs.ttbr0 = 0x8000;
  t.memory[0x8000] = 0x1000 | kTable; // level 0 [0] -> the level 1 table above
  WalkResult r = t.at(0x40001234);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.translation->type, MemType::kNormalWriteBack);
  t.memory[0x8000] = 0x0 | kBlock | kAf; // a block at level 0 does not exist with 4 KiB
  expect_fault(t.at(0x40001234), WalkFault::Kind::kTranslation, 0, 0x04);
}

TEST(PageWalk, OtherGranulesAreRefusedAndAMissingTableIsAnExternalAbort) {
  Tables t;
  t.regs.tcr = kTcr32 | (1u << 14); // TG0 = 64 KiB
  WalkResult r = t.at(0x40001234);
  ASSERT_TRUE(r.fault.has_value());
  EXPECT_EQ(r.fault->kind, WalkFault::Kind::kUnsupported);
  t.regs.tcr = kTcr32;
  t.memory[0x2000 + 1 * 8] = 0x90000000 | kTable; // a level 3 table where nothing answers
  expect_fault(t.at(0x40200010), WalkFault::Kind::kExternal, 3, 0x17);
}

TEST(PageWalk, MairEncodingsAsTheArchitectureDefinesThem) {
  Tables t;
  const auto type_with = [&](std::uint8_t a) {
    t.regs.mair = a; // attribute index 0 everywhere below
    t.memory[0x1000] = 0x00000000 | kBlock | kAf | attr(0);
    return t.at(0x1000).translation->type;
  };
  EXPECT_EQ(type_with(0x00), MemType::kDevice); // nGnRnE
  EXPECT_EQ(type_with(0x04), MemType::kDevice); // nGnRE
  EXPECT_EQ(type_with(0x44), MemType::kNormalNonCacheable);
  EXPECT_EQ(type_with(0xff), MemType::kNormalWriteBack);
  EXPECT_EQ(type_with(0x77), MemType::kNormalWriteBack); // transient
  EXPECT_EQ(type_with(0xbb), MemType::kNormalWriteThrough);
  EXPECT_EQ(type_with(0x40), MemType::kNormalNonCacheable); // inner 0b0000: UNPREDICTABLE
  EXPECT_STREQ(mem_type_name(MemType::kNormalWriteBack), "normal_wb");
}

} // namespace
} // namespace sim::models::iss
