// SPDX-License-Identifier: Apache-2.0
// printk: which lines reach the console (console_loglevel), and what every line costs.
#include "sw/linux/printk.h"

#include <gtest/gtest.h>

#include "tests/support/fake_hal.h"

namespace sim::sw::lnx {
namespace {

TEST(Printk, TimestampsLikeDmesgAndHonoursTheConsoleLoglevel) {
  EXPECT_EQ(Printk::timestamp(12 * hal::kSec + 345678 * hal::kUs + 999), "[   12.345678] ");
  test::FakeHal hal{"master"};
  Printk quiet(hal, true, 4, 0); // `quiet`: dev_info stays in the log buffer
  quiet.dev(KernLevel::kInfo, "rpmsg_client_sample", "virtio0.rpmsg-client-sample.-1.1024",
            "incoming msg 1 (src: 0x400)");
  quiet.print(KernLevel::kErr, "error line");
  EXPECT_EQ(hal.console_output(), "[    0.000000] error line\n");
  EXPECT_EQ(hal.logs().size(), 2u); // both still reach the simulator log
}

TEST(Printk, EveryLineCostsItsStorePrintedOrNot) {
  test::FakeHal hal("master", 1000); // 1 ns per cycle
  Printk quiet(hal, true, 4, 1500);
  quiet.print(KernLevel::kInfo, "not on the console");
  EXPECT_EQ(hal.now(), 1500u * 1000u);
  Printk off(hal, false, 7, 1500);
  off.print(KernLevel::kErr, "console off");
  EXPECT_EQ(hal.now(), 3000u * 1000u);
  EXPECT_EQ(hal.console_output(), "");
}

TEST(Printk, AConsoleLineIsWrittenWithInterruptsMasked) {
  // 5.10's console_unlock() prints each record inside printk_safe_enter_irqsave().
  test::FakeHal hal{"master"};
  Printk loud(hal, true, 7, 0);
  loud.print(KernLevel::kInfo, "one");
  loud.print(KernLevel::kErr, "two");
  EXPECT_EQ(hal.console_writes(), 2u);
  EXPECT_EQ(hal.console_writes_masked(), 2u);
  // ...and unmasked again afterwards.
  hal.console("after");
  EXPECT_EQ(hal.console_writes_masked(), 2u);
}

} // namespace
} // namespace sim::sw::lnx
