// SPDX-License-Identifier: Apache-2.0
#pragma once
// The smallest cross-cluster hand-over: the master writes a value into shared memory and rings
// the mailbox; the remote reads the value and rings back. On the reference board the master maps
// the carve-out non-cacheable and the remote write-back cacheable, so the remote must invalidate
// before reading: without it the first round works (the line is not cached yet, the read misses
// and fills from DRAM) and every later round hits the line filled in round one and reads a stale
// value.

#include <cstdint>

#include "sw/hal/hal.h"
#include "sw/platform_info.h"

namespace sim::sw::apps {

struct SharedFlagOptions {
  std::uint64_t flag_addr = 0;
  unsigned rounds = 4;
  /// Reader only: invalidate the flag's cache line before reading it.
  bool invalidate = true;
  /// Writer only: how long to wait for the reader's doorbell before giving up.
  hal::SimTime ack_timeout = 10 * hal::kMs;
};

/// The value the writer publishes in `round` (1-based).
std::uint32_t shared_flag_value(unsigned round);

void shared_flag_writer(hal::Hal& hal, const PlatformInfo& info, const SharedFlagOptions& options);
void shared_flag_reader(hal::Hal& hal, const PlatformInfo& info, const SharedFlagOptions& options);

} // namespace sim::sw::apps
