// SPDX-License-Identifier: Apache-2.0
// The GICv3 an ISS core programs: distributor and redistributor registers, the ICC_* CPU
// interface, over the cluster's interrupt controller core (the mailbox's SPIs) and its own PPIs.
#include "models/iss/gic_v3.h"

#include <gtest/gtest.h>

namespace sim::models::iss {
namespace {

constexpr SysReg kIar1{3, 0, 12, 12, 0}, kEoir1{3, 0, 12, 12, 1}, kPmr{3, 0, 4, 6, 0},
    kIgrpen1{3, 0, 12, 12, 7}, kRpr{3, 0, 12, 11, 3}, kHppir1{3, 0, 12, 12, 2},
    kCtlr{3, 0, 12, 12, 4}, kDir{3, 0, 12, 11, 1};
constexpr unsigned kMailboxSpi = 240, kMailboxIntid = 272;

struct Gic : ::testing::Test {
  IrqControllerCore spis{1};
  GicV3 gic{spis};
  std::uint64_t read(const SysReg& r) {
    std::uint64_t v = 0;
    EXPECT_TRUE(gic.sysreg(r, false, v));
    return v;
  }
  void write(const SysReg& r, std::uint64_t v) { EXPECT_TRUE(gic.sysreg(r, true, v)); }
  /// What firmware's GIC initialisation does (Zephyr's gicv3 driver, our bsp/bsp.c).
  void enable_all() {
    gic.distributor_write(0x0, 0x13);
    write(kPmr, 0xf0);
    write(kIgrpen1, 1);
    gic.distributor_write(0x100 + 4 * (kMailboxIntid / 32), 1u << (kMailboxIntid % 32));
  }
};

TEST_F(Gic, AMailboxSpiIsSignalledAcknowledgedAndEndedAsIntid32PlusItsLine) {
  enable_all();
  EXPECT_TRUE(spis.enabled(kMailboxSpi));
  EXPECT_FALSE(gic.irq_asserted());
  spis.set_level(kMailboxSpi, true);
  EXPECT_TRUE(gic.irq_asserted());
  EXPECT_EQ(read(kHppir1), kMailboxIntid);
  EXPECT_EQ(read(kIar1), kMailboxIntid);
  // Active: no longer signalled, and the running priority is the interrupt's (0xa0 by default).
  EXPECT_FALSE(gic.irq_asserted());
  EXPECT_EQ(read(kRpr), 0xa0u);
  EXPECT_EQ(read(kIar1), GicV3::kSpurious);
  write(kEoir1, kMailboxIntid);
  EXPECT_EQ(read(kRpr), 0xffu);
  // Level semantics: the device still asserts the line, so it is pending again.
  EXPECT_TRUE(gic.irq_asserted());
  spis.set_level(kMailboxSpi, false);
  EXPECT_FALSE(gic.irq_asserted());
}

TEST_F(Gic, NothingIsSignalledUntilTheDistributorTheGroupAndThePriorityMaskLetItThrough) {
  spis.set_level(kMailboxSpi, true);
  gic.distributor_write(0x100 + 4 * (kMailboxIntid / 32), 1u << (kMailboxIntid % 32));
  EXPECT_FALSE(gic.irq_asserted()); // GICD_CTLR, IGRPEN1 and PMR all still 0
  gic.distributor_write(0x0, 0x13);
  write(kIgrpen1, 1);
  EXPECT_FALSE(gic.irq_asserted()); // PMR 0 masks every priority
  write(kPmr, 0xa0);
  EXPECT_FALSE(gic.irq_asserted()); // priority 0xa0 is not higher than the mask 0xa0
  write(kPmr, 0xa8);
  EXPECT_TRUE(gic.irq_asserted());
  EXPECT_EQ(read(kIar1), kMailboxIntid);
}

TEST_F(Gic, PrioritiesComeFromIpriorityrAndAHigherOneIsTakenFirst) {
  enable_all();
  // The timer's PPI (redistributor SGI_base) at 0x80, the mailbox SPI at 0xa0.
  gic.redistributor_write(0x10000 + 0x400 + 24, 0x80u << 24); // INTID 27: byte 3 of word 6
  gic.redistributor_write(0x10000 + 0x100, 1u << 27);
  EXPECT_EQ(gic.redistributor_read(0x10000 + 0x100), 1u << 27);
  spis.set_level(kMailboxSpi, true);
  gic.set_ppi_level(27, true);
  EXPECT_EQ(read(kIar1), 27u);
  // While the 0x80 interrupt is active, the 0xa0 one cannot preempt it.
  EXPECT_FALSE(gic.irq_asserted());
  gic.set_ppi_level(27, false);
  write(kEoir1, 27);
  EXPECT_EQ(read(kIar1), kMailboxIntid);
  // A priority written into the distributor reaches the controller core.
  gic.distributor_write(0x400 + (kMailboxIntid & ~3u), 0x40u << (8 * (kMailboxIntid & 3u)));
  EXPECT_EQ(spis.priority(kMailboxSpi), 0x40u);
  EXPECT_EQ(gic.distributor_read(0x400 + (kMailboxIntid & ~3u)) >> (8 * (kMailboxIntid & 3u)) &
                0xffu,
            0x40u);
}

TEST_F(Gic, InEoiMode1TheEndOnlyDropsThePriorityAndDirDeactivates) {
  enable_all();
  write(kCtlr, 2);
  spis.set_level(kMailboxSpi, true);
  EXPECT_EQ(read(kIar1), kMailboxIntid);
  write(kEoir1, kMailboxIntid);
  EXPECT_EQ(read(kRpr), 0xffu);
  EXPECT_FALSE(gic.irq_asserted()); // still active
  write(kDir, kMailboxIntid);
  EXPECT_TRUE(gic.irq_asserted());
}

TEST_F(Gic, TheRedistributorWakesAndIdentifiesItselfAsTheLastOne) {
  EXPECT_EQ(gic.redistributor_read(0x14), 0x6u); // ProcessorSleep, ChildrenAsleep
  gic.redistributor_write(0x14, 0);
  EXPECT_EQ(gic.redistributor_read(0x14), 0u);
  EXPECT_NE(gic.redistributor_read(0x8) & (1u << 4), 0u); // TYPER.Last
  EXPECT_EQ(gic.redistributor_read(0xffe8), 0x3bu);       // PIDR2: GICv3
  EXPECT_EQ(gic.distributor_read(0xffe8), 0x3bu);
  std::uint64_t sre = 0;
  EXPECT_TRUE(gic.sysreg({3, 0, 12, 12, 5}, false, sre));
  EXPECT_EQ(sre & 1u, 1u);
  std::uint64_t other = 0;
  EXPECT_FALSE(gic.sysreg({3, 0, 1, 0, 0}, false, other)); // SCTLR_EL1 is not the GIC's
}

TEST_F(Gic, DisablingEveryLineDoesNotCreateLinesInTheController) {
  for (unsigned word = 1; word < 32; ++word) gic.distributor_write(0x180 + 4 * word, ~0u);
  for (unsigned word = 8; word < 256; ++word) gic.distributor_write(0x400 + 4 * word, 0xa0a0a0a0u);
  EXPECT_TRUE(spis.lines().empty());
}

} // namespace
} // namespace sim::models::iss
