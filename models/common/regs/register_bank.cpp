// SPDX-License-Identifier: Apache-2.0
#include "models/common/regs/register_bank.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "models/common/log.h"
#include "models/common/model_error.h"
#include "models/common/units.h"

namespace sim::regs {

const char* access_name(Access access) {
  switch (access) {
  case Access::kRW:
    return "RW";
  case Access::kRO:
    return "RO";
  case Access::kWO:
    return "WO";
  case Access::kW1C:
    return "W1C";
  case Access::kRC:
    return "RC";
  }
  return "?";
}

Register& RegisterBank::add(RegisterSpec spec) {
  if (spec.offset % 4 != 0 || spec.count == 0)
    throw ModelError(name_ + ": register " + spec.name + " must be word aligned");
  for (const Register& r : regs_) {
    std::uint32_t a0 = r.spec_.offset, a1 = a0 + 4 * r.spec_.count;
    std::uint32_t b0 = spec.offset, b1 = b0 + 4 * spec.count;
    if (a0 < b1 && b0 < a1)
      throw ModelError(name_ + ": register " + spec.name + " overlaps " + r.spec_.name);
  }
  regs_.emplace_back(std::move(spec));
  return regs_.back();
}

Register& RegisterBank::add_tagged(RegisterSpec spec) {
  Register& r = add(std::move(spec));
  r.tagged_ = true;
  return r;
}

Register* RegisterBank::find(std::uint32_t offset) {
  for (Register& r : regs_)
    if (r.covers(offset)) return &r;
  return nullptr;
}

Register& RegisterBank::by_name(const std::string& name) {
  for (Register& r : regs_)
    if (r.spec_.name == name) return r;
  throw ModelError(name_ + ": no register " + name);
}

Status RegisterBank::check(std::uint32_t offset, unsigned size, Register*& reg) {
  // The TCC mailbox and the other peripherals here are 32-bit-only register files.
  if (size != 4 || offset % 4 != 0) return Status::kSizeError;
  reg = find(offset);
  return reg == nullptr ? Status::kAddressError : Status::kOk;
}

Status RegisterBank::read(std::uint32_t offset, std::uint32_t& value, unsigned size) {
  Register* r = nullptr;
  Status st = check(offset, size, r);
  if (st != Status::kOk) return st;
  if (r->tagged_) {
    if (!r->warned_) {
      SIM_WARN(name_, "read of unimplemented register " << r->spec_.name);
      r->warned_ = true;
    }
    value = r->spec_.reset;
    return Status::kOk;
  }
  if (r->spec_.access == Access::kWO) return Status::kAccessError;
  auto index = (offset - r->spec_.offset) / 4;
  value = r->read_hook_ ? r->read_hook_(index) : r->value_;
  if (r->spec_.access == Access::kRC) r->value_ = 0;
  return Status::kOk;
}

Status RegisterBank::write(std::uint32_t offset, std::uint32_t value, unsigned size) {
  Register* r = nullptr;
  Status st = check(offset, size, r);
  if (st != Status::kOk) return st;
  if (r->tagged_) {
    if (!r->warned_) {
      SIM_WARN(name_, "write of unimplemented register " << r->spec_.name << " ignored");
      r->warned_ = true;
    }
    return Status::kOk;
  }
  const RegisterSpec& s = r->spec_;
  switch (s.access) {
  case Access::kRO:
  case Access::kRC:
    return Status::kAccessError;
  case Access::kW1C:
    r->value_ &= ~(value & s.write_mask);
    break;
  case Access::kRW:
  case Access::kWO:
    r->value_ = (r->value_ & ~s.write_mask) | (value & s.write_mask);
    break;
  }
  if (r->write_hook_) r->write_hook_((offset - s.offset) / 4, value);
  if (after_write_) after_write_();
  return Status::kOk;
}

Status RegisterBank::peek(std::uint32_t offset, std::uint32_t& value) const {
  for (const Register& r : regs_) {
    if (r.covers(offset)) {
      value = r.value_;
      return Status::kOk;
    }
  }
  return Status::kAddressError;
}

void RegisterBank::reset() {
  for (Register& r : regs_) r.value_ = r.spec_.reset;
}

std::string RegisterBank::markdown() const {
  std::ostringstream os;
  os << "| offset | name | access | reset | doc |\n|---|---|---|---|---|\n";
  for (const Register& r : regs_) {
    const RegisterSpec& s = r.spec_;
    os << "| " << format_hex(s.offset, 2);
    if (s.count > 1) os << "–" << format_hex(s.offset + 4 * (s.count - 1), 2);
    os << " | " << s.name << " | " << access_name(s.access) << (r.tagged_ ? " (tagged)" : "")
       << " | " << format_hex(s.reset, 8) << " | " << s.doc << " |\n";
  }
  return os.str();
}

} // namespace sim::regs
