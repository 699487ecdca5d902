// SPDX-License-Identifier: Apache-2.0
#pragma once
// Watches an interrupt line: current level and number of rising edges (needs a running kernel for
// edges; the level can be read directly after elaboration via the signal).

#include <systemc>

#include "models/common/sc_compat.h"

namespace sim::test {

class IrqProbe : public sc_core::sc_module {
public:
  sc_core::sc_in<bool> irq;
  unsigned rising_edges = 0;
  unsigned falling_edges = 0;

  SIM_HAS_PROCESS(IrqProbe);
  explicit IrqProbe(const sc_core::sc_module_name& name) : sc_core::sc_module(name), irq("irq") {
    SC_METHOD(on_change);
    sensitive << irq;
    dont_initialize();
  }

  bool level() const { return irq.read(); }

private:
  void on_change() {
    if (irq.read())
      ++rising_edges;
    else
      ++falling_edges;
  }
};

} // namespace sim::test
