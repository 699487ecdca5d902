// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Arm generic timer an ISS core reads (issue 14), on simulated time instead of unicorn's host
// clock: CNTFRQ_EL0, CNTPCT_EL0/CNTVCT_EL0 (CNTVOFF 0), and the EL1 physical and virtual timers
// (CNTP_* and CNTV_*: CTL, CVAL, TVAL), as the Arm ARM (D11, "The Generic Timer") defines them.
// A timer's output is high while ENABLE is set, IMASK clear and the count has reached CVAL; it
// reaches the GIC as a level PPI: INTID 30 for the physical timer, 27 for the virtual one (the
// TCC807x device trees' PPI 14 and 11, reference/tcc807x-mailbox.md). Pure C++.

#include <cstdint>
#include <optional>

#include "models/common/units.h"
#include "models/iss/aarch64_engine.h"

namespace sim::models::iss {

class GenericTimer {
public:
  static constexpr unsigned kPhysicalPpi = 30;
  static constexpr unsigned kVirtualPpi = 27;

  /// Throws std::invalid_argument for a frequency of 0 or above 1 GHz.
  explicit GenericTimer(std::uint64_t frequency_hz);

  std::uint64_t frequency() const { return frequency_; }
  /// The system count at `now` (counts since time 0).
  std::uint64_t count(Picoseconds now) const;
  /// When the count reaches `value`.
  Picoseconds time_of(std::uint64_t value) const;

  /// CNTFRQ, CNTPCT, CNTVCT and the two timers' registers; false for any other register.
  bool sysreg(const SysReg& reg, bool write, std::uint64_t& value, Picoseconds now);

  bool physical_output(Picoseconds now) const { return output(physical_, now); }
  bool virtual_output(Picoseconds now) const { return output(virtual_, now); }
  /// The earliest time after `now` at which an output rises; nullopt when none will.
  std::optional<Picoseconds> next_rise(Picoseconds now) const;

private:
  struct Timer {
    std::uint64_t ctl = 0; ///< ENABLE (0), IMASK (1); ISTATUS (2) is computed
    std::uint64_t cval = 0;
  };
  bool output(const Timer& t, Picoseconds now) const;
  bool timer_reg(Timer& t, unsigned op2, bool write, std::uint64_t& value, Picoseconds now);

  std::uint64_t frequency_;
  Timer physical_, virtual_;
};

} // namespace sim::models::iss
