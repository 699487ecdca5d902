// SPDX-License-Identifier: Apache-2.0
#pragma once
// A cluster on a tiny bus for OS-model tests: one byte store at kRamBase, every core's cached and
// uncached sockets bound to it (no D-cache: these tests are about scheduling, not coherency), an
// interrupt line the test drives, and an MMU map covering the RAM.

#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_target_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "models/cpu/cluster.h"
#include "models/irq/irq_controller.h"

namespace sim::test {

constexpr std::uint64_t kRamBase = 0x200c0000;
constexpr std::uint64_t kRamSize = 0x10000;
constexpr unsigned kTestIrq = 240;
/// Mapped by every test cluster's MMU but decoded by nothing on the bus.
constexpr std::uint64_t kBusHole = 0x10000000;
constexpr std::uint64_t kConsoleData = kRamBase + kRamSize - 4;

class TestBus : public sc_core::sc_module {
public:
  tlm_utils::multi_passthrough_target_socket<TestBus> in;
  std::vector<std::uint8_t> ram = std::vector<std::uint8_t>(kRamSize, 0);
  sc_core::sc_time latency = sc_core::sc_time(50, sc_core::SC_NS);
  std::function<void(std::uint64_t, unsigned)> on_write;

  explicit TestBus(const sc_core::sc_module_name& name) : sc_core::sc_module(name), in("in") {
    in.register_b_transport(this, &TestBus::b_transport);
  }

private:
  void b_transport(int, tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    std::uint64_t a = p.get_address();
    unsigned len = p.get_data_length();
    if (a < kRamBase || a + len > kRamBase + kRamSize) {
      p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    std::uint8_t* mem = ram.data() + (a - kRamBase);
    if (p.is_read()) {
      std::memcpy(p.get_data_ptr(), mem, len);
    } else {
      std::memcpy(mem, p.get_data_ptr(), len);
      if (on_write) on_write(a, len);
    }
    delay += latency;
    p.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

struct ClusterFixture {
  // Driven by test threads and by handlers silencing the "device": several writers.
  sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS> irq_line;
  std::unique_ptr<models::IrqController> irq;
  std::unique_ptr<models::Cluster> cluster;
  std::unique_ptr<TestBus> bus;

  /// `quantum` is the temporal-decoupling quantum (zero: every HAL step synchronises);
  /// `console_in_ram`: the console's data register is the last word of the RAM (each character
  /// costs a bus write).
  explicit ClusterFixture(unsigned cores = 1, const std::string& name = "remote",
                          bool map_ram = true, sc_core::sc_time quantum = sc_core::SC_ZERO_TIME,
                          bool wakeup_preemption = false, bool console_in_ram = false,
                          const std::function<void(models::ClusterConfig&)>& configure = {})
      : irq_line((name + "_irq_line").c_str()) {
    costs_.wakeup_preemption = wakeup_preemption;
    tlm::tlm_global_quantum::instance().set(quantum);
    models::IrqControllerConfig ic;
    ic.cores = cores;
    irq = std::make_unique<models::IrqController>((name + "_gic").c_str(), ic);
    irq->connect(kTestIrq, irq_line);
    models::ClusterConfig cc;
    cc.cores = cores;
    cc.clock_hz = 1000000000; // 1 ns cycles keep the arithmetic readable
    cc.os = costs_;
    if (map_ram) cc.mmu.add({"ram", kRamBase, kRamSize, models::MemAttr::kNormalNc});
    cc.mmu.add({"hole", kBusHole, 0x1000, models::MemAttr::kNormalNc});
    if (console_in_ram) cc.uart_base = kConsoleData;
    if (configure) configure(cc);
    cluster = std::make_unique<models::Cluster>(name.c_str(), cc, *irq);
    bus = std::make_unique<TestBus>((name + "_bus").c_str());
    for (unsigned i = 0; i < cores; ++i) {
      cluster->cached[i]->bind(bus->in);
      cluster->uncached[i]->bind(bus->in);
    }
    bus->on_write = [this](std::uint64_t a, unsigned len) { cluster->watch().touched(a, len); };
  }

  hal::Hal& hal() { return *cluster; }
  hal::Os& os() { return cluster->os(); }
  const models::OsCosts& costs() const { return costs_; }

private:
  models::OsCosts costs_;
};

/// Drives the test interrupt line from a SystemC thread at given times.
inline void pulse_irq_at(sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS>& line,
                         sc_core::sc_time rise, sc_core::sc_time fall = sc_core::SC_ZERO_TIME) {
  sc_core::sc_spawn(
      [&line, rise, fall] {
        sc_core::wait(rise);
        line.write(true);
        if (fall > rise) {
          sc_core::wait(fall - rise);
          line.write(false);
        }
      },
      sc_core::sc_gen_unique_name("irq_driver"));
}

inline double us(hal::SimTime t) {
  return static_cast<double>(t) / static_cast<double>(hal::kUs);
}

} // namespace sim::test
