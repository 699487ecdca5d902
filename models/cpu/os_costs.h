// SPDX-License-Identifier: Apache-2.0
#pragma once
// Costs the OS execution model charges, and its one scheduling knob (from the board's
// `clusters.<side>.os` section).

#include "models/common/units.h"

namespace sim::models {

struct OsCosts {
  Picoseconds context_switch = 1 * kPsPerUs;
  Picoseconds isr_entry = 300 * kPsPerNs;
  Picoseconds isr_exit = 200 * kPsPerNs;
  /// From queue_work on an idle workqueue to its worker running the item.
  Picoseconds workqueue_latency = 10 * kPsPerUs;
  /// DMB/DSB.
  Picoseconds barrier = 20 * kPsPerNs;
  /// A thread that wakes from a wait goes ahead of the ready threads of its priority and preempts
  /// a running one of the same priority: how Linux's CFS treats a sleeper against a CPU-bound
  /// task of the same nice level (its vruntime lags by up to half the scheduling latency, more
  /// than the wakeup granularity). Off: strict FIFO within a priority, as Zephyr schedules.
  bool wakeup_preemption = false;
};

} // namespace sim::models
