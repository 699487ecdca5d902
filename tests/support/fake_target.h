// SPDX-License-Identifier: Apache-2.0
#pragma once
// Records every payload it receives (command, address, length, data), answers with a programmable
// latency and response, and optionally backs the accesses with a byte store.

#include <cstdint>
#include <cstring>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace sim::test {

class FakeTarget : public sc_core::sc_module {
public:
  struct Access {
    tlm::tlm_command command;
    std::uint64_t address;
    unsigned length;
    std::vector<std::uint8_t> data;
  };

  tlm_utils::simple_target_socket<FakeTarget> in;
  sc_core::sc_time latency = sc_core::SC_ZERO_TIME;
  tlm::tlm_response_status response = tlm::TLM_OK_RESPONSE;
  std::vector<std::uint8_t> store; // backing bytes; empty = reads return zeros
  std::vector<Access> log;

  FakeTarget(const sc_core::sc_module_name& name, std::size_t store_bytes = 0)
      : sc_core::sc_module(name), in("in"), store(store_bytes, 0) {
    in.register_b_transport(this, &FakeTarget::b_transport);
    in.register_transport_dbg(this, &FakeTarget::transport_dbg);
  }

  std::size_t count(tlm::tlm_command cmd) const {
    std::size_t n = 0;
    for (const auto& a : log) n += a.command == cmd ? 1 : 0;
    return n;
  }

private:
  void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    Access a{p.get_command(), p.get_address(), p.get_data_length(), {}};
    if (p.get_command() == tlm::TLM_WRITE_COMMAND)
      a.data.assign(p.get_data_ptr(), p.get_data_ptr() + p.get_data_length());
    copy(p);
    log.push_back(std::move(a));
    delay += latency;
    p.set_response_status(response);
  }

  unsigned transport_dbg(tlm::tlm_generic_payload& p) {
    copy(p);
    return p.get_data_length();
  }

  void copy(tlm::tlm_generic_payload& p) {
    std::uint64_t addr = p.get_address();
    unsigned len = p.get_data_length();
    bool in_store = addr + len <= store.size();
    if (p.get_command() == tlm::TLM_READ_COMMAND) {
      if (in_store)
        std::memcpy(p.get_data_ptr(), store.data() + addr, len);
      else
        std::memset(p.get_data_ptr(), 0, len);
    } else if (p.get_command() == tlm::TLM_WRITE_COMMAND && in_store) {
      std::memcpy(store.data() + addr, p.get_data_ptr(), len);
    }
  }
};

} // namespace sim::test
