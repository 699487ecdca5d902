// SPDX-License-Identifier: Apache-2.0
#pragma once
// The 40-byte name-service message (struct rpmsg_ns_msg, rpmsg-protocol.md §3.1) sent to address
// 53: name[32], addr, flags (NS_CREATE / NS_DESTROY). Encoding writes at most 31 name characters
// and a NUL; decoding stops at the first NUL and never looks past it, because real senders leave
// stack garbage behind the terminator (openamp-system-reference issue #56). Like Linux, decoding
// never trusts the sender to terminate: at most 31 characters are taken.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "sw/hal/hal.h"
#include "sw/shm/layout.h"

namespace sim::sw::shm {

struct NsMessage {
  std::string name;
  std::uint32_t addr = 0;
  std::uint32_t flags = kRpmsgNsCreate;
};

using NsMessageBytes = std::array<std::uint8_t, kRpmsgNsMsgSize>;

/// Name bytes after the NUL are filled with `pad` (0 like a zeroed struct; tests use other values
/// to mimic uninitialised stack memory).
NsMessageBytes encode_ns_message(const NsMessage& msg, std::uint8_t pad = 0);
/// Parses 40 bytes (the caller checks the rpmsg length first).
NsMessage decode_ns_message(const std::uint8_t* bytes);

/// One 40-byte block transfer at `addr` (normally a buffer's payload address).
void write_ns_message(hal::Hal& hal, hal::Addr addr, const NsMessage& msg);
NsMessage read_ns_message(hal::Hal& hal, hal::Addr addr);

} // namespace sim::sw::shm
