// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a cluster panic reports: kind (mmu_fault, bus_error, software_panic), where and when, and
// the software context (thread, operation, the MMU regions the cluster knows).

#include <cstdint>
#include <string>

namespace sim::models {

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
