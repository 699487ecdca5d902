// SPDX-License-Identifier: Apache-2.0
#pragma once
// GIC-like interrupt distributor for one cluster, enough for the model: level-sensitive SPI lines,
// per-line enable, target core and priority, acknowledge (IAR) and end-of-interrupt (EOI).
// A line is pending while its level is high and it is not active; acknowledging makes it active
// until EOI, after which a still-high level is pending again (level semantics: a handler that does
// not silence its device is re-entered). Not modelled: edge-triggered lines, SGIs/PPIs, priority
// masking and preemption between interrupts, affinity routing to several cores.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace sim::models {

class IrqControllerCore {
public:
  explicit IrqControllerCore(unsigned cores) : cores_(cores) {}

  void set_level(unsigned line, bool level);
  void enable(unsigned line, bool enabled);
  void set_target(unsigned line, unsigned core);
  /// Lower value = higher priority (GIC convention); ties go to the lower line number.
  void set_priority(unsigned line, std::uint8_t priority);

  bool level(unsigned line) const;
  bool enabled(unsigned line) const;
  bool pending_for(unsigned core) const;
  struct Pending {
    unsigned line = 0;
    std::uint8_t priority = 0;
  };
  /// The line acknowledge(core) would pick, without acknowledging it.
  std::optional<Pending> highest_pending(unsigned core) const;
  std::uint8_t priority(unsigned line) const;
  /// Highest-priority pending enabled line for `core`, now active; nullopt when none (spurious).
  std::optional<unsigned> acknowledge(unsigned core);
  void end_of_interrupt(unsigned line);

  /// Called with the core index whenever that core's pending state may have become true.
  void on_pending(std::function<void(unsigned core)> callback) {
    on_pending_ = std::move(callback);
  }

  struct LineStats {
    std::uint64_t assertions = 0; ///< rising edges of the level
    std::uint64_t deliveries = 0; ///< acknowledges
  };
  const LineStats& stats(unsigned line) const;
  std::vector<unsigned> lines() const;
  unsigned cores() const { return cores_; }

private:
  struct Line {
    bool level = false;
    bool enabled = false;
    bool active = false;
    unsigned target = 0;
    std::uint8_t priority = 0xa0;
    LineStats stats;
  };
  Line& line(unsigned n) { return lines_[n]; }
  void notify(unsigned core);

  unsigned cores_;
  std::map<unsigned, Line> lines_;
  std::function<void(unsigned)> on_pending_;
};

} // namespace sim::models
