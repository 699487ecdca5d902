// SPDX-License-Identifier: Apache-2.0
// Semaphores, wait queues and workqueues of the OS execution model. One simulation per TEST.
#include <gtest/gtest.h>

#include "tests/models/cpu/cluster_fixture.h"

namespace sim::test {
namespace {

using hal::kForever;
using hal::kMs;
using hal::kUs;

TEST(OsSemaphore, BinarySemaphoreSaturatesAtOne) {
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("data_sem", 0, 1);
  unsigned count_after = 99;
  f.os().spawn({"giver", 1, false, 0}, [&] {
    sem.give();
    sem.give();
    sem.give();
    count_after = sem.count();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(count_after, 1u);
  EXPECT_EQ(sem.saturated_gives(), 2u);
}

TEST(OsSemaphore, CountingSemaphoreCountsUpToItsLimit) {
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("slots", 0, 3);
  int taken = 0;
  f.os().spawn({"t", 1, false, 0}, [&] {
    for (int i = 0; i < 5; ++i) sem.give();
    while (sem.take(hal::kNoWait)) ++taken;
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(taken, 3);
  EXPECT_EQ(sem.saturated_gives(), 2u);
}

TEST(OsSemaphore, TakeTimesOutAfterTheTimeout) {
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("s", 0, 1);
  bool got = true;
  hal::SimTime returned_at = 0;
  f.os().spawn({"t", 1, false, 0}, [&] {
    hal::SimTime start = f.hal().now();
    got = sem.take(15 * kMs);
    returned_at = f.hal().now() - start;
  });
  sc_core::sc_start(100, sc_core::SC_MS);
  EXPECT_FALSE(got);
  EXPECT_GE(returned_at, 15 * kMs);
  EXPECT_LT(returned_at, 15 * kMs + 5 * kUs);
}

TEST(OsSemaphore, GiveWakesBlockedTakerAtTheGiveTime) {
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("s", 0, 1);
  hal::SimTime woke_at = 0;
  bool got = false;
  f.os().spawn({"taker", 1, false, 0}, [&] {
    got = sem.take(kForever);
    woke_at = f.hal().now();
  });
  f.os().spawn({"giver", 5, false, 0}, [&] {
    f.hal().sleep(20 * kUs);
    sem.give();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_TRUE(got);
  EXPECT_GE(woke_at, 20 * kUs);
  EXPECT_LT(woke_at, 24 * kUs);
  EXPECT_EQ(sem.count(), 0u); // handed to the waiter, not counted
}

TEST(OsSemaphore, GiveWakesMostUrgentWaiterFirst) {
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("s", 0, 1);
  std::string order;
  f.os().spawn({"low", 6, false, 0}, [&] {
    sem.take(kForever);
    order += "low";
  });
  f.os().spawn({"high", 2, false, 0}, [&] {
    f.hal().sleep(1 * kUs); // starts waiting after low
    sem.take(kForever);
    order += "high";
  });
  f.os().spawn({"giver", 9, false, 0}, [&] {
    f.hal().sleep(10 * kUs);
    sem.give();
    f.hal().sleep(10 * kUs);
    sem.give();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(order, "highlow");
}

TEST(OsWaitQueue, WaitReturnsWhenConditionBecomesTrueAfterWake) {
  ClusterFixture f;
  hal::WaitQueue& wq = f.os().wait_queue("sendq");
  bool flag = false, result = false;
  hal::SimTime woke_at = 0;
  f.os().spawn({"waiter", 1, false, 0}, [&] {
    result = wq.wait([&] { return flag; }, 15000 * kMs);
    woke_at = f.hal().now();
  });
  f.os().spawn({"waker", 5, false, 0}, [&] {
    f.hal().sleep(10 * kUs);
    wq.wake_all(); // spurious: condition still false
    f.hal().sleep(10 * kUs);
    flag = true;
    wq.wake_all();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_TRUE(result);
  // 20 us of sleeps plus the context switches between the two threads.
  EXPECT_GE(woke_at, 20 * kUs);
  EXPECT_LE(woke_at, 20 * kUs + 5 * f.costs().context_switch);
}

TEST(OsWaitQueue, WaitTimesOutWithConditionFalse) {
  ClusterFixture f;
  hal::WaitQueue& wq = f.os().wait_queue("sendq");
  bool result = true;
  hal::SimTime waited = 0;
  f.os().spawn({"waiter", 1, false, 0}, [&] {
    hal::SimTime t0 = f.hal().now();
    result = wq.wait([] { return false; }, 2 * kMs);
    waited = f.hal().now() - t0;
  });
  sc_core::sc_start(10, sc_core::SC_MS);
  EXPECT_FALSE(result);
  EXPECT_GE(waited, 2 * kMs);
  EXPECT_LT(waited, 2 * kMs + 5 * kUs);
}

TEST(OsWorkqueue, QueueingPendingWorkIsANoOpAndItRunsOnce) {
  ClusterFixture f;
  int runs = 0;
  hal::SimTime ran_at = 0;
  hal::Work& work = f.os().work("rproc_wq", {"kworker", 3, false, 0}, "vq_work", [&] {
    ++runs;
    ran_at = f.hal().now();
  });
  bool first = false, second = true;
  f.os().spawn({"irq_like", 1, false, 0}, [&] {
    first = work.queue();
    second = work.queue();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  EXPECT_EQ(runs, 1);
  // Started no earlier than the workqueue latency after queueing.
  EXPECT_GE(ran_at, f.costs().workqueue_latency);
}

TEST(OsWorkqueue, WorkQueuedWhileRunningRunsAgain) {
  ClusterFixture f;
  int runs = 0;
  hal::Work* self = nullptr;
  hal::Work& work = f.os().work("wq", {"kworker", 3, false, 0}, "w", [&] {
    if (++runs == 1) self->queue();
  });
  self = &work;
  f.os().spawn({"t", 1, false, 0}, [&] { work.queue(); });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(runs, 2);
}

TEST(OsWorkqueue, QueueingTheWorkWhileItWaitsDoesNotEndTheWait) {
  // A work item blocked on a semaphore is not idle: queueing it again (as a second kick does)
  // must not wake the worker; the semaphore's timeout ends the wait, then the work runs again.
  ClusterFixture f;
  hal::Semaphore& sem = f.os().semaphore("never_given", 0, 1);
  int runs = 0;
  bool got = true;
  hal::SimTime waited = 0;
  hal::Work& work = f.os().work("wq", {"kworker", 3, false, 0}, "w", [&] {
    if (++runs > 1) return;
    const hal::SimTime t0 = f.hal().now();
    got = sem.take(10 * kMs);
    waited = f.hal().now() - t0;
  });
  f.os().spawn({"kicker", 1, false, 0}, [&] {
    work.queue();
    f.hal().sleep(kMs);
    work.queue();
  });
  sc_core::sc_start(50, sc_core::SC_MS);
  EXPECT_FALSE(got);
  EXPECT_GE(waited, 10 * kMs);
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(sem.count(), 0u);
}

} // namespace
} // namespace sim::test
