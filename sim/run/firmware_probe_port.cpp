// SPDX-License-Identifier: Apache-2.0
#include "sim/run/firmware_probe_port.h"

#include <algorithm>

#include "sw/hal/drop_reasons.h"

namespace sim::app {
namespace {

/// A message is at most one rpmsg buffer's payload: a longer LEN is the firmware's error.
constexpr std::uint32_t kMaxPayload = 4096;
constexpr std::size_t kMaxName = 63;

/// Sets the low or high half of a 64-bit register.
void set_half(std::uint64_t& reg, bool high, std::uint32_t value) {
  reg =
      high ? (reg & 0xffffffffull) | (std::uint64_t{value} << 32) : (reg & ~0xffffffffull) | value;
}

} // namespace

std::optional<std::string> FirmwareProbePort::read_name(std::uint64_t addr) const {
  std::string name;
  for (std::size_t i = 0; i <= kMaxName; ++i) {
    char c = 0;
    if (!peek_(addr + i, &c, 1)) return std::nullopt;
    if (c == 0) return name;
    name += c;
  }
  return std::nullopt; // unterminated
}

void FirmwareProbePort::write(std::uint64_t offset, std::uint32_t value) {
  switch (offset) {
  case kDst:
    dst_ = value;
    return;
  case kLen:
    len_ = value;
    return;
  case kDataLo:
  case kDataHi:
    set_half(data_, offset == kDataHi, value);
    return;
  case kWhereLo:
  case kWhereHi:
    set_half(where_, offset == kWhereHi, value);
    return;
  case kReasonLo:
  case kReasonHi:
    set_half(reason_, offset == kReasonHi, value);
    return;
  case kEvent:
    break;
  default:
    ++errors_;
    return;
  }
  hal::ProbeEvent e;
  switch (value) {
  case 1:
    e.kind = hal::ProbeKind::kAppHeld;
    break;
  case 2:
    e.kind = hal::ProbeKind::kAppConsumed;
    break;
  case 3:
    e.kind = hal::ProbeKind::kAppDropped;
    break;
  case 4:
    ++kicks_;
    report_(hal::signal_event(hal::ProbeKind::kKick));
    return;
  case 5:
    ++kicks_lost_;
    report_(hal::signal_event(hal::ProbeKind::kKickLost));
    return;
  default:
    ++errors_;
    return;
  }
  where_name_.clear();
  reason_name_.clear();
  if (where_ != 0) {
    const std::optional<std::string> name = read_name(where_);
    if (!name || name->empty()) {
      ++errors_;
      return;
    }
    where_name_ = *name;
  }
  if (e.kind == hal::ProbeKind::kAppDropped) {
    const std::optional<std::string> name = reason_ != 0 ? read_name(reason_) : std::nullopt;
    if (!name ||
        std::find(hal::drop::kAll.begin(), hal::drop::kAll.end(), *name) == hal::drop::kAll.end()) {
      ++errors_;
      return;
    }
    reason_name_ = *name;
  }
  if ((e.kind == hal::ProbeKind::kAppHeld && where_ == 0) || len_ > kMaxPayload) {
    ++errors_;
    return;
  }
  payload_.assign(len_, 0);
  if (len_ > 0 && !peek_(data_, payload_.data(), len_)) {
    ++errors_;
    return;
  }
  e.dst = dst_;
  e.length = len_;
  e.data = payload_.data();
  e.name = where_name_;
  e.reason = reason_name_;
  ++events_;
  report_(e);
}

} // namespace sim::app
