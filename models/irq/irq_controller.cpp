// SPDX-License-Identifier: Apache-2.0
#include "models/irq/irq_controller.h"

namespace sim::models {

IrqController::IrqController(const sc_core::sc_module_name& name, const IrqControllerConfig& config)
    : sc_core::sc_module(name), config_(config), core_(config.cores),
      latency_(sc_core::sc_time(static_cast<double>(config.delivery_latency), sc_core::SC_PS)) {
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
  last_rise_[c.line] = sc_core::sc_time_stamp();
  sc_core::sc_time at = sc_core::sc_time_stamp() + latency_;
  in_flight_.push_back({at, c.line});
  if (in_flight_.size() == 1) deliver_event_.notify(latency_);
}

void IrqController::deliver() {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  while (!in_flight_.empty() && in_flight_.front().at <= now) {
    const Delivery d = in_flight_.front();
    in_flight_.pop_front();
    // Only the line's latest rise is delivered, and only if the level is still high.
    if (d.at != last_rise_[d.line] + latency_) continue;
    for (const Connection& c : connections_)
      if (c.line == d.line && c.signal->read()) core_.set_level(d.line, true);
  }
  if (!in_flight_.empty()) deliver_event_.notify(in_flight_.front().at - now);
}

} // namespace sim::models
