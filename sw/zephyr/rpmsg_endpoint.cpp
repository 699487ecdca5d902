// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/rpmsg_endpoint.h"

#include <climits>

#include "sw/zephyr/rpmsg_virtio_device.h"

namespace sim::sw::zephyr {

int RpmsgEndpoint::send_raw(const void* data, std::size_t len, bool wait) {
  // rpmsg_send_offchannel_raw: a destroyed endpoint has no device; a remote endpoint cannot send
  // before it learnt its peer (rpmsg-protocol.md §6.3).
  if (!registered_ || data == nullptr || dest_ == kRpmsgAddrAny || len > INT_MAX)
    return dev_.refuse_send(addr_, dest_, data, data == nullptr ? 0 : len, kRpmsgErrParam);
  return dev_.send_offchannel_raw(addr_, dest_, data, static_cast<int>(len), wait);
}

int RpmsgEndpoint::send(const void* data, std::size_t len) {
  return send_raw(data, len, true);
}

int RpmsgEndpoint::trysend(const void* data, std::size_t len) {
  return send_raw(data, len, false);
}

void RpmsgEndpoint::hold_rx_buffer(const void* data) {
  dev_.hold_rx_buffer(data);
}

void RpmsgEndpoint::release_rx_buffer(const void* data) {
  dev_.release_rx_buffer(data);
}

void RpmsgEndpoint::destroy() {
  dev_.destroy_endpoint(*this);
}

} // namespace sim::sw::zephyr
