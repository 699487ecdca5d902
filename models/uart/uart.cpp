// SPDX-License-Identifier: Apache-2.0
#include "models/uart/uart.h"

#include <cstring>

#include "models/common/tlm_util.h"

namespace sim::models {
namespace {

// The core logs under the full hierarchical name, like every other component.
UartConfig with_name(UartConfig cfg, const char* name) {
  cfg.name = name;
  return cfg;
}

} // namespace

Uart::Uart(const UartConfig& cfg) : Uart(sc_core::sc_module_name(cfg.name.c_str()), cfg) {}

// Delegation keeps the sc_module_name alive while the socket is built (see Memory).
Uart::Uart(const sc_core::sc_module_name& name, const UartConfig& cfg)
    : sc_core::sc_module(name), in("in"), core_(with_name(cfg, this->name())),
      access_latency_(ps_to_sc(cfg.access_latency)) {
  in.register_b_transport(this, &Uart::b_transport);
  in.register_transport_dbg(this, &Uart::transport_dbg);
}

void Uart::b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
  const Picoseconds now = sc_to_ps(sc_core::sc_time_stamp() + delay);
  delay += access_latency_;
  tlm::tlm_response_status status = check_payload(p, kRegionSize);
  if (status != tlm::TLM_OK_RESPONSE) {
    p.set_response_status(status);
    return;
  }
  const auto offset = static_cast<std::uint32_t>(p.get_address());
  const unsigned len = p.get_data_length();
  const std::size_t n = len < 4 ? len : 4;
  std::uint32_t value = 0;
  regs::Status st;
  if (p.is_read()) {
    st = core_.read(offset, value, now, len);
    if (st == regs::Status::kOk) std::memcpy(p.get_data_ptr(), &value, n);
  } else {
    std::memcpy(&value, p.get_data_ptr(), n);
    Picoseconds stall = 0;
    st = core_.write(offset, value, now, stall, len);
    delay += ps_to_sc(stall);
  }
  p.set_response_status(to_tlm(st));
}

unsigned Uart::transport_dbg(tlm::tlm_generic_payload& p) {
  if (!p.is_read()) return 0;
  const Picoseconds now = sc_to_ps(sc_core::sc_time_stamp());
  const std::uint64_t addr = p.get_address();
  const unsigned len = p.get_data_length();
  if (addr % 4 != 0 || addr >= kRegionSize) return 0;
  unsigned done = 0;
  for (; done + 4 <= len && addr + done < kRegionSize; done += 4) {
    std::uint32_t value = 0;
    if (core_.peek(static_cast<std::uint32_t>(addr + done), value, now) != regs::Status::kOk) break;
    std::memcpy(p.get_data_ptr() + done, &value, 4);
  }
  return done;
}

} // namespace sim::models
