// SPDX-License-Identifier: Apache-2.0
#include "sw/linux/rpmsg_channel.h"

#include "sw/linux/virtio_rpmsg_bus.h"

namespace sim::sw::lnx {

RpmsgChannel::RpmsgChannel(VirtioRpmsgBus& bus, std::string name, std::uint32_t src,
                           std::uint32_t dst, const std::string& parent)
    : bus_(bus), name_(std::move(name)), src_(src), dst_(dst),
      // "%s.%s.%d.%d": the addresses print signed, so RPMSG_ADDR_ANY is -1.
      dev_name_(format("%s.%s.%d.%d", parent.c_str(), name_.c_str(), static_cast<int>(src),
                       static_cast<int>(dst))) {}

int RpmsgChannel::send_via_ept(const void* data, std::size_t len, std::uint32_t dst, bool wait) {
  // The channel's endpoint is gone (NS destroy): the send is refused before it reaches the bus.
  if (ept_ == nullptr) return bus_.refuse_send(src_, dst, data, len, kEinval);
  return bus_.send_offchannel_raw(*this, ept_->addr, dst, data, len, wait);
}

int RpmsgChannel::send(const void* data, std::size_t len) {
  return send_via_ept(data, len, dst_, true);
}

int RpmsgChannel::sendto(const void* data, std::size_t len, std::uint32_t dst) {
  return send_via_ept(data, len, dst, true);
}

int RpmsgChannel::trysend(const void* data, std::size_t len) {
  return send_via_ept(data, len, dst_, false);
}

hal::Hal& RpmsgChannel::hal() {
  return bus_.hal();
}

void RpmsgChannel::dev_printk(KernLevel level, std::string_view text) {
  // dev_driver_string: the bound driver's name, else the bus name.
  const std::string driver = driver_ != nullptr ? driver_->driver_name() : std::string("rpmsg");
  bus_.printk().dev(level, driver, dev_name_, text);
}

} // namespace sim::sw::lnx
