// SPDX-License-Identifier: Apache-2.0
#pragma once
// An interrupt wire: a level-only boolean signal with a name (STYLE §7). Receivers derive edges.

#include <systemc>

namespace sim {

class IrqLine : public sc_core::sc_signal<bool> {
public:
  explicit IrqLine(const char* name) : sc_core::sc_signal<bool>(name, false) {}
};

} // namespace sim
