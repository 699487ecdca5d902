// SPDX-License-Identifier: Apache-2.0
// FakeHal itself: sparse memory, access log, cache-op log, time, console, os/panic.
#include <gtest/gtest.h>

#include <stdexcept>

#include "tests/support/fake_hal.h"

namespace sim::test {
namespace {

TEST(FakeHal, MemoryIsZeroUntilWrittenAndSpansPages) {
  FakeHal hal;
  EXPECT_EQ(hal.read32(0x200c9000), 0u);
  hal.write64(0x200c8ffc, 0x1122334455667788ull);
  EXPECT_EQ(hal.read32(0x200c8ffc), 0x55667788u);
  EXPECT_EQ(hal.read32(0x200c9000), 0x11223344u);
  ASSERT_EQ(hal.accesses().size(), 4u);
  EXPECT_EQ(hal.accesses()[1].width, 8u);
  EXPECT_EQ(hal.accesses()[1].kind, FakeHal::AccessKind::kWrite);
}

TEST(FakeHal, RecordingCanBeSwitchedOff) {
  FakeHal hal;
  hal.set_recording(false);
  hal.write8(0x10, 1);
  EXPECT_TRUE(hal.accesses().empty());
  EXPECT_EQ(hal.peek(0x10, 1)[0], 1);
}

TEST(FakeHal, RecordsCacheOpsAndBarriers) {
  FakeHal hal;
  hal.dcache_invalidate(0x200c90a0, 64, "rx_used_idx_invalidate");
  hal.barrier();
  ASSERT_EQ(hal.cache_ops().size(), 1u);
  EXPECT_EQ(hal.cache_ops()[0].site, "rx_used_idx_invalidate");
  EXPECT_EQ(hal.cache_ops()[0].kind, FakeHal::CacheOpKind::kInvalidate);
  EXPECT_EQ(hal.barriers(), 1u);
}

TEST(FakeHal, TimeConsoleOsAndPanic) {
  FakeHal hal("remote", 2000);
  hal.spend(10);
  hal.sleep(hal::kUs);
  EXPECT_EQ(hal.now(), 20 * hal::kNs + hal::kUs);
  EXPECT_FALSE(hal.poll(
      0, 4, [] { return false; }, hal::kMs));
  EXPECT_EQ(hal.now(), 20 * hal::kNs + hal::kUs + hal::kMs);
  hal.console("hello");
  EXPECT_EQ(hal.console_output(), "hello");
  // Of an OS only the interrupt mask, recorded with each console write.
  const unsigned key = hal.os().irq_lock();
  hal.console("!");
  hal.os().irq_unlock(key);
  EXPECT_EQ(hal.console_writes(), 2u);
  EXPECT_EQ(hal.console_writes_masked(), 1u);
  EXPECT_FALSE(hal.os().in_isr());
  EXPECT_THROW(hal.os().yield(), std::logic_error);
  EXPECT_THROW(hal.panic("bad"), FakeHalPanic);
  EXPECT_EQ(hal.mmio_read32(0x1000), 0u);
  hal.reg(0x1000) = 7;
  EXPECT_EQ(hal.mmio_read32(0x1000), 7u);
}

} // namespace
} // namespace sim::test
