// SPDX-License-Identifier: Apache-2.0
// FakeOs on its own: the scheduling rules the cross-stack tests rely on (virtual time, priority,
// FIFO, preemption, interrupts at HAL-call boundaries, timeouts, polls, workqueues, shutdown).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/support/fake_os.h"

namespace sim::test {
namespace {

using hal::kMs;
using hal::kUs;

struct Event {
  std::string what;
  hal::SimTime at;
  bool operator==(const Event& o) const { return what == o.what && at == o.at; }
};

std::ostream& operator<<(std::ostream& os, const Event& e) {
  return os << e.what << "@" << e.at;
}

TEST(FakeOs, RunsTheMostUrgentReadyThreadFirstAndEqualsInCreationOrder) {
  FakeScheduler sched;
  FakeOs os(sched, "os");
  std::vector<std::string> order;
  for (auto [name, prio] : {std::pair{"low", 5}, {"high1", 1}, {"high2", 1}, {"mid", 3}})
    os.spawn({name, prio, false, 0}, [&order, n = std::string(name)] { order.push_back(n); });
  EXPECT_TRUE(sched.run_until_idle());
  EXPECT_EQ(order, (std::vector<std::string>{"high1", "high2", "mid", "low"}));
}

TEST(FakeOs, TwoClustersInterleaveByVirtualTime) {
  FakeScheduler sched;
  FakeOs a(sched, "a");
  FakeOs b(sched, "b");
  std::vector<Event> log;
  a.spawn({"a", 0, false, 0}, [&] {
    for (int i = 0; i < 3; ++i) {
      a.sleep(3 * kUs);
      log.push_back({"a", a.now()});
    }
  });
  b.spawn({"b", 0, false, 0}, [&] {
    for (int i = 0; i < 2; ++i) {
      b.hold(4 * kUs); // busy, not sleeping: the other cluster still runs meanwhile
      log.push_back({"b", b.now()});
    }
  });
  sched.run_until(1 * kMs);
  EXPECT_EQ(log,
            (std::vector<Event>{
                {"a", 3 * kUs}, {"b", 4 * kUs}, {"a", 6 * kUs}, {"b", 8 * kUs}, {"a", 9 * kUs}}));
  EXPECT_EQ(sched.now(), 1 * kMs);
}

TEST(FakeOs, PreemptibleThreadYieldsAtItsNextCallButCooperativeOneKeepsTheCore) {
  for (bool cooperative : {false, true}) {
    SCOPED_TRACE(cooperative);
    FakeScheduler sched;
    FakeOs os(sched, "os");
    std::vector<std::string> log;
    os.spawn({"worker", 5, cooperative, 0}, [&] {
      os.spawn({"urgent", 1, false, 0}, [&] { log.push_back("urgent"); });
      log.push_back("spawned");
      os.enter(); // a HAL call: the preemption point
      log.push_back("worker");
    });
    sched.run_until_idle();
    const std::vector<std::string> expected =
        cooperative ? std::vector<std::string>{"spawned", "worker", "urgent"}
                    : std::vector<std::string>{"spawned", "urgent", "worker"};
    EXPECT_EQ(log, expected);
  }
}

TEST(FakeOs, SemaphoreGivesToTheMostUrgentWaiterAndTakeTimesOut) {
  FakeScheduler sched;
  FakeOs os(sched, "os");
  hal::Semaphore& sem = os.semaphore("sem", 0, 1);
  std::vector<Event> log;
  for (auto [name, prio] : {std::pair{"w_low", 4}, {"w_high", 2}})
    os.spawn({name, prio, false, 0}, [&, n = std::string(name)] {
      const bool got = sem.take(10 * kUs);
      log.push_back({n + (got ? ":got" : ":timeout"), os.now()});
    });
  os.spawn({"giver", 6, false, 0}, [&] {
    os.sleep(2 * kUs);
    sem.give();
    sem.give(); // nobody else waits for it now: counted
    sem.give(); // saturates at the limit
  });
  sched.run_until(1 * kMs);
  EXPECT_EQ(log, (std::vector<Event>{{"w_high:got", 2 * kUs}, {"w_low:got", 2 * kUs}}));
  EXPECT_EQ(sem.count(), 1u);
  EXPECT_EQ(sem.saturated_gives(), 0u);

  FakeScheduler sched2;
  FakeOs os2(sched2, "os2");
  hal::Semaphore& empty = os2.semaphore("empty", 0, 1);
  bool got = true;
  hal::SimTime when = 0;
  os2.spawn({"t", 0, false, 0}, [&] {
    got = empty.take(7 * kUs);
    when = os2.now();
  });
  sched2.run_until(1 * kMs);
  EXPECT_FALSE(got);
  EXPECT_EQ(when, 7 * kUs);
}

TEST(FakeOs, InterruptInterruptsAHoldingThreadAtOnceAndRunsInIsrContext) {
  FakeScheduler sched;
  FakeOs dev(sched, "dev");
  FakeOs cpu(sched, "cpu");
  std::vector<Event> log;
  bool saw_isr_context = false;
  cpu.irq_connect(7, [&] {
    saw_isr_context = cpu.in_isr() && cpu.current_thread() == "isr";
    cpu.set_irq_level(7, false); // the handler acknowledges the device
    log.push_back({"isr", cpu.now()});
  });
  cpu.irq_enable(7, true);
  cpu.spawn({"busy", 0, true, 0}, [&] {
    cpu.hold(10 * kUs); // even a cooperative thread takes interrupts
    log.push_back({"busy done", cpu.now()});
  });
  dev.spawn({"device", 0, false, 0}, [&] {
    dev.sleep(3 * kUs);
    cpu.set_irq_level(7, true);
  });
  sched.run_until(1 * kMs);
  EXPECT_EQ(log, (std::vector<Event>{{"isr", 3 * kUs}, {"busy done", 10 * kUs}}));
  EXPECT_TRUE(saw_isr_context);
  EXPECT_EQ(cpu.interrupts(7), 1u);
}

TEST(FakeOs, MaskedInterruptWaitsForUnlockAndIdleCoreTakesItImmediately) {
  FakeScheduler sched;
  FakeOs os(sched, "os");
  std::vector<Event> log;
  os.irq_connect(3, [&] {
    os.set_irq_level(3, false);
    log.push_back({"isr", os.now()});
  });
  os.irq_enable(3, true);
  os.spawn({"t", 0, false, 0}, [&] {
    const unsigned key = os.irq_lock();
    os.set_irq_level(3, true);
    os.hold(5 * kUs);
    log.push_back({"unlock", os.now()});
    os.irq_unlock(key);
    log.push_back({"after", os.now()});
    os.sleep(5 * kUs);
  });
  sched.run_until(8 * kUs);
  os.set_irq_level(3, true); // the test (a device) raises it while the core is idle
  sched.run_until(9 * kUs);
  EXPECT_EQ(log, (std::vector<Event>{
                     {"unlock", 5 * kUs}, {"isr", 5 * kUs}, {"after", 5 * kUs}, {"isr", 8 * kUs}}));
}

TEST(FakeOs, PollWakesOnAnotherContextsWriteAndTimesOut) {
  FakeScheduler sched;
  FakeOs a(sched, "a");
  FakeOs b(sched, "b");
  int flag = 0;
  hal::SimTime seen_at = 0;
  bool timed_out_value = true;
  hal::SimTime timeout_at = 0;
  a.spawn({"poller", 0, false, 0}, [&] {
    a.poll(
        0x1000, 4, [&] { return flag == 1; }, hal::kForever);
    seen_at = a.now();
    timed_out_value = a.poll(
        0x1000, 4, [&] { return flag == 2; }, 20 * kUs);
    timeout_at = a.now();
  });
  b.spawn({"writer", 0, false, 0}, [&] {
    b.sleep(4 * kUs);
    flag = 1;
    sched.touched(0x1002, 1);
  });
  sched.run_until(1 * kMs);
  EXPECT_EQ(seen_at, 4 * kUs);
  EXPECT_FALSE(timed_out_value);
  EXPECT_EQ(timeout_at, 24 * kUs);
}

TEST(FakeOs, WorkQueuedTwiceWhilePendingRunsOnceAndWaitQueueTimesOut) {
  FakeScheduler sched;
  FakeOs os(sched, "os");
  os.set_workqueue_latency(2 * kUs);
  int runs = 0;
  hal::Work& w = os.work("wq", {"kworker", 1, false, 0}, "item", [&] { ++runs; });
  hal::WaitQueue& wq = os.wait_queue("wq");
  bool queued_again = true;
  bool waited = true;
  hal::SimTime waited_until = 0;
  os.spawn({"t", 5, false, 0}, [&] {
    EXPECT_TRUE(w.queue());
    queued_again = w.queue();
    waited = wq.wait([&] { return runs == 2; }, 30 * kUs);
    waited_until = os.now();
  });
  sched.run_until(1 * kMs);
  EXPECT_EQ(runs, 1);
  EXPECT_FALSE(queued_again);
  EXPECT_FALSE(w.pending());
  EXPECT_FALSE(waited);
  EXPECT_EQ(waited_until, 30 * kUs);
}

TEST(FakeOs, ExceptionInAThreadHaltsOnlyItsCluster) {
  FakeScheduler sched;
  FakeOs bad(sched, "bad");
  FakeOs good(sched, "good");
  int good_ticks = 0;
  int bad_after = 0;
  bad.spawn({"crash", 0, false, 0}, [&] {
    bad.sleep(2 * kUs);
    bad.halt("BUG_ON");
  });
  bad.spawn({"other", 1, false, 0}, [&] {
    bad.sleep(5 * kUs);
    ++bad_after; // never: its cluster is halted by then
  });
  good.spawn({"ticker", 0, false, 0}, [&] {
    for (;;) {
      good.sleep(1 * kUs);
      ++good_ticks;
    }
  });
  sched.run_until(10 * kUs);
  EXPECT_TRUE(bad.halted());
  EXPECT_EQ(bad.panic_reason(), "crash: BUG_ON");
  EXPECT_EQ(bad_after, 0);
  EXPECT_EQ(good_ticks, 10);
  EXPECT_FALSE(good.halted());
}

TEST(FakeOs, ShutdownUnwindsBlockedThreadsAndRunsTheirDestructors) {
  auto destroyed = std::make_shared<int>(0);
  struct Guard {
    std::shared_ptr<int> count;
    ~Guard() { ++*count; }
  };
  {
    FakeScheduler sched;
    FakeOs os(sched, "os");
    hal::Semaphore& never = os.semaphore("never", 0, 1);
    os.spawn({"blocked", 0, false, 0}, [&, destroyed] {
      Guard g{destroyed};
      never.take(hal::kForever);
    });
    os.spawn({"sleeper", 1, false, 0}, [&, destroyed] {
      Guard g{destroyed};
      os.sleep(hal::kSec);
    });
    os.spawn({"finished", 2, false, 0}, [] {});
    sched.run_until(1 * kUs);
    EXPECT_EQ(*destroyed, 0);
  }
  EXPECT_EQ(*destroyed, 2);
}

} // namespace
} // namespace sim::test
