// SPDX-License-Identifier: Apache-2.0
// The AArch64 engine on unicorn: exact instruction budgets, RAM and device regions, DC operations
// by VA, CTR_EL0 with the board's line, WFI, IRQ entry and ERET, exceptions it cannot vector.
// The programs are a few instructions each, given as their encodings (aarch64-linux-gnu-as) with
// the assembly beside them.
#include "models/iss/aarch64_engine.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

namespace sim::models::iss {
namespace {

constexpr std::uint64_t kRam = 0x40000000;
constexpr std::uint64_t kDevice = 0x20000000;

struct Core {
  std::vector<std::uint8_t> ram = std::vector<std::uint8_t>(64 * 1024, 0);
  Aarch64Engine engine;

  explicit Core(unsigned line = 64) : engine(EngineConfig{line}) {
    engine.map_ram(kRam, ram.data(), ram.size());
  }
  void load(std::uint64_t at, const std::vector<std::uint32_t>& words) {
    std::memcpy(ram.data() + (at - kRam), words.data(), words.size() * 4);
  }
  std::uint64_t ram64(std::uint64_t at) const {
    std::uint64_t v = 0;
    std::memcpy(&v, ram.data() + (at - kRam), 8);
    return v;
  }
};

TEST(Aarch64Engine, RunsExactlyTheInstructionsItIsGivenAndResumes) {
  Core c;
  c.load(kRam, {
                   0xd2800000, // mov x0, #0
                   0x91000400, // 1: add x0, x0, #1
                   0x17ffffff, // b 1b
               });
  c.engine.set_pc(kRam);
  RunResult r = c.engine.run(1000); // mov, then 999 of add/b: 500 adds
  EXPECT_EQ(r.reason, StopReason::kBudget);
  EXPECT_EQ(c.engine.x(0), 500u);
  EXPECT_EQ(r.pc, kRam + 8);
  r = c.engine.run(10);
  EXPECT_EQ(c.engine.x(0), 505u);
}

TEST(Aarch64Engine, DevicesDcOperationsCtrAndWfi) {
  Core c(32);
  std::vector<std::uint64_t> reads;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> writes;
  c.engine.map_mmio(kDevice, 4096,
                    {[&](std::uint64_t offset, unsigned) {
                       reads.push_back(offset);
                       return std::uint32_t{0x1234};
                     },
                     [&](std::uint64_t offset, unsigned, std::uint32_t value) {
                       writes.emplace_back(offset, value);
                     }});
  std::vector<DcOp> ops;
  c.engine.on_dc([&](const DcOp& op) { ops.push_back(op); });
  c.load(kRam, {
                   0xd2a40001, // mov x1, #0x20000000
                   0x52800822, // mov w2, #0x41
                   0xb9000022, // str w2, [x1]
                   0xb9400423, // ldr w3, [x1, #4]
                   0xd2a80004, // mov x4, #0x40000000
                   0xf2820804, // movk x4, #0x1040
                   0xf9000083, // str x3, [x4]
                   0xd50b7e24, // dc civac, x4
                   0xd5087624, // dc ivac, x4
                   0xd50b7a24, // dc cvac, x4
                   0xd50b7424, // dc zva, x4
                   0xd53b0025, // mrs x5, ctr_el0
                   0xd503207f, // wfi
                   0x14000000, // b .
               });
  c.engine.set_pc(kRam);
  const RunResult r = c.engine.run(1000);
  EXPECT_EQ(r.reason, StopReason::kWfi);
  EXPECT_EQ(r.pc, kRam + 13 * 4); // after the WFI
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0], (std::pair<std::uint64_t, std::uint32_t>{0, 0x41}));
  EXPECT_EQ(reads, std::vector<std::uint64_t>{4});
  EXPECT_EQ(c.ram64(kRam + 0x1040), 0x1234u); // plain RAM, written directly
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[0].kind, DcOp::Kind::kCleanInvalidate);
  EXPECT_EQ(ops[1].kind, DcOp::Kind::kInvalidate);
  EXPECT_EQ(ops[2].kind, DcOp::Kind::kClean);
  EXPECT_EQ(ops[3].kind, DcOp::Kind::kZero);
  for (const DcOp& op : ops) EXPECT_EQ(op.va, kRam + 0x1040);
  EXPECT_EQ(ops[0].pc, kRam + 7 * 4);
  // ZVA is left to the handler (the modelled memory): unicorn did not zero the block.
  EXPECT_EQ(c.ram64(kRam + 0x1040), 0x1234u);
  // CTR_EL0: DminLine and IminLine are log2(words) of the configured 32-byte line.
  EXPECT_EQ((c.engine.x(5) >> 16) & 0xf, 3u);
  EXPECT_EQ(c.engine.x(5) & 0xf, 3u);
  EXPECT_EQ(c.engine.x(5), c.engine.ctr_el0());
}

