// SPDX-License-Identifier: Apache-2.0
#pragma once
// The counters each OS stack keeps (mailbox kicks, timeouts, buffers taken...), by stable name:
// one list feeds report.json's `software` section and the `linux:` / `zephyr:` expectations, so
// a counter added here is reported and checkable at once.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sw/linux/linux.h"
#include "sw/zephyr/zephyr.h"

namespace sim::app {

using Counters = std::vector<std::pair<std::string, std::uint64_t>>;

/// The two OS stacks whose counters a scenario can expect (`linux:`, `zephyr:`).
enum class Stack : std::uint8_t { kLinux, kZephyr };

constexpr const char* stack_name(Stack s) {
  return s == Stack::kLinux ? "linux" : "zephyr";
}

Counters linux_counters(const sw::lnx::LinuxStatus& status);
Counters zephyr_counters(const sw::zephyr::ZephyrStatus& status);

/// The names, for validating expectations before a run.
std::vector<std::string> counter_names(Stack stack);

} // namespace sim::app
