// SPDX-License-Identifier: Apache-2.0
#include "sw/apps/linux/rpmsg_client_sample.h"

#include <cstdio>
#include <cstring>

namespace sim::sw::apps {

int RpmsgClientSample::send_hello(lnx::RpmsgDevice& dev) {
  ++sent_;
  return dev.send(kMessage, std::strlen(kMessage));
}

int RpmsgClientSample::probe(lnx::RpmsgDevice& dev) {
  char line[64];
  std::snprintf(line, sizeof line, "new channel: 0x%x -> 0x%x!", dev.src(), dev.dst());
  dev.dev_info(line);
  rx_count_[&dev] = 0;
  const int ret = send_hello(dev);
  if (ret != 0) {
    std::snprintf(line, sizeof line, "rpmsg_send failed: %d", ret);
    dev.dev_err(line);
  }
  return ret;
}

int RpmsgClientSample::callback(lnx::RpmsgDevice& dev, const void* data, std::size_t len,
                                std::uint32_t src) {
  (void)data;
  (void)len;
  const int rx = ++rx_count_[&dev];
  ++received_;
  char line[64];
  std::snprintf(line, sizeof line, "incoming msg %d (src: 0x%x)", rx, src);
  dev.dev_info(line);
  if (rx >= options_.count) {
    dev.dev_info("goodbye!");
    if (!done_) {
      done_ = true;
      if (on_done_) on_done_();
    }
    return 0;
  }
  const int ret = send_hello(dev);
  if (ret != 0) {
    std::snprintf(line, sizeof line, "rpmsg_send failed: %d", ret);
    dev.dev_err(line);
  }
  return 0;
}

void RpmsgClientSample::remove(lnx::RpmsgDevice& dev) {
  dev.dev_info("rpmsg sample client driver is removed");
  rx_count_.erase(&dev);
}

} // namespace sim::sw::apps
