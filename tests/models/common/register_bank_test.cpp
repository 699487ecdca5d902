// SPDX-License-Identifier: Apache-2.0
#include "models/common/regs/register_bank.h"

#include <gtest/gtest.h>

#include "tests/support/log_capture.h"

namespace sim::regs {
namespace {

TEST(RegisterBank, ReadsResetValueAndMasksWrites) {
  RegisterBank bank("dev");
  bank.add({"CTRL", 0x40, Access::kRW, 0x5, 0x0000ff00, "control", 1});
  std::uint32_t v = 0;
  ASSERT_EQ(bank.read(0x40, v), Status::kOk);
  EXPECT_EQ(v, 0x5u);
  ASSERT_EQ(bank.write(0x40, 0xffffffff), Status::kOk);
  bank.read(0x40, v);
  EXPECT_EQ(v, 0xff05u);
}

TEST(RegisterBank, UnknownOffsetIsAddressError) {
  RegisterBank bank("dev");
  bank.add({"A", 0x0, Access::kRW, 0, ~0u, "", 1});
  std::uint32_t v;
  EXPECT_EQ(bank.read(0x80, v), Status::kAddressError);
  EXPECT_EQ(bank.write(0x80, 1), Status::kAddressError);
}

TEST(RegisterBank, ReadOnlyAndWriteOnlyAreEnforced) {
  RegisterBank bank("dev");
  bank.add({"STS", 0x0, Access::kRO, 1, 0, "", 1});
  bank.add({"TX", 0x4, Access::kWO, 0, ~0u, "", 1});
  std::uint32_t v;
  EXPECT_EQ(bank.write(0x0, 0), Status::kAccessError);
  EXPECT_EQ(bank.read(0x4, v), Status::kAccessError);
}

TEST(RegisterBank, WriteOneToClearAndReadClear) {
  RegisterBank bank("dev");
  bank.add({"IRQ", 0x0, Access::kW1C, 0xf, 0xf, "", 1});
  bank.add({"EVT", 0x4, Access::kRC, 0x3, 0, "", 1});
  bank.write(0x0, 0x5);
  std::uint32_t v;
  bank.read(0x0, v);
  EXPECT_EQ(v, 0xau);
  bank.read(0x4, v);
  EXPECT_EQ(v, 0x3u);
  bank.read(0x4, v);
  EXPECT_EQ(v, 0u);
}

TEST(RegisterBank, HooksSeeWordIndexOfMultiWordRegister) {
  RegisterBank bank("dev");
  unsigned last_index = 99;
  std::uint32_t last_value = 0;
  bank.add({"FIFO", 0x00, Access::kWO, 0, ~0u, "8-word window", 8})
      .on_write([&](unsigned i, std::uint32_t v) {
        last_index = i;
        last_value = v;
      });
  bank.add({"RX", 0x20, Access::kRO, 0, 0, "", 8}).on_read([](unsigned i) { return 100 + i; });
  bank.write(0x1c, 0xabc);
  EXPECT_EQ(last_index, 7u);
  EXPECT_EQ(last_value, 0xabcu);
  std::uint32_t v;
  bank.read(0x24, v);
  EXPECT_EQ(v, 101u);
}

TEST(RegisterBank, SubWordAndUnalignedAccessesAreSizeErrors) {
  RegisterBank bank("dev");
  bank.add({"A", 0x0, Access::kRW, 0, ~0u, "", 1});
  std::uint32_t v;
  EXPECT_EQ(bank.read(0x0, v, 2), Status::kSizeError);
  EXPECT_EQ(bank.write(0x2, 1, 4), Status::kSizeError);
}

TEST(RegisterBank, OverlappingDeclarationIsAModellingBug) {
  RegisterBank bank("dev");
  bank.add({"A", 0x0, Access::kRW, 0, ~0u, "", 4});
  EXPECT_THROW(bank.add({"B", 0xc, Access::kRW, 0, ~0u, "", 1}), std::logic_error);
}

TEST(RegisterBank, TaggedRegisterWarnsOnceAndReadsReset) {
  RegisterBank bank("dev");
  bank.add_tagged({"TEST", 0x10, Access::kRW, 0x7, ~0u, "purpose unknown", 1});
  test::LogCapture::instance().expect(log::Level::kWarn, "unimplemented register TEST");
  std::uint32_t v = 0;
  EXPECT_EQ(bank.write(0x10, 1), Status::kOk);
  EXPECT_EQ(bank.read(0x10, v), Status::kOk);
  EXPECT_EQ(v, 0x7u);
}

TEST(RegisterBank, PeekHasNoSideEffects) {
  RegisterBank bank("dev");
  int reads = 0;
  bank.add({"RC", 0x0, Access::kRC, 0x9, 0, "", 1}).on_read([&](unsigned) {
    ++reads;
    return 1u;
  });
  std::uint32_t v;
  EXPECT_EQ(bank.peek(0x0, v), Status::kOk);
  EXPECT_EQ(v, 0x9u);
  EXPECT_EQ(reads, 0);
}

TEST(RegisterBank, AfterWriteHookRunsOnEveryWrite) {
  RegisterBank bank("dev");
  int updates = 0;
  bank.add({"A", 0x0, Access::kRW, 0, ~0u, "", 1});
  bank.on_any_write([&] { ++updates; });
  bank.write(0x0, 1);
  bank.write(0x0, 2);
  EXPECT_EQ(updates, 2);
}

} // namespace
} // namespace sim::regs
