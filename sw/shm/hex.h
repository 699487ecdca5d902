// SPDX-License-Identifier: Apache-2.0
#pragma once
// "0x%llx" formatting for addresses and values in diagnostics.

#include <cstdint>
#include <cstdio>
#include <string>

namespace sim::sw::shm {

inline std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

} // namespace sim::sw::shm
