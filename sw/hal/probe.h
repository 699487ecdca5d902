// SPDX-License-Identifier: Apache-2.0
#pragma once
// Probes: how software tells the checkers what happened, at no simulated cost. The message ledger
// matches `sent` and `received` events by `id` and compares payload digests. Stage probes mark
// where a message is inside the RPMsg stacks (timing analysis); they name the buffer, since the
// stacks do not know application message ids.

#include <cstdint>
#include <string_view>

namespace sim::hal {

enum class ProbeKind {
  kMessageSent,     ///< an application message left the sender (id, digest of payload)
  kMessageReceived, ///< an application message reached its receiver (id, digest)
  kMessageDropped,  ///< software knows it dropped a message (id, reason)
  kNote,            ///< free-form milestone for traces (`channel created`)
  kStage,           ///< a message passed a point of the stack (`stage`, `address`)
};

/// Points of a message's way through the stacks, in order (ProbeKind::kStage). A stage names the
/// buffer by its address (the rpmsg header's) where the stack knows it; the sender's stages are
/// tied to the application message by the thread that sends it. (The doorbell itself is stamped
/// by the mailbox model, at the register write's own time.)
enum class Stage {
  kSendCalled, ///< the stack's send entry point (rpmsg_send), by the sending thread
  kBuffer,     ///< the sending thread holds a TX buffer (`address`)
  kPublished,  ///< the buffer is in the ring the peer reads: avail / used idx written (`address`)
  kIsr,        ///< the receiver's mailbox RX interrupt handler found a message
  kDrained,    ///< the receiver's stack took the buffer from the ring (`address`)
  kCallback,   ///< the receiver's stack calls the endpoint callback with the buffer (`address`)
};

struct ProbeEvent {
  ProbeKind kind = ProbeKind::kNote;
  std::uint64_t id = 0;             ///< message identity chosen by the sending application
  std::uint64_t digest = 0;         ///< payload digest (payload_digest below)
  std::uint32_t length = 0;         ///< payload bytes
  std::string_view reason;          ///< drop reason or note text
  std::string_view endpoint;        ///< application / endpoint name
  Stage stage = Stage::kSendCalled; ///< kStage only
  std::uint64_t address = 0;        ///< kStage: the buffer, where the stage names one
  /// kMessageSent: the application probes after its send call returned (the Zephyr responders
  /// digest what was sent), so the stages its thread reported just before belong to it.
  bool after_send = false;
};

/// A stage probe.
inline ProbeEvent stage_event(Stage stage, std::uint64_t address = 0) {
  ProbeEvent e;
  e.kind = ProbeKind::kStage;
  e.stage = stage;
  e.address = address;
  return e;
}

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
