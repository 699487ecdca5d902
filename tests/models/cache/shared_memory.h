// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test-only DRAM that several initiators (e.g. two clusters' caches) bind to at once: a byte
// store, a fixed latency, and a log of every b_transport it served. The socket is a plain target
// socket with N = 0 bound to the module itself: multi_passthrough sockets only wire their
// callbacks at the end of elaboration, and these tests never elaborate.

#include <cstdint>
#include <cstring>
#include <vector>

#include <systemc>
#include <tlm>

namespace sim::test {

class SharedMemory : public sc_core::sc_module, private tlm::tlm_fw_transport_if<> {
public:
  struct Access {
    tlm::tlm_command command;
    std::uint64_t address;
    unsigned length;
  };

  tlm::tlm_target_socket<32, tlm::tlm_base_protocol_types, 0> in;
  sc_core::sc_time latency = sc_core::SC_ZERO_TIME;
  std::vector<std::uint8_t> store;
  std::vector<Access> log;

  SharedMemory(const sc_core::sc_module_name& name, std::size_t bytes)
      : sc_core::sc_module(name), in("in"), store(bytes, 0) {
    in.bind(static_cast<tlm::tlm_fw_transport_if<>&>(*this));
  }

  std::uint32_t peek32(std::uint64_t addr) const {
    std::uint32_t v = 0;
    std::memcpy(&v, store.data() + addr, sizeof v);
    return v;
  }
  void poke32(std::uint64_t addr, std::uint32_t v) {
    std::memcpy(store.data() + addr, &v, sizeof v);
  }

private:
  void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) override {
    log.push_back({p.get_command(), p.get_address(), p.get_data_length()});
    p.set_response_status(copy(p) ? tlm::TLM_OK_RESPONSE : tlm::TLM_ADDRESS_ERROR_RESPONSE);
    delay += latency;
  }
  unsigned transport_dbg(tlm::tlm_generic_payload& p) override {
    return copy(p) ? p.get_data_length() : 0;
  }
  bool get_direct_mem_ptr(tlm::tlm_generic_payload&, tlm::tlm_dmi&) override { return false; }
  tlm::tlm_sync_enum nb_transport_fw(tlm::tlm_generic_payload& p, tlm::tlm_phase&,
                                     sc_core::sc_time&) override {
    p.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
    return tlm::TLM_COMPLETED;
  }
  bool copy(tlm::tlm_generic_payload& p) {
    const std::uint64_t addr = p.get_address();
    const unsigned len = p.get_data_length();
    if (addr > store.size() || len > store.size() - addr) return false;
    if (p.is_read()) std::memcpy(p.get_data_ptr(), store.data() + addr, len);
    if (p.is_write()) std::memcpy(store.data() + addr, p.get_data_ptr(), len);
    return true;
  }
};

} // namespace sim::test
