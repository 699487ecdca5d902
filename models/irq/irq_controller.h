// SPDX-License-Identifier: Apache-2.0
#pragma once
// SystemC shell of the per-cluster interrupt controller. Device IRQ wires (level signals) are
// connected by line number; a rising level reaches the cores `delivery_latency` later (distributor
// to CPU interface), a falling level takes effect at once so a handler that silenced its device is
// not re-entered spuriously. Cores wait on pending_event(core) and use the core's
// acknowledge / end_of_interrupt like a GIC CPU interface. No bus registers: the OS model
// programs enables and routing directly, as the kernels' irqchip drivers would.

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <systemc>

#include "models/common/sc_compat.h"
#include "models/common/units.h"
#include "models/irq/irq_controller_core.h"

namespace sim::models {

struct IrqControllerConfig {
  unsigned cores = 1;
  Picoseconds delivery_latency = 20 * kPsPerNs;
};

class IrqController : public sc_core::sc_module {
public:
  SIM_HAS_PROCESS(IrqController);
  IrqController(const sc_core::sc_module_name& name, const IrqControllerConfig& config);

  /// Connects a device's level signal to `line` (elaboration time).
  void connect(unsigned line, const sc_core::sc_signal_in_if<bool>& signal);

  IrqControllerCore& core() { return core_; }
  const IrqControllerCore& core() const { return core_; }
  /// Notified when `cpu` may have a new pending interrupt.
  const sc_core::sc_event& pending_event(unsigned cpu) const { return *pending_events_.at(cpu); }

private:
  struct Connection {
    unsigned line;
    const sc_core::sc_signal_in_if<bool>* signal;
  };
  struct Delivery {
    sc_core::sc_time at;
    unsigned line;
  };
  void on_line_change(std::size_t index);
  void deliver();

  IrqControllerConfig config_;
  IrqControllerCore core_;
  std::vector<Connection> connections_;
  std::deque<Delivery> in_flight_;
  /// Time of each line's latest rise: only that rise is delivered (a rise, fall, rise within the
  /// latency must not arrive early through the first rise's slot).
  std::map<unsigned, sc_core::sc_time> last_rise_;
  sc_core::sc_time latency_;
  sc_core::sc_event deliver_event_;
  std::vector<std::unique_ptr<sc_core::sc_event>> pending_events_;
};

} // namespace sim::models
