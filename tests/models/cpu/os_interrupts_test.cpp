// SPDX-License-Identifier: Apache-2.0
// Interrupt handling of the OS execution model. One simulation per TEST.
#include <gtest/gtest.h>

#include "tests/models/cpu/cluster_fixture.h"
#include "tests/support/log_capture.h"

namespace sim::test {
namespace {

using hal::kUs;
using sc_core::sc_time;
using sc_core::SC_US;

TEST(OsInterrupts, IsrPreemptsRunningThreadAtItsNextHalCall) {
  ClusterFixture f;
  hal::SimTime isr_at = 0;
  std::vector<hal::SimTime> thread_steps;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        isr_at = f.hal().now();
        f.irq_line.write(false); // the handler silences its device
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"worker", 1, true, 0}, [&] {
    for (int i = 0; i < 20; ++i) {
      f.hal().spend(1000);
      thread_steps.push_back(f.hal().now());
    }
  });
  pulse_irq_at(f.irq_line, sc_time(5, SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  // Even a cooperative thread is interrupted; the ISR runs within one 1 us step of the line.
  EXPECT_GE(isr_at, 5 * kUs);
  EXPECT_LT(isr_at, 7 * kUs);
  ASSERT_EQ(thread_steps.size(), 20u);
  EXPECT_EQ(f.cluster->kernel().core(0).stats.interrupts, 1u);
}

TEST(OsInterrupts, IsrRunsAtOnceOnAnIdleCore) {
  ClusterFixture f;
  hal::SimTime isr_at = 0;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        isr_at = f.hal().now();
        f.irq_line.write(false);
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  pulse_irq_at(f.irq_line, sc_time(5, SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(isr_at, 5 * kUs);
  EXPECT_LT(isr_at, 5 * kUs + 500 * hal::kNs); // delivery latency + ISR entry
}

TEST(OsInterrupts, IsrGivingSemaphoreWakesThreadAfterIsrExit) {
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("data_sem", 0, 1);
  hal::SimTime isr_at = 0, thread_woke_at = 0;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        isr_at = f.hal().now();
        f.irq_line.write(false);
        sem.give();
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"mng", 8, true, 0}, [&] {
    sem.take(hal::kForever);
    thread_woke_at = f.hal().now();
  });
  pulse_irq_at(f.irq_line, sc_time(10, SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GT(thread_woke_at, isr_at);
  EXPECT_LT(thread_woke_at, isr_at + 3 * kUs);
}

TEST(OsInterrupts, MaskedInterruptIsTakenAtUnlock) {
  ClusterFixture f;
  hal::SimTime isr_at = 0, unlocked_at = 0;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        isr_at = f.hal().now();
        f.irq_line.write(false);
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"critical", 1, false, 0}, [&] {
    unsigned key = f.os().irq_lock();
    f.hal().spend(20000); // 20 us with interrupts masked
    unlocked_at = f.hal().now();
    f.os().irq_unlock(key);
    f.hal().spend(1000);
  });
  pulse_irq_at(f.irq_line, sc_time(5, SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(isr_at, unlocked_at);
  EXPECT_LT(isr_at, unlocked_at + 2 * kUs);
}

TEST(OsInterrupts, LevelInterruptNotSilencedReentersTheHandler) {
  ClusterFixture f;
  int entries = 0;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        if (++entries == 3) f.irq_line.write(false);
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  pulse_irq_at(f.irq_line, sc_time(5, SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(entries, 3);
}

TEST(OsInterrupts, InterruptWithoutHandlerIsDisabledWithAWarning) {
  ClusterFixture f;
  LogCapture::instance().expect(log::Level::kWarn, "has no handler");
  f.os().irq_enable(kTestIrq, true);
  pulse_irq_at(f.irq_line, sc_time(5, SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(f.cluster->kernel().core(0).stats.spurious_interrupts, 1u);
}

TEST(OsInterrupts, IsrWakesMoreUrgentPreemptibleThreadBeforeInterruptedOne) {
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("s", 0, 1);
  std::string order;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        f.irq_line.write(false);
        sem.give();
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"urgent", 1, false, 0}, [&] {
    sem.take(hal::kForever);
    order += "urgent";
  });
  f.os().spawn({"background", 5, false, 0}, [&] {
    for (int i = 0; i < 20; ++i) f.hal().spend(1000);
    order += "background";
  });
  pulse_irq_at(f.irq_line, sc_time(5, SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(order, "urgentbackground");
}

} // namespace
} // namespace sim::test
