// SPDX-License-Identifier: Apache-2.0
#include "models/iss/generic_timer.h"

#include <stdexcept>

namespace sim::models::iss {
namespace {

constexpr std::uint64_t kEnable = 1, kImask = 2, kIstatus = 4;

} // namespace

GenericTimer::GenericTimer(std::uint64_t frequency_hz) : frequency_(frequency_hz) {
  if (frequency_hz == 0 || frequency_hz > 1000000000)
    throw std::invalid_argument("the generic timer's frequency must be 1 Hz to 1 GHz");
}

std::uint64_t GenericTimer::count(Picoseconds now) const {
  return mul_div(now, frequency_, kPsPerS);
}

Picoseconds GenericTimer::time_of(std::uint64_t value) const {
  // The first picosecond at which count() reaches value (rounded up).
  return mul_div(value, kPsPerS, frequency_, true);
}

bool GenericTimer::output(const Timer& t, Picoseconds now) const {
  return (t.ctl & kEnable) != 0 && (t.ctl & kImask) == 0 && count(now) >= t.cval;
}

std::optional<Picoseconds> GenericTimer::next_rise(Picoseconds now) const {
  std::optional<Picoseconds> next;
  for (const Timer* t : {&physical_, &virtual_}) {
    if ((t->ctl & kEnable) == 0 || (t->ctl & kImask) != 0 || count(now) >= t->cval) continue;
    const Picoseconds at = time_of(t->cval);
    if (!next || at < *next) next = at;
  }
  return next;
}

bool GenericTimer::timer_reg(Timer& t, unsigned op2, bool write, std::uint64_t& value,
                             Picoseconds now) {
  const std::uint64_t cnt = count(now);
  switch (op2) {
  case 0: // TVAL: a signed 32-bit view of CVAL - count
    if (write)
      t.cval = cnt + static_cast<std::uint64_t>(static_cast<std::int64_t>(
                         static_cast<std::int32_t>(static_cast<std::uint32_t>(value))));
    else
      value = static_cast<std::uint32_t>(t.cval - cnt);
    return true;
  case 1: // CTL
    if (write)
      t.ctl = value & (kEnable | kImask);
    else
      value = t.ctl | ((t.ctl & kEnable) != 0 && cnt >= t.cval ? kIstatus : 0);
    return true;
  case 2: // CVAL
    if (write)
      t.cval = value;
    else
      value = t.cval;
    return true;
  default:
    return false;
  }
}

bool GenericTimer::sysreg(const SysReg& r, bool write, std::uint64_t& value, Picoseconds now) {
  if (r.op0 != 3 || r.op1 != 3 || r.crn != 14) return false;
  if (r.crm == 0) {
    if (write) return r.op2 == 0; // CNTFRQ is written by firmware at EL3 only: ignored
    switch (r.op2) {
    case 0:
      value = frequency_;
      return true;
    case 1: // CNTPCT_EL0
    case 2: // CNTVCT_EL0 (CNTVOFF_EL2 = 0)
      value = count(now);
      return true;
    default:
      return false;
    }
  }
  if (r.crm == 2) return timer_reg(physical_, r.op2, write, value, now);
  if (r.crm == 3) return timer_reg(virtual_, r.op2, write, value, now);
  return false;
}

} // namespace sim::models::iss
