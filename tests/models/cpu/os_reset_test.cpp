// SPDX-License-Identifier: Apache-2.0
// A cluster reset (a remote that restarts): the old software stops for good, wherever it was
// waiting, its interrupt handlers are forgotten, and new software runs afterwards. One simulation
// per TEST.
#include <gtest/gtest.h>

#include "tests/models/cpu/cluster_fixture.h"
#include "tests/support/log_capture.h"

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

/// Connects and enables a handler for the test line that counts its calls and silences the
/// level-triggered line (as a driver acknowledges its device).
void connect_counting(ClusterFixture& f, int& calls) {
  f.os().irq_connect(
      kTestIrq,
      [&f, &calls] {
        ++calls;
        f.irq_line.write(false);
      },
      0);
  f.os().irq_enable(kTestIrq, true);
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
  f.os().spawn({"old_main", 1, false, 0}, [&] { connect_counting(f, old_calls); });
  pulse_irq_at(f.irq_line, sc_core::sc_time(1, sc_core::SC_MS),
               sc_core::sc_time(1.1, sc_core::SC_MS));
  at_time(sc_core::sc_time(2, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(3, sc_core::SC_MS), [&] {
    f.cluster->kernel().reset_end();
    f.os().spawn({"new_main", 1, false, 0}, [&] {
      f.hal().sleep(2 * kMs); // the line fires at 4 ms while no handler is connected
      connect_counting(f, new_calls);
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

TEST(OsReset, AnInterruptWaitingForTheCoreAtTheResetDoesNotBlockTheNextSoftware) {
  ClusterFixture f;
  int new_calls = 0;
  f.os().irq_connect(
      kTestIrq, [&] { f.irq_line.write(false); }, 0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"busy", 1, true, 0}, [&] {
    f.hal().spend(2'000'000); // 2 ms in one step: the interrupt at 0.5 ms waits for the core
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(0.5, sc_core::SC_MS),
               sc_core::sc_time(0.6, sc_core::SC_MS));
  at_time(sc_core::sc_time(1, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(3, sc_core::SC_MS), [&] {
    f.cluster->kernel().reset_end();
    f.os().spawn({"new_main", 1, false, 0}, [&] { connect_counting(f, new_calls); });
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(5, sc_core::SC_MS),
               sc_core::sc_time(5.1, sc_core::SC_MS));
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_EQ(new_calls, 1);
}

TEST(OsReset, AHandlerCaughtMidWayStopsAtItsNextWait) {
  ClusterFixture f;
  int finished = 0;
  f.os().spawn({"old_main", 1, false, 0}, [&] {
    f.os().irq_connect(
        kTestIrq,
        [&] {
          f.irq_line.write(false);
          f.hal().spend(1'500'000); // 1.5 ms inside the handler; the reset comes meanwhile
          ++finished;
        },
        0);
    f.os().irq_enable(kTestIrq, true);
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(1, sc_core::SC_MS));
  at_time(sc_core::sc_time(1.2, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(2.2, sc_core::SC_MS), [&] { f.cluster->kernel().reset_end(); });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_EQ(finished, 0);
}

TEST(OsReset, ResetTimeIsIdleTime) {
  ClusterFixture f;
  f.os().spawn({"busy", 1, true, 0}, [&] {
    for (;;) f.hal().spend(1000);
  });
  at_time(sc_core::sc_time(2, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(5, sc_core::SC_MS), [&] { f.cluster->kernel().reset_end(); });
  sc_core::sc_start(10, sc_core::SC_MS);
  f.cluster->kernel().finish_accounting();
  // Busy until 2 ms; idle from the reset to the end (nothing new was started).
  EXPECT_EQ(f.cluster->kernel().core(0).stats.idle_time_ps, 8 * kMs);
}

TEST(OsReset, APanickedClusterRunsNewSoftwareAfterAReset) {
  LogCapture::instance().expect(log::Level::kWarn, "panic");
  ClusterFixture f;
  bool new_ran = false;
  f.os().spawn({"p", 1, false, 0}, [&] { f.hal().panic("boom"); });
  at_time(sc_core::sc_time(1, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(2, sc_core::SC_MS), [&] {
    f.cluster->kernel().reset_end();
    f.os().spawn({"n", 1, false, 0}, [&] {
      f.hal().sleep(kMs);
      new_ran = true;
    });
  });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_TRUE(new_ran);
  EXPECT_TRUE(f.cluster->panic_info().has_value()); // the report keeps what happened
}

TEST(OsReset, AWorkqueueOfTheSameNameStartsAfresh) {
  ClusterFixture f;
  int new_runs = 0;
  f.os().spawn({"old", 1, false, 0}, [&] {
    f.os()
        .work("wq", {"kworker", 1, false, 0}, "old_work", [&] { f.hal().sleep(5 * kMs); })
        .queue();
  });
  at_time(sc_core::sc_time(2, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(3, sc_core::SC_MS), [&] {
    f.cluster->kernel().reset_end();
    f.os().spawn({"new", 1, false, 0}, [&] {
      f.os().work("wq", {"kworker", 1, false, 0}, "new_work", [&] { ++new_runs; }).queue();
    });
  });
  sc_core::sc_start(20, sc_core::SC_MS);
  EXPECT_EQ(new_runs, 1);
}

TEST(OsReset, NothingIsStartedWhileTheClusterIsHalted) {
  ClusterFixture f;
  bool ran = false;
  at_time(sc_core::sc_time(1, sc_core::SC_MS), [&] { f.cluster->kernel().reset_begin(); });
  at_time(sc_core::sc_time(1.5, sc_core::SC_MS), [&] {
    f.os().spawn({"late_boot", 1, false, 0}, [&] { ran = true; }); // e.g. a delayed boot
  });
  at_time(sc_core::sc_time(2, sc_core::SC_MS), [&] { f.cluster->kernel().reset_end(); });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_FALSE(ran);
}

TEST(OsReset, AnIsrPanicDoesNotCountIdleTimeTwice) {
  LogCapture::instance().expect(log::Level::kWarn, "panic");
  ClusterFixture f;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        f.irq_line.write(false);
        f.hal().panic("isr boom");
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  pulse_irq_at(f.irq_line, sc_core::sc_time(5, sc_core::SC_MS));
  sc_core::sc_start(10, sc_core::SC_MS);
  f.cluster->kernel().finish_accounting();
  EXPECT_LE(f.cluster->kernel().core(0).stats.idle_time_ps, 10 * kMs);
}

/// Sets its flag when destroyed: something a waiting thread's stack owns.
struct Owned {
  explicit Owned(bool& destroyed) : destroyed_(destroyed) {}
  ~Owned() { destroyed_ = true; }
  bool& destroyed_;
};

TEST(OsReset, UnwindingAtTheEndDestroysWhatWaitingThreadsOwn) {
  ClusterFixture f;
  bool sem_owned_gone = false, poll_owned_gone = false, sleep_owned_gone = false;
  bool finished_gone = false;
  hal::Semaphore& sem = f.os().semaphore("never", 0, 1);
  f.os().spawn({"on_sem", 1, false, 0}, [&] {
    auto owned = std::make_shared<Owned>(sem_owned_gone);
    sem.take(kForever);
  });
  // Polling spins on the core: it goes last.
  f.os().spawn({"on_poll", 4, false, 0}, [&] {
    auto owned = std::make_unique<Owned>(poll_owned_gone);
    f.hal().poll(
        kRamBase, 1, [] { return false; }, hal::kForever);
  });
  f.os().spawn({"asleep", 2, false, 0}, [&] {
    Owned owned(sleep_owned_gone);
    f.hal().sleep(1000 * kMs);
  });
  f.os().spawn({"finishes", 3, false, 0}, [&] { Owned owned(finished_gone); });
  sc_core::sc_start(10, sc_core::SC_MS);
  // The run is over (paused): only the thread that returned has destroyed its objects.
  EXPECT_TRUE(finished_gone);
  EXPECT_FALSE(sem_owned_gone || poll_owned_gone || sleep_owned_gone);
  const sc_core::sc_time end = sc_core::sc_time_stamp();
  models::unwind_software({f.cluster.get()});
  EXPECT_TRUE(sem_owned_gone);
  EXPECT_TRUE(poll_owned_gone);
  EXPECT_TRUE(sleep_owned_gone);
  // One more delta cycle, no time: nothing the results were taken from moves on.
  EXPECT_EQ(sc_core::sc_time_stamp(), end);
  EXPECT_FALSE(f.cluster->panic_info().has_value());
  EXPECT_TRUE(f.cluster->watch().idle());
}

} // namespace
} // namespace sim::test
