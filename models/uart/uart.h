// SPDX-License-Identifier: Apache-2.0
#pragma once
// Public header of the UART component: the console transmitter (`Uart`) and its pure core.

#include <cstdint>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "models/uart/uart_config.h"
#include "models/uart/uart_core.h"

namespace sim::models {

// TLM shell of a PL011-like console UART (see UartCore for the behaviour).
// Timing: the access time is sc_time_stamp() + the annotated delay; every access adds
// access_latency. A UARTDR write that finds the FIFO full is accepted when a slot frees and the
// wait is added to the annotated delay. That is what software polling UARTFR.TXFF until there is
// room costs, without simulating each poll: Linux's pl011 console_write and Zephyr's
// uart_poll_out both busy-wait like that, so console output really costs the writing core time (a
// first-order effect in the 100-message load).
// TLM: 32-bit accesses only (others: burst error), no byte enables (byte-enable error),
// transport_dbg reads registers without side effects (debug writes are refused: they would
// transmit), no DMI.
class Uart : public sc_core::sc_module {
public:
  using Line = UartCore::Line;
  static constexpr std::uint64_t kRegionSize = 0x1000;

  tlm_utils::simple_target_socket<Uart> in;

  /// The SystemC object is named `cfg.name`.
  explicit Uart(const UartConfig& cfg);

  /// Called for each completed line (see UartCore::on_line).
  void on_line(UartCore::LineCallback callback) { core_.on_line(std::move(callback)); }
  const std::string& output() const { return core_.output(); }
  const std::vector<Line>& lines() const { return core_.lines(); }
  const UartCore& core() const { return core_; }
  UartCore& core() { return core_; }

private:
  Uart(const sc_core::sc_module_name& name, const UartConfig& cfg);

  void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& p);

  UartCore core_;
  sc_core::sc_time access_latency_;
};

} // namespace sim::models