TEST(Aarch64Engine, AnIrqIsTakenAtVbarPlus0x280OnlyWhenUnmaskedAndEretReturns) {
  Core c;
  c.load(kRam, {
                   0xd2a80000, // mov x0, #0x40000000
                   0xf2810000, // movk x0, #0x800
                   0xd518c000, // msr vbar_el1, x0
                   0xd5033fdf, // isb
                   0xd50342ff, // msr daifclr, #2
                   0xd2800000, // mov x0, #0
                   0x91000400, // 1: add x0, x0, #1
                   0x17ffffff, // b 1b
               });
  c.load(kRam + 0x800 + 0x280, {
                                   0xd28000e9, // mov x9, #7
                                   0xd69f03e0, // eret
                               });
  c.engine.set_pc(kRam);
  // Out of reset every interrupt is masked.
  EXPECT_FALSE(c.engine.raise_irq());
  EXPECT_EQ(c.engine.pc(), kRam);
  c.engine.run(100);
  EXPECT_EQ(c.engine.vbar(), kRam + 0x800);
  const std::uint64_t interrupted = c.engine.pc();
  const std::uint64_t pstate = c.engine.pstate();
  ASSERT_TRUE(c.engine.raise_irq());
  EXPECT_EQ(c.engine.pc(), kRam + 0x800 + 0x280);
  EXPECT_EQ(c.engine.elr(), interrupted);
  EXPECT_EQ(c.engine.spsr(), pstate);
  EXPECT_NE(c.engine.pstate() & (1u << 7), 0u); // I masked in the handler
  EXPECT_FALSE(c.engine.raise_irq());           // so a second one waits
  const std::uint64_t before = c.engine.x(0);
  c.engine.run(2); // the handler: mov, eret
  EXPECT_EQ(c.engine.x(9), 7u);
  EXPECT_EQ(c.engine.pc(), interrupted);
  EXPECT_EQ(c.engine.pstate(), pstate);
  c.engine.run(10);
  EXPECT_EQ(c.engine.x(0), before + 5);
}

TEST(Aarch64Engine, ExceptionsItCannotVectorStopTheRunWithTheirKind) {
  Core c;
  c.load(kRam, {
                   0xd503201f, // nop
                   0x00000000, // udf #0
               });
  c.load(kRam + 0x100, {
                           0xd503201f, // nop
                           0xd4000021, // svc #1
                       });
  c.engine.set_pc(kRam);
  RunResult r = c.engine.run(100);
  ASSERT_EQ(r.reason, StopReason::kException);
  ASSERT_TRUE(r.exception.has_value());
  EXPECT_EQ(r.exception->kind, Exception::Kind::kUndefined);
  EXPECT_EQ(r.exception->pc, kRam + 4);
  c.engine.set_pc(kRam + 0x100);
  r = c.engine.run(100);
  ASSERT_EQ(r.reason, StopReason::kException);
  EXPECT_EQ(r.exception->kind, Exception::Kind::kSvc);
  EXPECT_EQ(r.exception->pc, kRam + 0x108); // SVC reports the preferred return address
}

TEST(Aarch64Engine, AnAccessOutsideEveryRegionIsAnErrorAtItsInstructionNotACrash) {
  Core c;
  c.engine.set_pc(0x10000000);
  RunResult r = c.engine.run(10);
  EXPECT_EQ(r.reason, StopReason::kError);
  EXPECT_NE(r.error.find("FETCH_UNMAPPED"), std::string::npos) << r.error;
  EXPECT_EQ(r.pc, 0x10000000u);
  c.load(kRam, {
                   0xd2a20001, // mov x1, #0x10000000
                   0xf9400020, // ldr x0, [x1]
               });
  c.engine.set_pc(kRam);
  r = c.engine.run(10);
  EXPECT_EQ(r.reason, StopReason::kError);
  EXPECT_NE(r.error.find("READ_UNMAPPED"), std::string::npos) << r.error;
  EXPECT_EQ(r.pc, kRam + 4); // the load
}

