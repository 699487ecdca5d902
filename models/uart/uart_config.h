// SPDX-License-Identifier: Apache-2.0
#pragma once
// Configuration of one console UART (board `clusters.<side>.uart`). The base address belongs to
// the router's address map.

#include <cstdint>
#include <string>

#include "models/common/units.h"

namespace sim::models {

struct UartConfig {
  std::string name;            ///< SystemC object name (also the log component of the core)
  std::uint64_t baud = 115200; ///< bits per second on the wire
  unsigned bits_per_char = 10; ///< 8N1: start + 8 data + stop
  unsigned fifo_depth = 32;    ///< [INF] PL011 r1p5 transmit FIFO depth
  Picoseconds access_latency = 20 * kPsPerNs; ///< added to every register access
};

} // namespace sim::models
