// SPDX-License-Identifier: Apache-2.0
#pragma once
// An rpmsg channel of virtio_rpmsg_bus (struct rpmsg_device with its default endpoint) and the
// endpoints of the bus (struct rpmsg_endpoint). A channel created by a name-service announcement
// has src = RPMSG_ADDR_ANY until a driver binds: rpmsg_dev_probe then creates its endpoint with
// a dynamic address (0x400 first) and src becomes that address. Its device name keeps the
// registration-time values, as Linux's does: "virtio0.rpmsg-client-sample.-1.1024".
// After the channel is removed (NS destroy) its endpoint is gone: sends return -EINVAL (Linux's
// WARN_ON(!ept) path) instead of the use-after-free a real driver would risk.

#include <cstdint>
#include <functional>
#include <string>

#include "sw/linux/linux.h"
#include "sw/linux/printk.h"

namespace sim::sw::lnx {

class RpmsgChannel;
class VirtioRpmsgBus;

/// struct rpmsg_endpoint: `cb` gets the payload's address in the RX buffer (as Linux hands the
/// callback a pointer into the shared buffer), its length and the sender's address.
struct RpmsgEndpoint {
  using Callback = std::function<int(hal::Addr payload, std::uint32_t len, std::uint32_t src)>;
  std::uint32_t addr = 0;
  RpmsgChannel* rpdev = nullptr;
  Callback cb;
};

class RpmsgChannel : public RpmsgDevice {
public:
  RpmsgChannel(VirtioRpmsgBus& bus, std::string name, std::uint32_t src, std::uint32_t dst,
               const std::string& parent);

  // --- RpmsgDevice -------------------------------------------------------------------------------
  const std::string& name() const override { return name_; }
  std::uint32_t src() const override { return src_; }
  std::uint32_t dst() const override { return dst_; }
  int send(const void* data, std::size_t len) override;
  int sendto(const void* data, std::size_t len, std::uint32_t dst) override;
  int trysend(const void* data, std::size_t len) override;
  hal::Hal& hal() override;
  std::string dev_name() const override { return dev_name_; }
  void dev_info(std::string_view text) override { dev_printk(KernLevel::kInfo, text); }
  void dev_err(std::string_view text) override { dev_printk(KernLevel::kErr, text); }

  void dev_printk(KernLevel level, std::string_view text);
  RpmsgDriver* driver() const { return driver_; }
  void set_driver(RpmsgDriver* d) { driver_ = d; }
  RpmsgEndpoint* ept() const { return ept_; }
  void set_ept(RpmsgEndpoint* e) { ept_ = e; }
  void set_src(std::uint32_t src) { src_ = src; }

private:
  int send_via_ept(const void* data, std::size_t len, std::uint32_t dst, bool wait);

  VirtioRpmsgBus& bus_;
  std::string name_;
  std::uint32_t src_;
  std::uint32_t dst_;
  std::string dev_name_;
  RpmsgDriver* driver_ = nullptr;
  RpmsgEndpoint* ept_ = nullptr;
};

} // namespace sim::sw::lnx
