// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a cluster panic reports: kind (mmu_fault, bus_error, software_panic), where and when, and
// the software context (thread, operation, the MMU regions the cluster knows).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sim::models {

/// Every kind a cluster panics with: `mmu_fault` and `bus_error` (an access the memory system
/// refused), `software_panic` (BUG_ON, k_panic, a blocking call in an ISR), `software_exception`
/// (the co-simulated software threw), `firmware_exception` (real firmware on an ISS core took a
/// synchronous exception it cannot handle: an undefined instruction, a data or prefetch abort).
inline constexpr std::array<std::string_view, 5> kPanicKinds = {
    "mmu_fault", "bus_error", "software_panic", "software_exception", "firmware_exception"};

struct PanicInfo {
  std::string cluster;
  std::string kind;
  std::uint64_t address = 0;
  bool has_address = false;
  std::uint64_t time_ps = 0;
  std::string thread;
  std::string context;
};

} // namespace sim::models
