// SPDX-License-Identifier: Apache-2.0
#pragma once
// Simulated time as seen by software: picoseconds since simulation start.

#include <cstdint>

namespace sim::hal {

using SimTime = std::uint64_t;

inline constexpr SimTime kNs = 1000;
inline constexpr SimTime kUs = 1000 * kNs;
inline constexpr SimTime kMs = 1000 * kUs;
inline constexpr SimTime kSec = 1000 * kMs;
/// Timeout meaning "wait forever" (K_FOREVER, MAX_SCHEDULE_TIMEOUT).
inline constexpr SimTime kForever = ~static_cast<SimTime>(0);
/// Timeout meaning "do not wait" (K_NO_WAIT).
inline constexpr SimTime kNoWait = 0;

} // namespace sim::hal