TEST(Aarch64Engine, TheFirmwaresTablesTranslateInUnicornAsThePageWalkSays) {
  // 128 KiB of RAM identity-mapped by 4 KiB pages, except VA 0x40010000, which aliases PA
  // 0x40004000 (the VA lies in mapped RAM too: unicorn 2.0.1 needs that). The program enables
  // the MMU with the firmware's registers, then loads through the alias.
  std::vector<std::uint8_t> ram(128 * 1024, 0);
  Aarch64Engine engine;
  engine.map_ram(kRam, ram.data(), ram.size());
  const std::vector<std::uint32_t> program = {
      0xd518a20a, // msr mair_el1, x10
      0xd518204b, // msr tcr_el1, x11
      0xd518200c, // msr ttbr0_el1, x12
      0xd5033fdf, // isb
      0xd518100d, // msr sctlr_el1, x13
      0xd5033fdf, // isb
      0xf9400020, // ldr x0, [x1]
      0x14000000, // b .
  };
  std::memcpy(ram.data(), program.data(), program.size() * 4);
  const std::uint64_t l1 = kRam + 0x8000, l2 = kRam + 0x9000, l3 = kRam + 0xa000;
  const auto put = [&](std::uint64_t at, std::uint64_t v) {
    std::memcpy(ram.data() + (at - kRam), &v, 8);
  };
  put(l1 + 1 * 8, l2 | 3);               // VA 1..2 GiB: a level 2 table
  put(l2 + 0 * 8, l3 | 3);               // VA 0x40000000..+2 MiB: a level 3 table
  for (std::uint64_t i = 0; i < 32; ++i) // identity pages, Normal write-back (index 1)
    put(l3 + i * 8, (kRam + i * 4096) | 3 | (1u << 10) | (1u << 2) | (3u << 8));
  put(l3 + 16 * 8, (kRam + 0x4000) | 3 | (1u << 10) | (1u << 2) | (3u << 8)); // the alias
  put(kRam + 0x4000, 0x1111222233334444ull);
  put(kRam + 0x10000, 0xdeadbeefdeadbeefull);
  engine.set_x(10, 0xff00);           // MAIR: 0 Device-nGnRnE, 1 Normal write-back
  engine.set_x(11, 0x803520);         // TCR: T0SZ 32, WB walks, inner shareable, EPD1
  engine.set_x(12, l1);               // TTBR0
  engine.set_x(13, 0x30d0199d | 0x5); // SCTLR: RES1 bits, M, C, (I)
  engine.set_x(1, kRam + 0x10000);
  engine.set_pc(kRam);
  const RunResult r = engine.run(7);
  ASSERT_EQ(r.reason, StopReason::kBudget) << r.error;
  EXPECT_EQ(engine.x(0), 0x1111222233334444u); // unicorn translated the alias
  const TranslationRegs regs = engine.translation_regs();
  EXPECT_EQ(regs.ttbr0, l1);
  EXPECT_EQ(regs.mair, 0xff00u);
  EXPECT_NE(regs.sctlr & 1, 0u);
  const WalkResult w = walk(regs, kRam + 0x10008, false, [&](std::uint64_t pa) {
    std::uint64_t v = 0;
    if (pa < kRam || pa + 8 > kRam + ram.size()) return std::optional<std::uint64_t>{};
    std::memcpy(&v, ram.data() + (pa - kRam), 8);
    return std::optional<std::uint64_t>{v};
  });
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.translation->pa, kRam + 0x4008); // the walk agrees with unicorn
  EXPECT_EQ(w.translation->type, MemType::kNormalWriteBack);
}

TEST(Aarch64Engine, RefusesMisalignedRegionsAndBadLineSizes) {
  Core c;
  std::vector<std::uint8_t> buf(8192);
  EXPECT_THROW(c.engine.map_ram(0x50000010, buf.data(), 4096), std::invalid_argument);
  EXPECT_THROW(c.engine.map_ram(0x50000000, buf.data(), 100), std::invalid_argument);
  EXPECT_THROW(c.engine.map_mmio(0x21000000, 10, {}), std::invalid_argument);
  EXPECT_THROW(c.engine.map_ram(kRam, buf.data(), 4096), std::invalid_argument); // overlaps
  EXPECT_THROW(Aarch64Engine(EngineConfig{48}), std::invalid_argument);
  EXPECT_THROW(c.engine.x(31), std::out_of_range);
}

} // namespace
} // namespace sim::models::iss
