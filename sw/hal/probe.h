// SPDX-License-Identifier: Apache-2.0
#pragma once
// Probes: how software tells the checkers what happened, at no simulated cost. The message ledger
// matches `sent` and `received` events by `id` and compares payload digests.

#include <cstdint>
#include <string_view>

namespace sim::hal {

enum class ProbeKind {
  kMessageSent,     ///< an application message left the sender (id, digest of payload)
  kMessageReceived, ///< an application message reached its receiver (id, digest)
  kMessageDropped,  ///< software knows it dropped a message (id, reason)
  kNote,            ///< free-form milestone for traces (`channel created`)
};

struct ProbeEvent {
  ProbeKind kind = ProbeKind::kNote;
  std::uint64_t id = 0;      ///< message identity chosen by the sending application
  std::uint64_t digest = 0;  ///< payload digest (payload_digest below)
  std::uint32_t length = 0;  ///< payload bytes
  std::string_view reason;   ///< drop reason or note text
  std::string_view endpoint; ///< application / endpoint name
};

/// FNV-1a over the payload: both sides compute it the same way.
inline std::uint64_t payload_digest(const void* data, std::size_t len) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i < len; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

} // namespace sim::hal
