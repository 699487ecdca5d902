// SPDX-License-Identifier: Apache-2.0
#pragma once
// Drives a target socket with direct b_transport / transport_dbg calls (no sc_start needed) and
// returns {status, data, delay} so tests can assert on all three.

#include <cstdint>
#include <cstring>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

namespace sim::test {

struct Result {
  tlm::tlm_response_status status = tlm::TLM_INCOMPLETE_RESPONSE;
  std::uint64_t data = 0;
  std::vector<std::uint8_t> bytes;
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  bool ok() const { return status == tlm::TLM_OK_RESPONSE; }
};

class FakeInitiator : public sc_core::sc_module {
public:
  tlm_utils::simple_initiator_socket<FakeInitiator> out;

  explicit FakeInitiator(const sc_core::sc_module_name& name)
      : sc_core::sc_module(name), out("out") {}

  Result read(std::uint64_t addr, unsigned len) {
    Result r;
    r.bytes.assign(len, 0);
    r.status = transport(tlm::TLM_READ_COMMAND, addr, r.bytes.data(), len, r.delay);
    std::memcpy(&r.data, r.bytes.data(), len < 8 ? len : 8);
    return r;
  }
  Result read32(std::uint64_t addr) { return read(addr, 4); }
  Result write(std::uint64_t addr, const void* data, unsigned len) {
    Result r;
    r.bytes.assign(static_cast<const std::uint8_t*>(data),
                   static_cast<const std::uint8_t*>(data) + len);
    r.status = transport(tlm::TLM_WRITE_COMMAND, addr, r.bytes.data(), len, r.delay);
    return r;
  }
  Result write32(std::uint64_t addr, std::uint32_t value) { return write(addr, &value, 4); }
  Result write8(std::uint64_t addr, std::uint8_t value) { return write(addr, &value, 1); }

  /// Debug read/write: returns the byte count the target handled.
  unsigned dbg(tlm::tlm_command cmd, std::uint64_t addr, void* data, unsigned len) {
    tlm::tlm_generic_payload p;
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(static_cast<unsigned char*>(data));
    p.set_data_length(len);
    p.set_streaming_width(len);
    return out->transport_dbg(p);
  }

  /// Raw access with a caller-prepared payload (for byte-enable / streaming tests).
  tlm::tlm_response_status raw(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    out->b_transport(p, delay);
    return p.get_response_status();
  }

private:
  tlm::tlm_response_status transport(tlm::tlm_command cmd, std::uint64_t addr, std::uint8_t* data,
                                     unsigned len, sc_core::sc_time& delay) {
    tlm::tlm_generic_payload p;
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(data);
    p.set_data_length(len);
    p.set_streaming_width(len);
    p.set_byte_enable_ptr(nullptr);
    p.set_dmi_allowed(false);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    out->b_transport(p, delay);
    return p.get_response_status();
  }
};

} // namespace sim::test
