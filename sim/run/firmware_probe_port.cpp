// SPDX-License-Identifier: Apache-2.0
#include "sim/run/firmware_probe_port.h"

#include <array>
#include <string_view>

#include "sw/hal/drop_reasons.h"

namespace sim::app {
namespace {

/// WHERE's values, from 1 (the names the modelled applications give their places).
constexpr std::array<std::string_view, 3> kPlaces = {"slot", "queue", "held buffer"};
/// REASON's values, from 1.
constexpr std::array<std::string_view, 3> kReasons = {
    hal::drop::kSlotOverwritten, hal::drop::kQueueFull, hal::drop::kHeldBufferLeaked};
/// A message is at most one rpmsg buffer's payload: a longer LEN is the firmware's error.
constexpr std::uint32_t kMaxPayload = 4096;

} // namespace

void FirmwareProbePort::write(std::uint64_t offset, std::uint32_t value) {
  switch (offset) {
  case kDst:
    dst_ = value;
    return;
  case kLen:
    len_ = value;
    return;
  case kDataLo:
    data_ = (data_ & ~0xffffffffull) | value;
    return;
  case kDataHi:
    data_ = (data_ & 0xffffffffull) | (std::uint64_t{value} << 32);
    return;
  case kWhere:
    where_ = value;
    return;
  case kReason:
    reason_ = value;
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
  if (where_ > kPlaces.size() || (e.kind == hal::ProbeKind::kAppHeld && where_ == 0) ||
      (e.kind == hal::ProbeKind::kAppDropped && (reason_ == 0 || reason_ > kReasons.size())) ||
      len_ > kMaxPayload) {
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
  if (where_ != 0) e.name = kPlaces[where_ - 1];
  if (e.kind == hal::ProbeKind::kAppDropped) e.reason = kReasons[reason_ - 1];
  ++events_;
  report_(e);
}

} // namespace sim::app
