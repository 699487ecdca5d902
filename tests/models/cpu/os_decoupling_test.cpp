// SPDX-License-Identifier: Apache-2.0
// The OS model with temporal decoupling: a core runs ahead of SystemC time by up to a quantum,
// and another core acting at an earlier simulated time must still be seen. One simulation per
// TEST.
#include <gtest/gtest.h>

#include "tests/models/cpu/cluster_fixture.h"

namespace sim::test {
namespace {

using hal::kMs;
using hal::kUs;

const sc_core::sc_time kQuantum(10, sc_core::SC_US);
constexpr std::uint64_t kFlag = kRamBase + 0x40;

TEST(OsDecoupling, GiveOnAnotherCoreBeforeTheTakersLocalTimeIsNotLost) {
  ClusterFixture f(2, "master", true, kQuantum);
  hal::Semaphore& sem = f.os().semaphore("s", 0, 1);
  bool got = false;
  hal::SimTime returned_at = 0;
  f.os().spawn({"taker", 1, false, 0}, [&] {
    f.hal().spend(5000); // 5 us ahead of SystemC time, within the quantum
    got = sem.take(5 * kMs);
    returned_at = f.hal().now();
  });
  f.os().spawn({"giver", 1, false, 1}, [&] {
    f.hal().sleep(2 * kUs);
    sem.give();
  });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_TRUE(got);
  EXPECT_LT(returned_at, 10 * kUs);
}

TEST(OsDecoupling, WakeOnAnotherCoreBeforeTheWaitersLocalTimeIsNotLost) {
  ClusterFixture f(2, "master", true, kQuantum);
  hal::WaitQueue& wq = f.os().wait_queue("q");
  bool flag = false, result = false;
  hal::SimTime returned_at = 0;
  f.os().spawn({"waiter", 1, false, 0}, [&] {
    f.hal().spend(5000);
    result = wq.wait([&] { return flag; }, 5 * kMs);
    returned_at = f.hal().now();
  });
  f.os().spawn({"waker", 1, false, 1}, [&] {
    f.hal().sleep(2 * kUs);
    flag = true;
    wq.wake_all();
  });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_TRUE(result);
  EXPECT_LT(returned_at, 10 * kUs);
}

TEST(OsDecoupling, WorkQueuedAgainFromAnotherCoreRunsAgain) {
  ClusterFixture f(2, "master", true, kQuantum);
  int runs = 0;
  hal::Work& work = f.os().work("wq", {"kworker", 3, false, 0}, "w", [&] { ++runs; });
  f.os().spawn({"first", 1, false, 1}, [&] { work.queue(); });
  f.os().spawn({"second", 1, false, 1}, [&] {
    f.hal().sleep(100 * kUs); // the worker went back to sleep long ago
    work.queue();
  });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_EQ(runs, 2);
}

TEST(OsDecoupling, PollSeesAWriteThatLandsWhileThePollerRunsAhead) {
  ClusterFixture f(1, "remote", true, kQuantum);
  bool seen = false;
  hal::SimTime seen_at = 0;
  f.os().spawn({"poller", 1, false, 0}, [&] {
    f.hal().spend(5000);
    seen = f.hal().poll(
        kFlag, 4, [&] { return f.hal().read32(kFlag) == 1; }, 5 * kMs);
    seen_at = f.hal().now();
  });
  sc_core::sc_spawn([&] {
    sc_core::wait(sc_core::sc_time(2, sc_core::SC_US));
    f.bus->ram[kFlag - kRamBase] = 1;
    f.cluster->watch().touched(kFlag, 4);
  });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_TRUE(seen);
  EXPECT_LT(seen_at, 10 * kUs);
}

TEST(OsDecoupling, LateBootDoesNotDisturbAnotherCoresLocalTime) {
  ClusterFixture f(2, "master", true, kQuantum);
  hal::SimTime elapsed = 0;
  f.os().spawn({"steady", 1, false, 0}, [&] {
    hal::SimTime t0 = f.hal().now();
    for (int i = 0; i < 40; ++i) f.hal().spend(1000);
    elapsed = f.hal().now() - t0;
  });
  hal::SimTime booted_at = 0;
  f.cluster->boot(
      {"late", 1, false, 1}, [&](hal::Hal& hal) { booted_at = hal.now(); },
      sc_core::sc_time(5, sc_core::SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  // The boot process is not a simulated thread: it must neither wait on nor reset the quantum
  // keeper of the thread that happened to run last.
  EXPECT_EQ(booted_at, 5 * kUs + f.costs().context_switch);
  EXPECT_EQ(elapsed, 40 * kUs);
}

TEST(OsDecoupling, InterruptTakenWhileEnteringASleepDoesNotShortenIt) {
  // The sleeper runs 5 us ahead; the interrupt at 1 us is taken in the synchronisation on the way
  // into the sleep. Returning from the ISR must resume the sleep, not cancel it.
  ClusterFixture f(1, "remote", true, kQuantum);
  int isr_runs = 0;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        ++isr_runs;
        f.irq_line.write(false);
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  hal::SimTime slept = 0;
  f.os().spawn({"sleeper", 1, false, 0}, [&] {
    f.hal().spend(5000);
    const hal::SimTime t0 = f.hal().now();
    f.hal().sleep(kMs);
    slept = f.hal().now() - t0;
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(1, sc_core::SC_US));
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_EQ(isr_runs, 1);
  EXPECT_GE(slept, kMs);
  EXPECT_LT(slept, kMs + 10 * kUs);
}

} // namespace
} // namespace sim::test
