// SPDX-License-Identifier: Apache-2.0
// The address a faulting load or store accessed, from its encoding (what FAR_EL1 would hold).
#include "models/iss/fault_address.h"

#include <gtest/gtest.h>

namespace sim::models::iss {
namespace {

/// X1 = 0x1000, X2 = 0x10, SP = 0x8000; others 0.
std::uint64_t regs(unsigned n) {
  return n == 1 ? 0x1000 : n == 2 ? 0x10 : n == 31 ? 0x8000 : 0;
}

DataAccess decode(std::uint32_t insn) {
  const auto a = decode_data_access(insn, regs);
  EXPECT_TRUE(a.has_value()) << std::hex << insn;
  return a.value_or(DataAccess{});
}

TEST(FaultAddress, RegisterFormsGiveBasePlusTheirScaledOffset) {
  EXPECT_EQ(decode(0xb9400420).address, 0x1004u); // ldr w0, [x1, #4]
  EXPECT_FALSE(decode(0xb9400420).write);
  EXPECT_EQ(decode(0xf9000820).address, 0x1010u); // str x0, [x1, #16]
  EXPECT_TRUE(decode(0xf9000820).write);
  EXPECT_EQ(decode(0x39400420).address, 0x1001u); // ldrb w0, [x1, #1]
  EXPECT_EQ(decode(0xb85fc020).address, 0xffcu);  // ldur w0, [x1, #-4]
  EXPECT_EQ(decode(0xf8408420).address, 0x1000u); // ldr x0, [x1], #8 (post-index: the base)
  EXPECT_EQ(decode(0xf8408c20).address, 0x1008u); // ldr x0, [x1, #8]! (pre-index)
  EXPECT_EQ(decode(0xf8627820).address, 0x1080u); // ldr x0, [x1, x2, lsl #3]
  EXPECT_EQ(decode(0xb98003e0).address, 0x8000u); // ldrsw x0, [sp]
  EXPECT_FALSE(decode(0xb98003e0).write);
  EXPECT_EQ(decode(0x3dc00420).address, 0x1010u); // ldr q0, [x1, #16]
}

TEST(FaultAddress, PairsAndExclusivesAreDecodedToo) {
  EXPECT_EQ(decode(0xa9bf7bfd).address, 0x7ff0u); // stp x29, x30, [sp, #-16]!
  EXPECT_TRUE(decode(0xa9bf7bfd).write);
  EXPECT_EQ(decode(0xa8c17bfd).address, 0x8000u); // ldp x29, x30, [sp], #16
  EXPECT_FALSE(decode(0xa8c17bfd).write);
  EXPECT_EQ(decode(0xc85f7c20).address, 0x1000u); // ldxr x0, [x1]
  EXPECT_EQ(decode(0xc89ffc20).address, 0x1000u); // stlr x0, [x1]
  EXPECT_TRUE(decode(0xc89ffc20).write);
}

TEST(FaultAddress, OtherInstructionsHaveNoDataAddress) {
  EXPECT_FALSE(decode_data_access(0xd503201f, regs).has_value()); // nop
  EXPECT_FALSE(decode_data_access(0x8b020020, regs).has_value()); // add x0, x1, x2
}

} // namespace
} // namespace sim::models::iss
