// SPDX-License-Identifier: Apache-2.0
#include "models/irq/irq_controller.h"

namespace sim::models {

IrqController::IrqController(const sc_core::sc_module_name& name, const IrqControllerConfig& config)
    : sc_core::sc_module(name), config_(config), core_(config.cores) {
  for (unsigned c = 0; c < config.cores; ++c)
    pending_events_.push_back(std::make_unique<sc_core::sc_event>());
  core_.on_pending([this](unsigned cpu) { pending_events_[cpu]->notify(sc_core::SC_ZERO_TIME); });
  SC_METHOD(deliver);
  sensitive << deliver_event_;
  dont_initialize();
}

void IrqController::connect(unsigned line, const sc_core::sc_signal_in_if<bool>& signal) {
  std::size_t index = connections_.size();
  connections_.push_back({line, &signal});
  sc_core::sc_spawn_options opts;
  opts.spawn_method();
  opts.set_sensitivity(&signal.value_changed_event());
  opts.dont_initialize();
  sc_core::sc_spawn([this, index] { on_line_change(index); }, sc_core::sc_gen_unique_name("line"),
                    &opts);
}

void IrqController::on_line_change(std::size_t index) {
  const Connection& c = connections_[index];
  if (!c.signal->read()) {
    core_.set_level(c.line, false);
    return;
  }
  // Rises travel to the CPU interface; remember the order so simultaneous changes stay ordered.
  sc_core::sc_time at = sc_core::sc_time_stamp() + config_.delivery_latency;
  in_flight_.push_back({at, c.line});
  if (in_flight_.size() == 1) deliver_event_.notify(config_.delivery_latency);
}

void IrqController::deliver() {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  while (!in_flight_.empty() && in_flight_.front().at <= now) {
    unsigned line = in_flight_.front().line;
    in_flight_.pop_front();
    // A level that dropped again while in flight is not delivered.
    for (const Connection& c : connections_)
      if (c.line == line && c.signal->read()) core_.set_level(line, true);
  }
  if (!in_flight_.empty()) deliver_event_.notify(in_flight_.front().at - now);
}

} // namespace sim::models
