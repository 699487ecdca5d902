// SPDX-License-Identifier: Apache-2.0
#pragma once
// ipcsim's probe port (issue 14): what became of a message after its endpoint callback, told by
// the firmware's own application, for the message ledger. The wire (firmware_wire.h) sees a
// message handed to its endpoint; only the application knows whether it kept it (a slot, a
// queue), took it, or lost it (overwritten in its slot). Modelled applications report that with
// probes (kAppHeld, kAppConsumed, kAppDropped); firmware built for ipcsim writes the same to a
// 4 KiB page that exists only in the simulator (clusters.remote.core.probe_port;
// firmware/bsp/ipcsim_probe.h is the firmware's side). Firmware that never writes there loses
// nothing: its messages count as delivered when handed to the endpoint.
//
// Registers (32-bit stores, little-endian):
//   0x00 DST     the endpoint's address
//   0x04 LEN     the payload's length
//   0x08 DATA    the payload's address (0x0c: its upper 32 bits), read when EVENT is written
//   0x10 WHERE   the address of a NUL-terminated name of where it is kept ("rx_sc_msg slot",
//                "queue"; 0: nowhere), at most 63 characters (0x14: upper 32 bits)
//   0x20 REASON  the address of the drop reason's name (hal::drop: "slot_overwritten",
//                "queue_full", ...; 0x24: upper 32 bits)
//   0x18 EVENT   1 kept, 2 taken (consumed), 3 lost: reports the message with the fields above;
//                4 kick sent, 5 kick lost: the platform's notify accepted a kick for the peer or
//                found the mailbox busy and dropped it (the modelled stacks' kKick, kKickLost)
// An unknown event, place or reason is counted as an error, never guessed.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sw/hal/probe.h"

namespace sim::app {

class FirmwareProbePort {
public:
  static constexpr std::uint64_t kDst = 0x00, kLen = 0x04, kDataLo = 0x08, kDataHi = 0x0c,
                                 kWhereLo = 0x10, kWhereHi = 0x14, kEvent = 0x18, kReasonLo = 0x20,
                                 kReasonHi = 0x24;
  /// Reads the firmware's memory as its core sees it; false when nothing answers.
  using Peek = std::function<bool(std::uint64_t addr, void* out, std::size_t len)>;
  using Report = std::function<void(const hal::ProbeEvent&)>;

  FirmwareProbePort(Peek peek, Report report)
      : peek_(std::move(peek)), report_(std::move(report)) {}

  void write(std::uint64_t offset, std::uint32_t value);

  /// Messages reported (events 1 to 3).
  std::uint64_t events() const { return events_; }
  std::uint64_t kicks() const { return kicks_; }
  std::uint64_t kicks_lost() const { return kicks_lost_; }
  /// Writes that made no sense (an unknown register, event or reason, a missing place, an
  /// unreadable payload or name).
  std::uint64_t errors() const { return errors_; }

private:
  Peek peek_;
  Report report_;
  /// The NUL-terminated string at `addr` (at most 63 characters), or nothing.
  std::optional<std::string> read_name(std::uint64_t addr) const;

  std::uint32_t dst_ = 0, len_ = 0;
  std::uint64_t data_ = 0, where_ = 0, reason_ = 0;
  std::vector<std::uint8_t> payload_;
  std::string where_name_, reason_name_; ///< what the reported event's views point to
  std::uint64_t events_ = 0, errors_ = 0, kicks_ = 0, kicks_lost_ = 0;
};

} // namespace sim::app
