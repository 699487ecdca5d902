// SPDX-License-Identifier: Apache-2.0
#include "models/mailbox/tcc_mailbox.h"

#include <cstring>

#include "models/common/tlm_util.h"
#include "models/mailbox/mailbox_regs.h"

namespace sim::models {

namespace {

MailboxConfig named(MailboxConfig config, const char* hierarchical_name) {
  if (config.name.empty()) config.name = hierarchical_name;
  return config;
}

} // namespace

TccMailbox::TccMailbox(const sc_core::sc_module_name& name, const MailboxConfig& config)
    : sc_core::sc_module(name), a("a"), b("b"), irq_rx_a("irq_rx_a"), irq_tx_a("irq_tx_a"),
      irq_rx_b("irq_rx_b"), irq_tx_b("irq_tx_b"), link_(named(config, this->name())),
      access_latency_(ps_to_sc(config.access_latency)), irq_latency_(ps_to_sc(config.irq_latency)) {
  a.register_b_transport(this, &TccMailbox::b_transport_a);
  b.register_b_transport(this, &TccMailbox::b_transport_b);
  a.register_transport_dbg(this, &TccMailbox::transport_dbg_a);
  b.register_transport_dbg(this, &TccMailbox::transport_dbg_b);
  link_.on_irq_change([this](Terminal t, IrqKind kind, bool level) { schedule(t, kind, level); });
  link_.on_kick_fault([this](std::size_t index) { kick_fault_fired(index); });
  link_.on_send([this](Terminal t, bool delivered) {
    for (const auto& listener : send_listeners_) listener(t, delivered, access_time_);
  });
  SC_METHOD(drive_pins);
  sensitive << pending_event_;
  dont_initialize();
}

void TccMailbox::transport(Terminal t, tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
  access_time_ = sc_core::sc_time_stamp() + delay;
  delay += access_latency_;
  tlm::tlm_response_status response = check_payload(p, mbox::kWindowBytes);
  if (response != tlm::TLM_OK_RESPONSE) {
    p.set_response_status(response);
    return;
  }
  const auto offset = static_cast<std::uint32_t>(p.get_address());
  const unsigned len = p.get_data_length();
  regs::Status st = regs::Status::kOk;
  if (p.is_read()) {
    std::uint32_t value = 0;
    st = link_.read(t, offset, value, len);
    if (st == regs::Status::kOk) std::memcpy(p.get_data_ptr(), &value, sizeof value);
  } else {
    std::uint32_t value = 0;
    if (len == sizeof value) std::memcpy(&value, p.get_data_ptr(), sizeof value);
    st = link_.write(t, offset, value, len);
  }
  p.set_response_status(to_tlm(st));
}

unsigned TccMailbox::debug(Terminal t, tlm::tlm_generic_payload& p) {
  const std::uint64_t addr = p.get_address();
  const unsigned len = p.get_data_length();
  if (!p.is_read() || addr % 4 != 0 || len % 4 != 0 || addr >= mbox::kWindowBytes ||
      len > mbox::kWindowBytes - addr)
    return 0;
  unsigned done = 0;
  for (; done < len; done += 4) {
    std::uint32_t value = 0;
    if (link_.peek(t, static_cast<std::uint32_t>(addr + done), value) != regs::Status::kOk) break;
    std::memcpy(p.get_data_ptr() + done, &value, sizeof value);
  }
  return done;
}

void TccMailbox::schedule(Terminal t, IrqKind kind, bool level) {
  sc_core::sc_time when = access_time_ + irq_latency_;
  // Keep pin changes in access order even if this access was issued at an earlier local time.
  if (!pending_.empty() && when < pending_.back().when) when = pending_.back().when;
  const bool first = pending_.empty();
  pending_.push_back({when, t, kind, level});
  if (first) pending_event_.notify(when - sc_core::sc_time_stamp());
}

void TccMailbox::drive_pins() {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  while (!pending_.empty() && pending_.front().when <= now) {
    const PinChange& c = pending_.front();
    pin(c.terminal, c.kind).write(c.level);
    for (const PinListener& listener : pin_listeners_) listener(c.terminal, c.kind, c.level, now);
    pending_.pop_front();
  }
  if (!pending_.empty()) pending_event_.notify(pending_.front().when - now);
}

sc_core::sc_out<bool>& TccMailbox::pin(Terminal t, IrqKind kind) {
  if (t == Terminal::kA) return kind == IrqKind::kRx ? irq_rx_a : irq_tx_a;
  return kind == IrqKind::kRx ? irq_rx_b : irq_tx_b;
}

std::size_t TccMailbox::add_kick_fault(Terminal sender, unsigned nth, KickFault action,
                                       sc_core::sc_time delay) {
  const std::size_t index = link_.add_kick_fault(sender, nth, action);
  faults_.push_back({sender, action, delay, {}});
  return index;
}

void TccMailbox::kick_fault_fired(std::size_t index) {
  FaultTiming& f = faults_.at(index);
  f.fired.push_back(access_time_);
  if (f.action != KickFault::kDelay) return;
  // Deliver the held words later, as an access at that time (IRQ changes follow from there).
  const sc_core::sc_time at = access_time_ + f.delay;
  const Terminal sender = f.sender;
  sc_core::sc_spawn(
      [this, at, sender] {
        if (at > sc_core::sc_time_stamp()) sc_core::wait(at - sc_core::sc_time_stamp());
        access_time_ = sc_core::sc_time_stamp();
        link_.deliver_held(sender);
      },
      sc_core::sc_gen_unique_name("mailbox_delayed_kick"));
}

} // namespace sim::models
