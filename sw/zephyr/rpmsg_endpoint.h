// SPDX-License-Identifier: Apache-2.0
#pragma once
// An OpenAMP rpmsg endpoint (struct rpmsg_endpoint) on the virtio device: name, local address,
// the peer's address (learnt from the first message when created with RPMSG_ADDR_ANY) and the
// callback. rpmsg_send/trysend do rpmsg_send_offchannel_raw's parameter checks (no device, dst
// ANY, negative length: RPMSG_ERR_PARAM) and hand over to the device.

#include <cstdint>
#include <string>

#include "sw/zephyr/zephyr.h"

namespace sim::sw::zephyr {

class RpmsgVirtioDevice;

class RpmsgEndpoint : public Endpoint {
public:
  RpmsgEndpoint(RpmsgVirtioDevice& dev, std::string name, std::uint32_t dest,
                EndpointCallback callback)
      : dev_(dev), name_(std::move(name)), dest_(dest), callback_(std::move(callback)) {}

  std::uint32_t addr() const override { return addr_; }
  std::uint32_t dest() const override { return dest_; }
  int send(const void* data, std::size_t len) override;
  int trysend(const void* data, std::size_t len) override;
  void hold_rx_buffer(const void* data) override;
  void release_rx_buffer(const void* data) override;
  void destroy() override;
  int create_status() const override { return create_status_; }

  const std::string& name() const { return name_; }
  bool registered() const { return registered_; }
  void set_addr(std::uint32_t addr) { addr_ = addr; }
  void set_dest(std::uint32_t dest) { dest_ = dest; }
  void set_registered(bool on) { registered_ = on; }
  void set_create_status(int status) { create_status_ = status; }
  int call(const void* data, std::size_t len, std::uint32_t src) {
    return callback_ ? callback_(*this, data, len, src) : 0;
  }

private:
  int send_raw(const void* data, std::size_t len, bool wait);

  RpmsgVirtioDevice& dev_;
  std::string name_;
  std::uint32_t addr_ = kRpmsgAddrAny;
  std::uint32_t dest_;
  EndpointCallback callback_;
  bool registered_ = false; ///< ept->rdev != NULL
  int create_status_ = 0;
};

} // namespace sim::sw::zephyr
