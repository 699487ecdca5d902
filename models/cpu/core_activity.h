// SPDX-License-Identifier: Apache-2.0
#pragma once
// Hook for timing analysis: what each simulated core is doing. The OS model reports every change
// of a core's holder (a thread, the interrupt context, nobody) and the cluster reports console
// output (the core stalls on the UART while it prints). Observers only watch. Pure C++.

#include <cstdint>
#include <string>
#include <string_view>

namespace sim::models {

enum class CoreHolder { kIdle, kThread, kIsr };

class CoreActivityObserver {
public:
  virtual ~CoreActivityObserver() = default;
  /// From `when_ps` core `core` of `cluster` runs `name` (a thread's name, `irq <line>` for the
  /// interrupt context), or nothing (kIdle, empty name).
  virtual void on_core(const std::string& cluster, unsigned core, CoreHolder holder,
                       const std::string& name, std::uint64_t when_ps) = 0;
  /// Thread `thread` on `core` starts printing at `begin_ps`.
  virtual void on_console_begin(const std::string& /*cluster*/, unsigned /*core*/,
                                const std::string& /*thread*/, std::uint64_t /*begin_ps*/) {}
  /// ...and printed `text` by `end_ps` (UART stalls included; interrupt handlers or other
  /// threads may have held the core in between: on_core reports them).
  virtual void on_console(const std::string& /*cluster*/, unsigned /*core*/,
                          const std::string& /*thread*/, std::string_view /*text*/,
                          std::uint64_t /*begin_ps*/, std::uint64_t /*end_ps*/) {}
};

} // namespace sim::models
