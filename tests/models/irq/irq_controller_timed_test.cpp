// SPDX-License-Identifier: Apache-2.0
// The interrupt controller shell: a rising level reaches the core after the delivery latency, a
// falling one takes effect at once. One simulation per TEST.
#include <gtest/gtest.h>

#include "models/irq/irq_controller.h"

namespace sim::models {
namespace {

using sc_core::SC_NS;
using sc_core::sc_time;

constexpr unsigned kLine = 240;

struct Bench {
  sc_core::sc_signal<bool> line{"line"};
  IrqController gic{"gic", IrqControllerConfig{1, 20 * kPsPerNs}};
  Bench() {
    gic.connect(kLine, line);
    gic.core().enable(kLine, true);
  }
};

TEST(IrqController, RisingLevelIsPendingAfterTheDeliveryLatency) {
  Bench b;
  sc_time pending_at = sc_core::SC_ZERO_TIME;
  sc_core::sc_spawn([&] {
    sc_core::wait(sc_time(100, SC_NS));
    b.line.write(true);
    sc_core::wait(b.gic.pending_event(0));
    pending_at = sc_core::sc_time_stamp();
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(pending_at, sc_time(120, SC_NS));
  EXPECT_TRUE(b.gic.core().pending_for(0));
}

TEST(IrqController, PulseShorterThanTheLatencyIsNotDelivered) {
  Bench b;
  sc_core::sc_spawn([&] {
    sc_core::wait(sc_time(100, SC_NS));
    b.line.write(true);
    sc_core::wait(sc_time(5, SC_NS));
    b.line.write(false);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_FALSE(b.gic.core().pending_for(0));
  EXPECT_EQ(b.gic.core().stats(kLine).assertions, 0u);
}

TEST(IrqController, RiseFallRiseIsDeliveredOneLatencyAfterTheLastRise) {
  Bench b;
  sc_time pending_at = sc_core::SC_ZERO_TIME;
  sc_core::sc_spawn([&] {
    sc_core::wait(sc_time(100, SC_NS));
    b.line.write(true);
    sc_core::wait(sc_time(5, SC_NS));
    b.line.write(false);
    sc_core::wait(sc_time(5, SC_NS));
    b.line.write(true);
    sc_core::wait(b.gic.pending_event(0));
    pending_at = sc_core::sc_time_stamp();
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_EQ(pending_at, sc_time(130, SC_NS));
}

TEST(IrqController, FallingLevelClearsPendingAtOnce) {
  Bench b;
  bool pending_after_fall = true;
  sc_core::sc_spawn([&] {
    b.line.write(true);
    sc_core::wait(sc_time(50, SC_NS));
    b.line.write(false);
    sc_core::wait(sc_core::SC_ZERO_TIME);
    sc_core::wait(sc_core::SC_ZERO_TIME);
    pending_after_fall = b.gic.core().pending_for(0);
  });
  sc_core::sc_start(1, sc_core::SC_US);
  EXPECT_FALSE(pending_after_fall);
}

} // namespace
} // namespace sim::models
