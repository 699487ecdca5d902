// SPDX-License-Identifier: Apache-2.0
#pragma once
// Configuration of one DRAM bank (board `memory:` entry). Base addresses are not here: they belong
// to the router's address map, the memory only sees local offsets.

#include <cstdint>
#include <string>

#include "models/common/units.h"

namespace sim::models {

struct MemoryConfig {
  std::string name;              ///< bank name from the board file, also the SystemC object name
  std::uint64_t size = 0;        ///< bytes
  Picoseconds read_latency = 0;  ///< added to the annotated delay of every read
  Picoseconds write_latency = 0; ///< added to the annotated delay of every write
  std::uint8_t poison = 0;       ///< value of bytes never written (initial fill)
  /// Sizes above this use sparse 4 KiB pages allocated on first write, so a 2 GiB bank costs
  /// nothing until it is used.
  std::uint64_t sparse_threshold = 64ull * 1024 * 1024;
};

} // namespace sim::models
