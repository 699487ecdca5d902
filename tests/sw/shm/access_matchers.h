// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers to assert the HAL accesses a view issued (FakeHal access log).

#include <gtest/gtest.h>

#include "tests/support/fake_hal.h"

namespace sim::test {

/// Expects exactly one access, of `width` bytes at `addr`, of `kind`; clears the log.
inline void expect_single_access(FakeHal& hal, hal::Addr addr, std::size_t width,
                                 FakeHal::AccessKind kind) {
  ASSERT_EQ(hal.accesses().size(), 1u);
  const FakeHal::Access& a = hal.accesses().front();
  EXPECT_EQ(a.addr, addr);
  EXPECT_EQ(a.width, width);
  EXPECT_EQ(a.kind, kind);
  hal.clear_accesses();
}

} // namespace sim::test
