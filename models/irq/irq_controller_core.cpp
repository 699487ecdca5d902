// SPDX-License-Identifier: Apache-2.0
#include "models/irq/irq_controller_core.h"

#include <stdexcept>
#include <string>

namespace sim::models {

void IrqControllerCore::notify(unsigned core) {
  if (on_pending_ && pending_for(core)) on_pending_(core);
}

void IrqControllerCore::set_level(unsigned n, bool level) {
  Line& l = line(n);
  if (level && !l.level) ++l.stats.assertions;
  l.level = level;
  if (level) notify(l.target);
}

void IrqControllerCore::enable(unsigned n, bool enabled) {
  Line& l = line(n);
  l.enabled = enabled;
  if (enabled) notify(l.target);
}

void IrqControllerCore::set_target(unsigned n, unsigned core) {
  if (core >= cores_)
    throw std::invalid_argument("interrupt " + std::to_string(n) + " routed to core " +
                                std::to_string(core) + " of a " + std::to_string(cores_) +
                                "-core cluster");
  line(n).target = core;
  notify(core);
}

void IrqControllerCore::set_priority(unsigned n, std::uint8_t priority) {
  line(n).priority = priority;
}

bool IrqControllerCore::level(unsigned n) const {
  auto it = lines_.find(n);
  return it != lines_.end() && it->second.level;
}

bool IrqControllerCore::enabled(unsigned n) const {
  auto it = lines_.find(n);
  return it != lines_.end() && it->second.enabled;
}

bool IrqControllerCore::pending_for(unsigned core) const {
  for (const auto& [n, l] : lines_)
    if (l.target == core && l.level && l.enabled && !l.active) return true;
  return false;
}

std::optional<IrqControllerCore::Pending> IrqControllerCore::highest_pending(unsigned core) const {
  std::optional<Pending> best;
  for (const auto& [n, l] : lines_) {
    if (l.target != core || !l.level || !l.enabled || l.active) continue;
    if (!best || l.priority < best->priority) best = Pending{n, l.priority};
  }
  return best;
}

std::uint8_t IrqControllerCore::priority(unsigned n) const {
  auto it = lines_.find(n);
  return it == lines_.end() ? Line{}.priority : it->second.priority;
}

std::optional<unsigned> IrqControllerCore::acknowledge(unsigned core) {
  Line* best = nullptr;
  unsigned best_n = 0;
  for (auto& [n, l] : lines_) {
    if (l.target != core || !l.level || !l.enabled || l.active) continue;
    if (best == nullptr || l.priority < best->priority) {
      best = &l;
      best_n = n;
    }
  }
  if (best == nullptr) return std::nullopt;
  best->active = true;
  ++best->stats.deliveries;
  return best_n;
}

void IrqControllerCore::end_of_interrupt(unsigned n) {
  Line& l = line(n);
  l.active = false;
  notify(l.target);
}

const IrqControllerCore::LineStats& IrqControllerCore::stats(unsigned n) const {
  static const LineStats kNone;
  auto it = lines_.find(n);
  return it == lines_.end() ? kNone : it->second.stats;
}

std::vector<unsigned> IrqControllerCore::lines() const {
  std::vector<unsigned> out;
  for (const auto& kv : lines_) out.push_back(kv.first);
  return out;
}

} // namespace sim::models
