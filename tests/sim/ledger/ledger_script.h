// SPDX-License-Identifier: Apache-2.0
#pragma once
// Drives a Ledger with the probes a stack would report, step by step, so a test reads as the
// story of a message: sent, published, taken, handed... Times are in nanoseconds here.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/ledger/ledger.h"

namespace sim::app::test {

inline std::vector<std::uint8_t> bytes(const std::string& text) {
  return std::vector<std::uint8_t>(text.begin(), text.end());
}

class LedgerScript {
public:
  /// One side's stack; `thread` names the thread the probes come from.
  struct Peer {
    LedgerScript& s;
    Side side;
    std::string thread;

    void start(std::uint32_t src, std::uint32_t dst, const std::string& payload, std::uint64_t ns) {
      s.probe(
          *this,
          hal::message_event(hal::ProbeKind::kTxStart, 0, src, dst, payload.data(), payload.size()),
          ns);
    }
    void buffer(std::uint64_t addr, std::uint64_t ns) {
      s.probe(*this, hal::buffer_event(hal::ProbeKind::kTxBuffer, addr), ns);
    }
    void publish(std::uint64_t addr, std::uint32_t src, std::uint32_t dst,
                 const std::string& payload, std::uint64_t ns, const char* ring = "vring1") {
      hal::ProbeEvent e = hal::message_event(hal::ProbeKind::kTxPublished, addr, src, dst,
                                             payload.data(), payload.size());
      e.name = ring;
      s.probe(*this, e, ns);
    }
    /// start + buffer + publish at once.
    void send(std::uint64_t addr, std::uint32_t src, std::uint32_t dst, const std::string& payload,
              std::uint64_t ns) {
      start(src, dst, payload, ns);
      buffer(addr, ns);
      publish(addr, src, dst, payload, ns + 1);
    }
    void fail(const char* reason, std::uint64_t ns) {
      s.probe(*this, hal::drop_event(hal::ProbeKind::kTxFailed, reason), ns);
    }
    void take(std::uint64_t addr, std::uint64_t ns) {
      s.probe(*this, hal::buffer_event(hal::ProbeKind::kRxTaken, addr), ns);
    }
    void hand(std::uint64_t addr, std::uint32_t src, std::uint32_t dst, const std::string& payload,
              std::uint64_t ns) {
      s.probe(*this,
              hal::message_event(hal::ProbeKind::kRxHanded, addr, src, dst, payload.data(),
                                 payload.size()),
              ns);
    }
    /// take + hand at once.
    void receive(std::uint64_t addr, std::uint32_t src, std::uint32_t dst,
                 const std::string& payload, std::uint64_t ns) {
      take(addr, ns);
      hand(addr, src, dst, payload, ns + 1);
    }
    void rx_drop(std::uint64_t addr, const char* reason, std::uint32_t dst, std::uint32_t len,
                 std::uint8_t fields, std::uint64_t ns) {
      hal::ProbeEvent e = hal::drop_event(hal::ProbeKind::kRxDropped, reason);
      e.address = addr;
      e.dst = dst;
      e.length = len;
      e.fields = fields;
      s.probe(*this, e, ns);
    }
    void idle(std::uint64_t ns) { s.probe(*this, hal::signal_event(hal::ProbeKind::kRxIdle), ns); }
    void boot(std::uint64_t ns) { s.probe(*this, hal::signal_event(hal::ProbeKind::kBoot), ns); }
    void isr(std::uint64_t ns) { s.probe(*this, hal::signal_event(hal::ProbeKind::kRxIsr), ns); }
    void kick_lost(std::uint64_t ns) {
      s.probe(*this, hal::signal_event(hal::ProbeKind::kKickLost), ns);
    }
    void held(std::uint32_t ept, const std::string& payload, const char* where, std::uint64_t ns) {
      hal::ProbeEvent e =
          hal::app_event(hal::ProbeKind::kAppHeld, ept, payload.data(), payload.size());
      e.name = where;
      s.probe(*this, e, ns);
    }
    void consumed(std::uint32_t ept, const std::string& payload, std::uint64_t ns) {
      s.probe(*this,
              hal::app_event(hal::ProbeKind::kAppConsumed, ept, payload.data(), payload.size()),
              ns);
    }
    /// The application lost a message it kept in `where`.
    void app_drop(std::uint32_t ept, const std::string& payload, const char* where,
                  const char* reason, std::uint64_t ns) {
      hal::ProbeEvent e =
          hal::app_event(hal::ProbeKind::kAppDropped, ept, payload.data(), payload.size());
      e.name = where;
      e.reason = reason;
      s.probe(*this, e, ns);
    }
    /// The application's callback refused the message it was handed.
    void refuse(std::uint32_t ept, const std::string& payload, const char* reason,
                std::uint64_t ns) {
      app_drop(ept, payload, "", reason, ns);
    }
    /// The driver accepted a notification for the peer (it may still be queued).
    void kick_request(std::uint64_t ns) {
      s.probe(*this, hal::signal_event(hal::ProbeKind::kKick), ns);
    }
    void announce(std::uint64_t addr, const std::string& name, std::uint32_t ept,
                  std::uint64_t ns) {
      std::string ns_msg(40, '\0');
      ns_msg.replace(0, name.size(), name);
      for (int i = 0; i < 4; ++i) ns_msg[32 + i] = static_cast<char>((ept >> (8 * i)) & 0xff);
      send(addr, ept, 53, ns_msg, ns);
    }
  };

