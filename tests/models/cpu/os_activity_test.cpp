// SPDX-License-Identifier: Apache-2.0
// The OS model's core activity reports (timing analysis): every change of a core's holder and
// every console print. One simulation per TEST.
#include <gtest/gtest.h>

#include <map>

#include "models/common/tlm_util.h"
#include "tests/models/cpu/cluster_fixture.h"

namespace sim::test {
namespace {

using hal::kMs;
using hal::kUs;
using models::CoreHolder;

/// Records the reports and sums each holder's time per core.
struct Recorder : models::CoreActivityObserver {
  struct Change {
    unsigned core;
    CoreHolder holder;
    std::string name;
    std::uint64_t when_ps;
  };
  std::vector<Change> changes;
  struct Print {
    std::string thread;
    std::string text;
    std::uint64_t begin_ps, end_ps;
  };
  std::vector<Print> prints;

  void on_core(const std::string&, unsigned core, CoreHolder holder, const std::string& name,
               std::uint64_t when_ps) override {
    changes.push_back({core, holder, name, when_ps});
  }
  void on_console(const std::string&, unsigned, const std::string& thread, std::string_view text,
                  std::uint64_t begin_ps, std::uint64_t end_ps) override {
    prints.push_back({thread, std::string(text), begin_ps, end_ps});
  }

