// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared TLM-2.0 target checks (STYLE §7): every target validates a payload the same way and maps
// register-bank statuses to TLM responses in one place.

#include <systemc>
#include <tlm>

#include "models/common/regs/register_bank.h"

namespace sim {

/// Checks length/overflow against a target of `size` bytes, streaming width and byte enables.
/// Returns TLM_OK_RESPONSE when the transaction may proceed, else the response to set.
inline tlm::tlm_response_status check_payload(const tlm::tlm_generic_payload& p, std::uint64_t size,
                                              bool byte_enables_supported = false) {
  const std::uint64_t addr = p.get_address();
  const std::uint64_t len = p.get_data_length();
  if (len == 0 || addr >= size || len > size - addr) return tlm::TLM_ADDRESS_ERROR_RESPONSE;
  if (p.get_streaming_width() < len) return tlm::TLM_BURST_ERROR_RESPONSE;
  if (p.get_byte_enable_ptr() != nullptr && !byte_enables_supported)
    return tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE;
  if (p.get_command() == tlm::TLM_IGNORE_COMMAND) return tlm::TLM_COMMAND_ERROR_RESPONSE;
  return tlm::TLM_OK_RESPONSE;
}

inline tlm::tlm_response_status to_tlm(regs::Status status) {
  switch (status) {
  case regs::Status::kOk:
    return tlm::TLM_OK_RESPONSE;
  case regs::Status::kAddressError:
    return tlm::TLM_ADDRESS_ERROR_RESPONSE;
  case regs::Status::kAccessError:
    return tlm::TLM_COMMAND_ERROR_RESPONSE;
  case regs::Status::kSizeError:
    return tlm::TLM_BURST_ERROR_RESPONSE;
  }
  return tlm::TLM_GENERIC_ERROR_RESPONSE;
}

inline sc_core::sc_time ps_to_sc(std::uint64_t ps) {
  return sc_core::sc_time(static_cast<double>(ps), sc_core::SC_PS);
}

inline std::uint64_t sc_to_ps(const sc_core::sc_time& t) {
  return static_cast<std::uint64_t>(t.to_seconds() * 1e12 + 0.5);
}

} // namespace sim