  Peer master{*this, Side::kMaster, "kworker"};
  Peer remote{*this, Side::kRemote, "rpmsg_mng_task"};

  /// The mailbox: `sender` rang (or lost) a doorbell; `receiver`'s RX pin changed.
  void kick(Side sender, std::uint64_t ns, bool delivered = true) {
    ledger.on_kick(sender, delivered, ns * 1000);
  }
  void rx_irq(Side receiver, bool level, std::uint64_t ns) {
    ledger.on_rx_irq(receiver, level, ns * 1000);
  }

  /// Ends the run and returns the records.
  std::vector<Ledger::Record> finish(std::uint64_t ns, std::vector<Side> halted = {}) {
    ledger.finish(ns * 1000, halted);
    return ledger.records();
  }
  LedgerSummary summary() { return ledger.summary(); }

  Ledger ledger;

private:
  void probe(const Peer& peer, const hal::ProbeEvent& e, std::uint64_t ns) {
    ledger.on_probe(peer.side, peer.thread, e, ns * 1000);
  }
};

inline constexpr std::uint64_t kEchoBuffer = 0x200ca000;

/// Request `n` from the master (kicked, raised, taken by the remote's stack, consumed by its
/// application after `app_delay`) and its echo back. Times in ns.
inline void script_echo_round(LedgerScript& s, unsigned n, std::uint64_t t0,
                              std::uint64_t isr_delay) {
  const std::uint64_t buf = 0x200cb000 + 0x200 * n;
  const std::string p = "request " + std::to_string(n);
  s.master.start(0x400, 0x400, p, t0);
  s.master.buffer(buf, t0 + 1);
  s.master.publish(buf, 0x400, 0x400, p, t0 + 2);
  s.kick(Side::kMaster, t0 + 3);
  s.rx_irq(Side::kRemote, true, t0 + 3);
  s.remote.isr(t0 + 3 + isr_delay);
  s.rx_irq(Side::kRemote, false, t0 + 3 + isr_delay);
  s.remote.take(buf, t0 + 4 + isr_delay);
  s.remote.hand(buf, 0x400, 0x400, p, t0 + 5 + isr_delay);
  s.remote.held(0x400, p, "queue", t0 + 5 + isr_delay);
  s.remote.consumed(0x400, p, t0 + 6 + isr_delay);
  s.remote.start(0x400, 0x400, p, t0 + 7 + isr_delay);
  s.remote.publish(kEchoBuffer, 0x400, 0x400, p, t0 + 7 + isr_delay, "vring0");
  s.master.receive(kEchoBuffer, 0x400, 0x400, p, t0 + 9 + isr_delay);
}

} // namespace sim::app::test
