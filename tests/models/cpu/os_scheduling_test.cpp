// SPDX-License-Identifier: Apache-2.0
// Thread scheduling of the OS execution model: priorities, cooperative vs preemptive, sleep,
// yield, context-switch cost. One simulation per TEST.
#include <gtest/gtest.h>

#include "tests/models/cpu/cluster_fixture.h"

namespace sim::test {
namespace {

using hal::kUs;

TEST(OsScheduling, MoreUrgentReadyThreadRunsFirst) {
  ClusterFixture f;
  std::vector<std::string> order;
  f.os().spawn({"low", 5, false, 0}, [&] { order.push_back("low"); });
  f.os().spawn({"high", 1, false, 0}, [&] { order.push_back("high"); });
  sc_core::sc_start(10, sc_core::SC_US);
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(order[0], "high");
  EXPECT_EQ(order[1], "low");
}

TEST(OsScheduling, EqualPriorityThreadsRunInCreationOrder) {
  ClusterFixture f;
  std::string order;
  for (char c : std::string("abc"))
    f.os().spawn({std::string(1, c), 3, false, 0}, [&order, c] { order += c; });
  sc_core::sc_start(10, sc_core::SC_US);
  EXPECT_EQ(order, "abc");
}

TEST(OsScheduling, PreemptibleThreadLosesCoreAtNextHalCallWhenUrgentThreadWakes) {
  ClusterFixture f;
  hal::SimTime high_ran_at = 0, low_done_at = 0;
  f.os().spawn({"high", 1, false, 0}, [&] {
    f.hal().sleep(10 * kUs);
    high_ran_at = f.hal().now();
  });
  f.os().spawn({"low", 5, false, 0}, [&] {
    for (int i = 0; i < 100; ++i) f.hal().spend(1000); // 100 us of work in 1 us steps
    low_done_at = f.hal().now();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  // High wakes at 10 us and gets the core within one HAL step (plus context switches).
  EXPECT_GE(high_ran_at, 10 * kUs);
  EXPECT_LT(high_ran_at, 13 * kUs);
  EXPECT_GT(low_done_at, high_ran_at);
}

TEST(OsScheduling, CooperativeThreadKeepsCoreUntilItBlocks) {
  ClusterFixture f;
  hal::SimTime high_ran_at = 0, coop_done_at = 0;
  f.os().spawn({"high", 1, false, 0}, [&] {
    f.hal().sleep(10 * kUs);
    high_ran_at = f.hal().now();
  });
  f.os().spawn({"coop", 5, true, 0}, [&] {
    for (int i = 0; i < 100; ++i) f.hal().spend(1000);
    coop_done_at = f.hal().now();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(coop_done_at, 100 * kUs);
  EXPECT_GE(high_ran_at, coop_done_at);
}

TEST(OsScheduling, SleepingThreadLetsOtherThreadRun) {
  ClusterFixture f;
  hal::SimTime other_ran_at = 0, sleeper_woke_at = 0, slept_at = 0;
  f.os().spawn({"sleeper", 1, false, 0}, [&] {
    slept_at = f.hal().now();
    f.hal().sleep(50 * kUs);
    sleeper_woke_at = f.hal().now();
  });
  f.os().spawn({"other", 5, false, 0}, [&] { other_ran_at = f.hal().now(); });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_LT(other_ran_at, slept_at + 50 * kUs);
  // Woken after exactly 50 us, then one context switch back.
  EXPECT_EQ(sleeper_woke_at, slept_at + 50 * kUs + f.costs().context_switch);
}

TEST(OsScheduling, ContextSwitchCostIsChargedWhenThreadsAlternate) {
  ClusterFixture f;
  hal::SimTime b_started = 0;
  f.os().spawn({"a", 1, false, 0}, [&] { f.hal().spend(100); });
  f.os().spawn({"b", 2, false, 0}, [&] { b_started = f.hal().now(); });
  sc_core::sc_start(1, sc_core::SC_MS);
  // a: one switch in + 100 cycles (100 ns); b: one more switch.
  const hal::SimTime cs = f.costs().context_switch;
  EXPECT_EQ(b_started, 2 * cs + 100 * hal::kNs);
  EXPECT_EQ(f.cluster->kernel().core(0).stats.context_switches, 1u);
}

TEST(OsScheduling, YieldGivesCoreToEqualPriorityThread) {
  ClusterFixture f;
  std::string order;
  f.os().spawn({"a", 3, false, 0}, [&] {
    order += "a1";
    f.os().yield();
    order += "a2";
  });
  f.os().spawn({"b", 3, false, 0}, [&] { order += "b"; });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(order, "a1ba2");
}

TEST(OsScheduling, ThreadsOnDifferentCoresRunInParallel) {
  ClusterFixture f(2, "master");
  hal::SimTime a_done = 0, b_done = 0;
  f.os().spawn({"a", 1, false, 0}, [&] {
    f.hal().spend(100000);
    a_done = f.hal().now();
  });
  f.os().spawn({"b", 1, false, 1}, [&] {
    f.hal().spend(100000);
    b_done = f.hal().now();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  // 100 000 cycles of 1 ns each: both end at 100 us (plus a context switch); on one core the
  // second would end at 200 us, and a thread that never ran would leave 0.
  EXPECT_GE(a_done, 100 * kUs);
  EXPECT_LT(a_done, 102 * kUs);
  EXPECT_EQ(a_done, b_done);
}

TEST(OsScheduling, BusyWaitAccountsTimeAndKeepsCore) {
  ClusterFixture f;
  hal::SimTime other_ran_at = 0, waited_until = 0;
  f.os().spawn({"spinner", 1, false, 0}, [&] {
    f.hal().busy_wait(30 * kUs);
    waited_until = f.hal().now();
  });
  f.os().spawn({"other", 5, false, 0}, [&] { other_ran_at = f.hal().now(); });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(waited_until, 30 * kUs);
  EXPECT_GE(other_ran_at, waited_until);
}

// A sleeper and a CPU-bound thread of the same priority, as a kworker and a busy sender.
struct SleeperAndHog {
  hal::SimTime sleeper_ran_at = 0;
  hal::SimTime hog_done_at = 0;
  explicit SleeperAndHog(ClusterFixture& f) {
    f.os().spawn({"sleeper", 20, false, 0}, [this, &f] {
      f.hal().sleep(10 * kUs);
      sleeper_ran_at = f.hal().now();
    });
    f.os().spawn({"hog", 20, false, 0}, [this, &f] {
      for (int i = 0; i < 100; ++i) f.hal().spend(1000); // 100 us in 1 us steps
      hog_done_at = f.hal().now();
    });
  }
};

TEST(OsScheduling, WithoutWakeupPreemptionAnEqualSleeperWaitsForTheHogToBlock) {
  ClusterFixture f; // Zephyr: FIFO within a priority
  SleeperAndHog t(f);
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(t.sleeper_ran_at, t.hog_done_at);
}

TEST(OsScheduling, WakeupPreemptionLetsAnEqualSleeperRunAtOnce) {
  ClusterFixture f(1, "master", true, sc_core::SC_ZERO_TIME, true); // Linux CFS-like
  SleeperAndHog t(f);
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(t.sleeper_ran_at, 10 * kUs);
  EXPECT_LT(t.sleeper_ran_at, 13 * kUs); // within one HAL step plus a context switch
  EXPECT_GT(t.hog_done_at, t.sleeper_ran_at);
}

TEST(OsScheduling, WakeupPreemptionByAnIsrGiveTakesEffectWhenTheIsrReturns) {
  ClusterFixture f(1, "master", true, sc_core::SC_ZERO_TIME, true);
  hal::Semaphore& sem = f.os().semaphore("s", 0, 1);
  hal::SimTime isr_at = 0, taker_ran_at = 0, hog_done_at = 0;
  f.os().irq_connect(
      kTestIrq,
      [&] {
        isr_at = f.hal().now();
        f.irq_line.write(false);
        sem.give();
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"taker", 20, false, 0}, [&] {
    sem.take(hal::kForever);
    taker_ran_at = f.hal().now();
  });
  f.os().spawn({"hog", 20, false, 0}, [&] {
    for (int i = 0; i < 100; ++i) f.hal().spend(1000);
    hog_done_at = f.hal().now();
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(20, sc_core::SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GT(taker_ran_at, isr_at);
  EXPECT_LT(taker_ran_at, isr_at + 5 * kUs);
  EXPECT_GT(hog_done_at, taker_ran_at);
}

} // namespace
} // namespace sim::test
