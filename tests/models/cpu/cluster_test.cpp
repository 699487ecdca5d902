// SPDX-License-Identifier: Apache-2.0
// The cluster's HAL: memory accesses through the MMU map, faults that panic the cluster, the poll
// primitive. One simulation per TEST.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/models/cpu/cluster_fixture.h"
#include "tests/support/log_capture.h"

namespace sim::test {
namespace {

using hal::kMs;
using hal::kUs;

constexpr std::uint64_t kFlag = kRamBase + 0x100;
constexpr std::uint64_t kUnmapped = 0x30000000;

TEST(Cluster, ReadsBackWhatItWroteAndPaysTheBusLatency) {
  ClusterFixture f;
  std::uint32_t value = 0;
  hal::SimTime t0 = 0, t1 = 0;
  f.os().spawn({"t", 1, false, 0}, [&] {
    f.hal().write32(kFlag, 0xcafe);
    t0 = f.hal().now();
    value = f.hal().read32(kFlag);
    t1 = f.hal().now();
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(value, 0xcafeu);
  EXPECT_EQ(t1 - t0, 50 * hal::kNs);
  EXPECT_EQ(f.cluster->stats().reads, 1u);
  EXPECT_EQ(f.cluster->stats().writes, 1u);
}

TEST(Cluster, UnmappedAccessPanicsTheClusterWithAddressAndContext) {
  ClusterFixture f;
  LogCapture::instance().expect(log::Level::kWarn, "mmu_fault");
  bool returned = false;
  f.os().spawn({"rpmsg_mng", 1, false, 0}, [&] {
    f.hal().read32(kUnmapped);
    returned = true;
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_FALSE(returned);
  ASSERT_TRUE(f.cluster->panic_info().has_value());
  const models::PanicInfo& p = *f.cluster->panic_info();
  EXPECT_EQ(p.kind, "mmu_fault");
  EXPECT_EQ(p.address, kUnmapped);
  EXPECT_EQ(p.cluster, "remote");
  EXPECT_EQ(p.thread, "rpmsg_mng");
  EXPECT_NE(p.context.find("ram"), std::string::npos); // lists the known regions
}

TEST(Cluster, PanicStopsEveryThreadOfTheCluster) {
  ClusterFixture f;
  LogCapture::instance().expect(log::Level::kWarn, "mmu_fault");
  int other_steps = 0;
  f.os().spawn({"faulter", 1, false, 0}, [&] {
    f.hal().sleep(10 * kUs);
    f.hal().write32(kUnmapped, 1);
  });
  f.os().spawn({"other", 5, false, 0}, [&] {
    for (;;) {
      f.hal().sleep(1 * kUs);
      ++other_steps;
    }
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(other_steps, 5);
  EXPECT_LE(other_steps, 11);
}

TEST(Cluster, OtherClusterKeepsRunningAfterAPanic) {
  ClusterFixture remote(1, "remote");
  ClusterFixture master(1, "master");
  LogCapture::instance().expect(log::Level::kWarn, "mmu_fault");
  int master_steps = 0;
  remote.os().spawn({"z", 1, false, 0}, [&] { remote.hal().read8(kUnmapped); });
  master.os().spawn({"l", 1, false, 0}, [&] {
    for (int i = 0; i < 100; ++i) {
      master.hal().sleep(1 * kUs);
      ++master_steps;
    }
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_TRUE(remote.cluster->panic_info().has_value());
  EXPECT_FALSE(master.cluster->panic_info().has_value());
  EXPECT_EQ(master_steps, 100);
}

TEST(Cluster, BusErrorResponsePanicsAsBusFault) {
  ClusterFixture f;
  LogCapture::instance().expect(log::Level::kWarn, "bus_error");
  f.os().spawn({"t", 1, false, 0}, [&] { f.hal().write32(kBusHole, 1); });
  sc_core::sc_start(1, sc_core::SC_MS);
  ASSERT_TRUE(f.cluster->panic_info().has_value());
  EXPECT_EQ(f.cluster->panic_info()->kind, "bus_error");
  EXPECT_EQ(f.cluster->panic_info()->address, kBusHole);
}

TEST(Cluster, SoftwarePanicIsReportedWithItsReason) {
  ClusterFixture f;
  LogCapture::instance().expect(log::Level::kWarn, "software_panic");
  f.os().spawn({"t", 1, false, 0}, [&] { f.hal().panic("BUG: vring corrupted"); });
  sc_core::sc_start(1, sc_core::SC_MS);
  ASSERT_TRUE(f.cluster->panic_info().has_value());
  EXPECT_EQ(f.cluster->panic_info()->kind, "software_panic");
  EXPECT_EQ(f.cluster->panic_info()->context, "BUG: vring corrupted");
}

TEST(Cluster, PollWakesWhenAnotherAgentWritesThePolledBytes) {
  ClusterFixture f;
  bool seen = false;
  hal::SimTime seen_at = 0;
  f.os().spawn({"poller", 1, false, 0}, [&] {
    seen = f.hal().poll(
        kFlag, 4, [&] { return f.hal().read32(kFlag) == 7; }, hal::kForever);
    seen_at = f.hal().now();
  });
  sc_core::sc_spawn([&] {
    sc_core::wait(sc_core::sc_time(123, sc_core::SC_US));
    f.bus->ram[kFlag - kRamBase] = 7;
    f.cluster->watch().touched(kFlag, 4);
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_TRUE(seen);
  EXPECT_GE(seen_at, 123 * kUs);
  EXPECT_LT(seen_at, 124 * kUs);
  EXPECT_EQ(f.cluster->stats().poll_wakeups, 1u);
}

// Its host time (no spinning on the host either) is bench/bench_poll.cpp's figure.
TEST(Cluster, PollStuckForSimulatedSecondsEvaluatesItsConditionTwice) {
  ClusterFixture f;
  bool result = true;
  hal::SimTime returned_at = 0;
  f.os().spawn({"wait_remote_ready", 1, true, 0}, [&] {
    result = f.hal().poll(
        kFlag, 1, [&] { return f.hal().read8(kFlag) & 4; }, 10000 * kMs);
    returned_at = f.hal().now();
  });
  sc_core::sc_start(20, sc_core::SC_SEC);
  EXPECT_FALSE(result);
  EXPECT_GE(returned_at, 10000 * kMs);
  // The condition was evaluated twice, not once per simulated spin.
  EXPECT_EQ(f.cluster->stats().reads, 2u);
}

TEST(Cluster, PollHoldsTheCoreWhileSpinning) {
  ClusterFixture f;
  hal::SimTime other_ran_at = 0;
  f.os().spawn({"poller", 1, false, 0}, [&] {
    f.hal().poll(
        kFlag, 4, [] { return false; }, 40 * kUs);
  });
  f.os().spawn({"other", 5, false, 0}, [&] { other_ran_at = f.hal().now(); });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_GE(other_ran_at, 40 * kUs);
}

TEST(Cluster, ConsoleWithoutUartCostsNothing) {
  ClusterFixture f;
  hal::SimTime t = 1;
  f.os().spawn({"t", 1, false, 0}, [&] {
    hal::SimTime t0 = f.hal().now();
    f.hal().console("hello\n");
    t = f.hal().now() - t0;
  });
  sc_core::sc_start(1, sc_core::SC_MS);
  EXPECT_EQ(t, 0u);
}

/// A console whose FIFO is full until 100 us (a fake UART), an interrupt at 10 us, and a thread
/// printing one character from the start, with interrupts masked or not. Returns when the ISR
/// ran, when the character was written, and the wait the UART was told of.
struct ConsoleRun {
  hal::SimTime isr_at = 0, printed_at = 0, waited = 0;
};
ConsoleRun console_with_an_interrupt(bool masked) {
  ConsoleRun r;
  const auto configure = [&r](models::ClusterConfig& cc) {
    cc.console_space_at = [](std::uint64_t now) { return std::max<std::uint64_t>(now, 100 * kUs); };
    cc.console_waited = [&r](std::uint64_t waited) { r.waited += waited; };
  };
  ClusterFixture f(1, "remote", true, sc_core::SC_ZERO_TIME, false, true, configure);
  f.os().irq_connect(
      kTestIrq,
      [&] {
        r.isr_at = f.hal().now();
        f.irq_line.write(false);
      },
      0);
  f.os().irq_enable(kTestIrq, true);
  f.os().spawn({"logging", 14, true, 0}, [&] {
    const unsigned key = masked ? f.os().irq_lock() : 0;
    f.hal().console("x");
    r.printed_at = f.hal().now();
    if (masked) f.os().irq_unlock(key);
  });
  pulse_irq_at(f.irq_line, sc_core::sc_time(10, sc_core::SC_US));
  sc_core::sc_start(1, sc_core::SC_MS);
  return r;
}

TEST(Cluster, AnInterruptIsTakenWhileAConsoleWriteWaitsForTheUart) {
  // pl011_poll_out spins on UARTFR.TXFF with interrupts enabled.
  const ConsoleRun r = console_with_an_interrupt(false);
  EXPECT_GE(r.isr_at, 10 * kUs);
  EXPECT_LT(r.isr_at, 11 * kUs);
  EXPECT_GE(r.printed_at, 100 * kUs);
  EXPECT_LT(r.printed_at, 101 * kUs);
  // From the thread's start (after its context switch) to 100 us, the ISR's time included: the
  // character waited all along.
  EXPECT_GE(r.waited, 95 * kUs);
  EXPECT_LE(r.waited, 100 * kUs);
}

TEST(Cluster, WithInterruptsMaskedAConsoleWriteHoldsTheInterruptUntilItIsDone) {
  // Linux 5.10 prints a record with interrupts off.
  const ConsoleRun r = console_with_an_interrupt(true);
  EXPECT_GE(r.printed_at, 100 * kUs);
  EXPECT_GE(r.isr_at, r.printed_at);
  EXPECT_LT(r.isr_at, 101 * kUs);
}

} // namespace
} // namespace sim::test
