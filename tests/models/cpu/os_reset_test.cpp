// SPDX-License-Identifier: Apache-2.0
// A cluster reset (a remote that restarts): the old software stops for good, wherever it was
// waiting, its interrupt handlers are forgotten, and new software runs afterwards. One simulation
// per TEST.
#include <gtest/gtest.h>

#include "tests/models/cpu/cluster_fixture.h"

namespace sim::test {
namespace {

using hal::kForever;
using hal::kMs;

/// Runs `fn` from a plain SystemC process at `at` (outside the cluster's software).
void at_time(sc_core::sc_time at, std::function<void()> fn) {
  sc_core::sc_spawn(
      [at, fn] {
        sc_core::wait(at);
        fn();
      },
      sc_core::sc_gen_unique_name("driver"));
}

TEST(OsReset, OldThreadsStopWhereverTheyWaitAndNewOnesRun) {
  ClusterFixture f;
  int ticks = 0;
  bool blocked_resumed = false;
  bool new_ran = false;
  hal::Semaphore& sem = f.os().semaphore("old_sem", 0, 1); // nobody gives it
  f.os().spawn({"ticker", 2, false, 0}, [&] {
    for (;;) {
      f.hal().sleep(1 * kMs);
      ++ticks;
    }
  });
  f.os().spawn({"waiter", 1, false, 0}, [&] {
    sem.take(kForever);
    blocked_resumed = true;
  });
  int ticks_at_reset = -1;
  at_time(sc_core::sc_time(5.5, sc_core::SC_MS), [&] {
    ticks_at_reset = ticks;
    f.cluster->kernel().reset_begin();
  });
  at_time(sc_core::sc_time(7, sc_core::SC_MS), [&] {
    f.cluster->kernel().reset_end();
    f.os().spawn({"new_main", 1, false, 0}, [&] {
      f.hal().sleep(1 * kMs);
      new_ran = true;
    });
  });
  sc_core::sc_start(20, sc_core::SC_MS);
  EXPECT_EQ(ticks_at_reset, 5);
  EXPECT_EQ(ticks, 5);
  EXPECT_FALSE(blocked_resumed);
  EXPECT_TRUE(new_ran);
  EXPECT_FALSE(f.cluster->panic_info().has_value());
}

TEST(OsReset, TheOldSoftwaresInterruptHandlersAreForgotten) {
  ClusterFixture f;
  int old_calls = 0, new_calls = 0;
  f.os().spawn({"old_main", 1, false, 0}, [&] {
    f.os().irq_connect(
        kTestIrq,
        [&] {
          ++old_calls;
          f.irq_line.write(false); // silence the level-triggered line
        },
        0);
    f.os().irq_enable(kTestIrq, true);
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(1, sc_core::SC_MS),
               sc_core::sc_time(1.1, sc_core::SC_MS));
  at_time(sc_core::sc_time(2, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(3, sc_core::SC_MS), [&] {
    f.cluster->kernel().reset_end();
    f.os().spawn({"new_main", 1, false, 0}, [&] {
      f.hal().sleep(2 * kMs); // the line fires at 4 ms while no handler is connected
      f.os().irq_connect(
          kTestIrq,
          [&] {
            ++new_calls;
            f.irq_line.write(false);
          },
          0);
      f.os().irq_enable(kTestIrq, true);
    });
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(4, sc_core::SC_MS),
               sc_core::sc_time(4.1, sc_core::SC_MS));
  pulse_irq_at(f.irq_line, sc_core::sc_time(8, sc_core::SC_MS),
               sc_core::sc_time(8.1, sc_core::SC_MS));
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_EQ(old_calls, 1);
  EXPECT_EQ(new_calls, 1);
}

} // namespace
} // namespace sim::test
