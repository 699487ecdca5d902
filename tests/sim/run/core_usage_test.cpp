// SPDX-License-Identifier: Apache-2.0
#include "sim/run/core_usage.h"

#include <gtest/gtest.h>

namespace sim::app {
namespace {

using models::CoreHolder;

TEST(CoreUsage, SumsEachHoldersTimeAndTheConsolePart) {
  CoreActivityRecorder r(/*keep_slices=*/true);
  r.cluster("master", 2);
  r.on_core("master", 0, CoreHolder::kThread, "a", 100);
  r.on_console_begin("master", 0, "a", 120);
  r.on_console("master", 0, "a", "hi\n", 120, 150);
  r.on_core("master", 0, CoreHolder::kIsr, "irq 242", 200);
  r.on_core("master", 0, CoreHolder::kThread, "a", 210);
  r.on_core("master", 0, CoreHolder::kThread, "b", 300);
  r.on_core("master", 0, CoreHolder::kIdle, "", 400);
  r.finish(1000);
  const std::vector<CoreUsage> u = r.usage();
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0].idle_ps, 100u + 600u);
  EXPECT_EQ(u[0].thread_ps, 100u + 90u + 100u);
  EXPECT_EQ(u[0].isr_ps, 10u);
  EXPECT_EQ(u[0].console_ps, 30u);
  EXPECT_EQ(u[0].by_thread.at("a"), 190u);
  EXPECT_EQ(u[0].by_thread.at("b"), 100u);
  EXPECT_EQ(u[0].total_ps(), 1000u);
  // The second core never ran anything.
  EXPECT_EQ(u[1].idle_ps, 1000u);
  EXPECT_EQ(u[1].total_ps(), 1000u);
  // Slices: idle, a, irq, a, b, idle on core 0; idle on core 1.
  ASSERT_EQ(r.slices().size(), 7u);
  EXPECT_EQ(r.slices()[2].name, "irq 242");
  EXPECT_EQ(r.slices()[2].begin_ps, 200u);
  EXPECT_EQ(r.slices()[2].end_ps, 210u);
  ASSERT_EQ(r.console_slices().size(), 1u);
  EXPECT_EQ(r.console_slices()[0].text, "hi\n");
}

TEST(CoreUsage, KeepsNoSlicesUnlessAsked) {
  CoreActivityRecorder r;
  r.on_core("remote", 0, CoreHolder::kThread, "a", 10);
  r.on_console_begin("remote", 0, "a", 10);
  r.on_console("remote", 0, "a", "x", 10, 20);
  r.finish(100);
  EXPECT_TRUE(r.slices().empty());
  EXPECT_TRUE(r.console_slices().empty());
  EXPECT_EQ(r.usage().at(0).thread_ps, 90u);
}

TEST(CoreUsage, ConsoleTimeIsThePrintingThreadsOwnTimeOnly) {
  CoreActivityRecorder r;
  models::CoreActivityObserver& remote = r.cluster("remote", 1);
  remote.on_core("remote", 0, CoreHolder::kThread, "app", 100);
  remote.on_console_begin("remote", 0, "app", 100);
  remote.on_core("remote", 0, CoreHolder::kIsr, "irq 240", 130);  // takes the core mid-print
  remote.on_core("remote", 0, CoreHolder::kThread, "rpmsg", 140); // and another thread
  remote.on_core("remote", 0, CoreHolder::kThread, "app", 170);
  remote.on_console("remote", 0, "app", "long line\n", 100, 200);
  r.finish(300);
  const CoreUsage u = r.usage().at(0);
  EXPECT_EQ(u.console_ps, 30u + 30u); // 100..130 and 170..200
  EXPECT_EQ(u.isr_ps, 10u);
  EXPECT_EQ(u.by_thread.at("rpmsg"), 30u);
  EXPECT_LE(u.console_ps, u.thread_ps);
}

TEST(CoreUsage, AHandOverReportedBeforeTheOpenSliceBeganCountsNothingNegative) {
  CoreActivityRecorder r;
  r.on_core("remote", 0, CoreHolder::kThread, "a", 100);
  r.on_core("remote", 0, CoreHolder::kIdle, "", 90); // a decoupled core, slightly behind
  r.finish(200);
  const CoreUsage u = r.usage().at(0);
  EXPECT_EQ(u.thread_ps, 0u);
  EXPECT_EQ(u.idle_ps, 200u);
}

} // namespace
} // namespace sim::app
