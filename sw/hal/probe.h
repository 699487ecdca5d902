// SPDX-License-Identifier: Apache-2.0
#pragma once
// Probes: how software tells the checkers what it did, at no simulated cost (DESIGN §5, the
// message ledger). The vocabulary is the wire's, never an application's: a stack reports the
// rpmsg header it wrote or read (src, dst, len), the payload bytes, and the buffer's address. The
// ledger derives every message's identity from those, so it covers software that knows nothing
// of it; applications report only what happens to a message after the endpoint callback, and
// only those that keep messages past the callback (a slot, a queue, a held buffer).
//
// Every event is synchronous: `data` points at bytes valid only during the call.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sim::hal {

enum class ProbeKind {
  kNote, ///< free-form milestone for traces (`reason`)
  /// The software on this cluster (re)started: whatever its previous instance held is gone.
  kBoot,

  // --- transport: what an RPMsg stack (or a bare program that is its own stack) did ----------
  kTxStart,     ///< the stack's send entry point: `src`, `dst`, the caller's payload
  kTxBuffer,    ///< the send on this thread holds TX buffer `address`
  kTxPublished, ///< buffer `address` is in the ring the peer reads: header and payload as written
  kTxFailed,    ///< the send on this thread gave up, with `reason` (drop reasons below)
  kKick,        ///< the driver accepted a notification for the peer (written, or queued)
  kKickLost,    ///< a notification this side sent never left (mailbox busy, queue full)
  kRxIsr,       ///< the mailbox RX interrupt handler took a notification
  kRxTaken,     ///< the receiving stack took buffer `address` from the ring
  kRxHanded,    ///< ... read it (the header `fields` and the payload) and called the endpoint
  kRxDropped,   ///< ... read (part of) its header and dropped it, with `reason`
  kRxIdle,      ///< the receive loop stopped taking buffers (ring empty, or an error)

  // --- application level: what became of a message after its endpoint callback --------------
  kAppHeld,     ///< kept for later in `name` ("slot", "queue", "held buffer"): `dst`, payload
  kAppConsumed, ///< the application took it (`dst` its endpoint, the payload as it holds it)
  /// The application lost it, with `reason`: one it kept (`name`: where), or, with no `name`,
  /// the one its callback is refusing.
  kAppDropped,
};

/// Which rpmsg header fields an RX event carries (a stack that dropped a message may have read
/// only some of them).
enum HeaderField : std::uint8_t {
  kFieldSrc = 1,
  kFieldDst = 2,
  kFieldLen = 4,
  kAllFields = kFieldSrc | kFieldDst | kFieldLen,
};

struct ProbeEvent {
  ProbeKind kind = ProbeKind::kNote;
  std::uint64_t address = 0;        ///< the buffer: its rpmsg header's address
  std::uint32_t src = 0;            ///< rpmsg header source address
  std::uint32_t dst = 0;            ///< rpmsg header destination (application events: the endpoint)
  std::uint32_t length = 0;         ///< payload bytes (the header's len)
  const void* data = nullptr;       ///< the payload (`length` bytes), where the event has it
  std::uint8_t fields = kAllFields; ///< RX events: the header fields read
  std::string_view reason;          ///< drop reason or note text
  /// kTxPublished: the ring it went into ("vring1"). kAppHeld, kAppDropped: where the application
  /// keeps (kept) it.
  std::string_view name;
  /// kTxStart, kTxPublished of a bare program (its own transport): its channel's name. A
  /// stack's channels are named by the name service instead.
  std::string_view channel;
};

// --- constructors, so that call sites read as what they report --------------------------------

inline ProbeEvent note_event(std::string_view text) {
  ProbeEvent e;
  e.reason = text;
  return e;
}

/// kTxStart, kTxPublished, kRxHanded: a header and its payload.
inline ProbeEvent message_event(ProbeKind kind, std::uint64_t address, std::uint32_t src,
                                std::uint32_t dst, const void* data, std::size_t len) {
  ProbeEvent e;
  e.kind = kind;
  e.address = address;
  e.src = src;
  e.dst = dst;
  e.data = data;
  e.length = static_cast<std::uint32_t>(len);
  return e;
}

/// kTxBuffer, kRxTaken: a buffer by address.
inline ProbeEvent buffer_event(ProbeKind kind, std::uint64_t address) {
  ProbeEvent e;
  e.kind = kind;
  e.address = address;
  return e;
}

/// kTxFailed, kAppDropped (with dst and payload), kRxDropped (with the header fields read).
inline ProbeEvent drop_event(ProbeKind kind, std::string_view reason) {
  ProbeEvent e;
  e.kind = kind;
  e.reason = reason;
  return e;
}

/// kBoot, kKick, kKickLost, kRxIsr, kRxIdle.
inline ProbeEvent signal_event(ProbeKind kind) {
  ProbeEvent e;
  e.kind = kind;
  return e;
}

/// kAppHeld, kAppConsumed, kAppDropped: the application behind endpoint `endpoint` and the
/// message as it holds it.
inline ProbeEvent app_event(ProbeKind kind, std::uint32_t endpoint, const void* data,
                            std::size_t len) {
  ProbeEvent e = message_event(kind, 0, 0, endpoint, data, len);
  e.fields = kFieldDst;
  return e;
}

/// FNV-1a over the payload: what the ledger identifies payloads by.
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