  /// Time per holder kind on `core` from 0 (idle) to `end_ps`.
  std::map<CoreHolder, std::uint64_t> totals(unsigned core, std::uint64_t end_ps) const {
    std::map<CoreHolder, std::uint64_t> t;
    CoreHolder holder = CoreHolder::kIdle;
    std::uint64_t since = 0;
    for (const Change& c : changes) {
      if (c.core != core) continue;
      t[holder] += c.when_ps - since;
      holder = c.holder;
      since = c.when_ps;
    }
    t[holder] += end_ps - since;
    return t;
  }
};

TEST(OsActivity, ReportsThreadsInterruptsAndIdleInOrderMatchingTheKernelsAccounting) {
  ClusterFixture f;
  Recorder rec;
  f.cluster->kernel().set_activity_observer(&rec);
  f.os().irq_connect(
      kTestIrq, [&] { f.irq_line.write(false); }, 0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"worker", 1, false, 0}, [&] {
    f.hal().spend(10000); // 10 us busy, interrupted at 5 us
    f.hal().sleep(20 * kUs);
    f.hal().spend(5000);
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(5, sc_core::SC_US));
  sc_core::sc_start(100, sc_core::SC_US);
  f.cluster->kernel().finish_accounting();
  const std::uint64_t end = sc_to_ps(sc_core::sc_time_stamp());

  // worker, the interrupt context (then named by its line), worker again, idle (sleep), worker,
  // idle (done).
  std::vector<std::pair<CoreHolder, std::string>> seen;
  for (const Recorder::Change& c : rec.changes) seen.emplace_back(c.holder, c.name);
  const std::vector<std::pair<CoreHolder, std::string>> want = {
      {CoreHolder::kThread, "worker"}, {CoreHolder::kIsr, "irq"}, {CoreHolder::kIsr, "irq 240"},
      {CoreHolder::kThread, "worker"}, {CoreHolder::kIdle, ""},   {CoreHolder::kThread, "worker"},
      {CoreHolder::kIdle, ""}};
  EXPECT_EQ(seen, want);
  for (std::size_t i = 1; i < rec.changes.size(); ++i)
    EXPECT_LE(rec.changes[i - 1].when_ps, rec.changes[i].when_ps);

  const auto totals = rec.totals(0, end);
  const models::CoreStats& stats = f.cluster->kernel().core(0).stats;
  EXPECT_EQ(totals.at(CoreHolder::kIsr), stats.isr_time_ps);
  EXPECT_EQ(totals.at(CoreHolder::kIdle), stats.idle_time_ps);
  // 15 us of work plus a context switch or two.
  EXPECT_GE(totals.at(CoreHolder::kThread), 15 * kUs);
  EXPECT_LT(totals.at(CoreHolder::kThread), 17 * kUs);
}

// Interrupt and idle totals from the reports equal the kernel's own accounting.
void expect_matching_totals(ClusterFixture& f, const Recorder& rec) {
  f.cluster->kernel().finish_accounting();
  const std::uint64_t end = sc_to_ps(sc_core::sc_time_stamp());
  const auto totals = rec.totals(0, end);
  const models::CoreStats& stats = f.cluster->kernel().core(0).stats;
  const auto at = [&](CoreHolder h) { return totals.count(h) != 0 ? totals.at(h) : 0; };
  EXPECT_EQ(at(CoreHolder::kIsr), stats.isr_time_ps);
  EXPECT_EQ(at(CoreHolder::kIdle), stats.idle_time_ps);
}

TEST(OsActivity, AnInterruptEntryThatFindsNothingPendingIsStillInterruptTime) {
  ClusterFixture f;
  Recorder rec;
  f.cluster->kernel().set_activity_observer(&rec);
  f.os().irq_connect(
      kTestIrq, [&] { f.irq_line.write(false); }, 0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"worker", 1, false, 0}, [&] { f.hal().spend(10000); });
  // A pulse shorter than the worker's step: gone by the time the core takes the interrupt.
  pulse_irq_at(f.irq_line, sc_core::sc_time(2, sc_core::SC_US),
               sc_core::sc_time(3, sc_core::SC_US));
  sc_core::sc_start(100, sc_core::SC_US);
  EXPECT_EQ(f.cluster->kernel().core(0).stats.interrupts, 1u);
  EXPECT_GT(f.cluster->kernel().core(0).stats.isr_time_ps, 0u);
  expect_matching_totals(f, rec);
}

TEST(OsActivity, AResetDuringAHandlerEndsItsTimeAtTheReset) {
  ClusterFixture f;
  Recorder rec;
  f.cluster->kernel().set_activity_observer(&rec);
  f.os().spawn({"old_main", 1, false, 0}, [&] {
    f.os().irq_connect(
        kTestIrq,
        [&] {
          f.irq_line.write(false);
          f.hal().spend(1'500'000); // 1.5 ms inside the handler; the reset comes meanwhile
        },
        0);
    f.os().irq_enable(kTestIrq, true);
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(1, sc_core::SC_MS));
  sc_core::sc_spawn([&] {
    sc_core::wait(sc_core::sc_time(1.2, sc_core::SC_MS));
    f.cluster->kernel().reset_begin();
    sc_core::wait(sc_core::sc_time(1, sc_core::SC_MS));
    f.cluster->kernel().reset_end();
  });
  sc_core::sc_start(10, sc_core::SC_MS);
  const models::CoreStats& stats = f.cluster->kernel().core(0).stats;
  // About 0.2 ms of handler, not 1.5 ms.
  EXPECT_GT(stats.isr_time_ps, 190 * kUs);
  EXPECT_LT(stats.isr_time_ps, 210 * kUs);
  expect_matching_totals(f, rec);
}

TEST(OsActivity, ConsoleReportsThePrintWithItsBusTime) {
  ClusterFixture f(1, "remote", true, sc_core::SC_ZERO_TIME, false, /*console_in_ram=*/true);
  Recorder rec;
  f.cluster->kernel().set_activity_observer(&rec);
  hal::SimTime took = 0;
  f.os().spawn({"printer", 1, false, 0}, [&] {
    const hal::SimTime t0 = f.hal().now();
    f.hal().console("hello\n");
    took = f.hal().now() - t0;
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  ASSERT_EQ(rec.prints.size(), 1u);
  EXPECT_EQ(rec.prints[0].thread, "printer");
  EXPECT_EQ(rec.prints[0].text, "hello\n");
  EXPECT_EQ(rec.prints[0].end_ps - rec.prints[0].begin_ps, took);
  EXPECT_GE(took, 6 * 50 * hal::kNs); // six device writes of 50 ns on the test bus
  EXPECT_EQ(f.cluster->stats().console_chars, 6u);
}

} // namespace
} // namespace sim::test
