// SPDX-License-Identifier: Apache-2.0
#pragma once
// Costs the OS execution model charges (from the board's `clusters.<side>.os` section).

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
};

} // namespace sim::models
