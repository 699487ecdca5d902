// SPDX-License-Identifier: Apache-2.0
#pragma once
// TccMailbox: SystemC/TLM-2.0 shell around MailboxLink (one TCC807x v2 mailbox, two terminals).
//
// Sockets `a` and `b` are the two terminals' 0x100-byte register windows (on TCC807x `a` is the MP
// view at 0x1746_0000, `b` the SP view at 0x1747_0000; the router maps them). Pins `irq_rx_a`,
// `irq_tx_a`, `irq_rx_b`, `irq_tx_b` are level-high interrupt outputs (TCC807x: main GIC SPI
// 240/241, sub GIC SPI 242/243).
//
// Timing (loosely timed): b_transport never waits; it adds `access_latency` to the annotated
// delay. The register access takes effect at its issue time (sc_time_stamp() + incoming delay),
// and an interrupt level change it causes reaches the pin `irq_latency` later. Pin changes are
// applied in the order the accesses happened: a change is never scheduled before an earlier one,
// even when temporally decoupled initiators issue accesses with decreasing local times.
// TLM features: aligned 32-bit accesses only (other lengths or alignment: burst error; byte
// enables: byte-enable error); debug reads (transport_dbg) of whole words without side effects;
// debug writes are refused (every writable register has side effects); no DMI.

#include <deque>
#include <functional>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "models/common/sc_compat.h"
#include "models/mailbox/mailbox_config.h"
#include "models/mailbox/mailbox_link.h"

namespace sim::models {

class TccMailbox : public sc_core::sc_module {
public:
  tlm_utils::simple_target_socket<TccMailbox> a;
  tlm_utils::simple_target_socket<TccMailbox> b;
  sc_core::sc_out<bool> irq_rx_a;
  sc_core::sc_out<bool> irq_tx_a;
  sc_core::sc_out<bool> irq_rx_b;
  sc_core::sc_out<bool> irq_tx_b;

  SIM_HAS_PROCESS(TccMailbox);
  /// An empty config.name is replaced by this module's hierarchical name (log component).
  TccMailbox(const sc_core::sc_module_name& name, const MailboxConfig& config = MailboxConfig());

  MailboxLink& link() { return link_; }
  const MailboxLink& link() const { return link_; }
  /// Pin changes scheduled but not yet applied (for tests and end-of-run checks).
  std::size_t pending_irq_changes() const { return pending_.size(); }

  /// Adds a listener called when a terminal sends a message, with the send's issue time;
  /// `delivered` is false for a message a fault dropped (MailboxLink::on_send).
  using SendListener = std::function<void(Terminal, bool delivered, sc_core::sc_time)>;
  void on_send(SendListener callback) { send_listeners_.push_back(std::move(callback)); }
  /// Adds a listener called when an interrupt pin changes level (at the pin's time).
  using PinListener = std::function<void(Terminal, IrqKind, bool level, sc_core::sc_time)>;
  void on_pin_change(PinListener listener) { pin_listeners_.push_back(std::move(listener)); }

  /// Fault injection (MailboxLink::add_kick_fault); a kDelay fault delivers the held message
  /// `delay` after the send. Returns the fault's index for fired_times().
  std::size_t add_kick_fault(Terminal sender, unsigned nth, KickFault action,
                             sc_core::sc_time delay = sc_core::SC_ZERO_TIME);
  /// When fault `index` acted (the issue time of the send it acted on).
  const std::vector<sc_core::sc_time>& fired_times(std::size_t index) const {
    return faults_.at(index).fired;
  }

private:
  struct PinChange {
    sc_core::sc_time when;
    Terminal terminal;
    IrqKind kind;
    bool level;
  };

  void b_transport_a(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    transport(Terminal::kA, p, delay);
  }
  void b_transport_b(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    transport(Terminal::kB, p, delay);
  }
  unsigned transport_dbg_a(tlm::tlm_generic_payload& p) { return debug(Terminal::kA, p); }
  unsigned transport_dbg_b(tlm::tlm_generic_payload& p) { return debug(Terminal::kB, p); }

  void transport(Terminal t, tlm::tlm_generic_payload& p, sc_core::sc_time& delay);
  unsigned debug(Terminal t, tlm::tlm_generic_payload& p);
  void schedule(Terminal t, IrqKind kind, bool level);
  void drive_pins();
  sc_core::sc_out<bool>& pin(Terminal t, IrqKind kind);

  struct FaultTiming {
    Terminal sender;
    KickFault action;
    sc_core::sc_time delay;
    std::vector<sc_core::sc_time> fired;
  };
  void kick_fault_fired(std::size_t index);

  MailboxLink link_;
  std::vector<FaultTiming> faults_;
  std::vector<SendListener> send_listeners_;
  std::vector<PinListener> pin_listeners_;
  sc_core::sc_time access_latency_;
  sc_core::sc_time irq_latency_;
  sc_core::sc_time access_time_; ///< issue time of the access being served
  std::deque<PinChange> pending_;
  sc_core::sc_event pending_event_;
};

} // namespace sim::models
