// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the parts of FirmwareCpu (firmware_cpu.cpp, _faults.cpp, _polls.cpp) share: architectural
// constants (ESR_EL1 fields, Arm ARM D17.2.37) and small helpers. Internal to models/iss.

#include <cstdint>
#include <sstream>
#include <string>

#include "models/cpu/mmu_map.h"
#include "models/iss/page_walk.h"

namespace sim::models::iss::detail {

constexpr std::uint64_t kPage = 4096;
/// PL011 UARTFR and its TXFF bit (PrimeCell UART PL011 TRM: the transmit FIFO is full).
constexpr std::uint64_t kUartFr = 0x018;
constexpr std::uint32_t kUartFrTxff = 1u << 5;
constexpr std::uint64_t kPstateI = 1u << 7;
/// ESR_EL1 fields (Arm ARM D17.2.37): EC [31:26], IL [25] (a 32-bit instruction), ISS.
constexpr std::uint32_t kEsrIl = 1u << 25;
constexpr std::uint32_t kEcUnknown = 0x00, kEcSvc = 0x15, kEcInstructionAbort = 0x21,
                        kEcDataAbort = 0x25, kEcBrk = 0x3c;
constexpr std::uint32_t kIssWnR = 1u << 6;
/// DFSC of a synchronous external abort: an access no memory answered.
constexpr std::uint32_t kDfscExternal = 0x10;
/// DCZID_EL0.BS of unicorn's A53: 2^4 words, the 64-byte block DC ZVA zeroes.
constexpr unsigned kZvaBlock = 64;
/// At most this many different shared reads in a quantum make a poll's signature.
constexpr std::size_t kPollReads = 32;
/// Quanta with the same reads before a poll is slept through.
constexpr unsigned kPollQuanta = 3;
/// A poll step that is a DC operation on a line: its `size` is this plus the DcOp kind.
constexpr unsigned kPollMaintenance = 0x10000;

inline std::string hex(std::uint64_t v) {
  std::ostringstream s;
  s << "0x" << std::hex << v;
  return s.str();
}

inline std::uint32_t esr(std::uint32_t ec, std::uint32_t iss) {
  return (ec << 26) | kEsrIl | (iss & 0x1ffffff);
}

inline MemAttr attr_of(MemType type) {
  switch (type) {
  case MemType::kNormalWriteBack:
    return MemAttr::kNormalWb;
  case MemType::kNormalNonCacheable:
  // Write-through is not in the D-cache model (write-back only): its writes reach memory at once,
  // which non-cacheable models; its cached reads are not modelled (inferred, docs/models/iss.md).
  case MemType::kNormalWriteThrough:
    return MemAttr::kNormalNc;
  case MemType::kDevice:
  default:
    return MemAttr::kDevice;
  }
}

} // namespace sim::models::iss::detail
