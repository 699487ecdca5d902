// SPDX-License-Identifier: Apache-2.0
#pragma once
// Linux's samples/rpmsg/rpmsg_client_sample.c with the `count` module parameter
// (rpmsg-protocol.md §4): bound to the "rpmsg-client-sample" channel, it sends one
// "hello world!" (12 bytes, no NUL) from probe with rpmsg_send, and one more from each incoming
// message's callback until `count` messages came back ("goodbye!"). Strict ping-pong: one
// message in flight per direction. The driver consumes each message in its callback, so the
// stack's reports are the whole story for the ledger.

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "sw/linux/linux.h"

namespace sim::sw::apps {

struct RpmsgClientSampleOptions {
  /// The `count` module parameter (default 100).
  int count = 100;
};

class RpmsgClientSample : public lnx::RpmsgDriver {
public:
  static constexpr const char* kMessage = "hello world!";

  explicit RpmsgClientSample(RpmsgClientSampleOptions options = {},
                             std::function<void()> on_done = {})
      : options_(std::move(options)), on_done_(std::move(on_done)) {}

  std::string name() const override { return "rpmsg-client-sample"; }
  std::string driver_name() const override { return "rpmsg_client_sample"; }
  int probe(lnx::RpmsgDevice& dev) override;
  int callback(lnx::RpmsgDevice& dev, const void* data, std::size_t len,
               std::uint32_t src) override;
  void remove(lnx::RpmsgDevice& dev) override;

  /// Messages handed to rpmsg_send, and the replies seen (over all channels).
  std::uint64_t sent() const { return sent_; }
  std::uint64_t received() const { return received_; }
  /// "goodbye!" was printed.
  bool done() const { return done_; }

private:
  int send_hello(lnx::RpmsgDevice& dev);

  RpmsgClientSampleOptions options_;
  std::function<void()> on_done_;
  std::map<const lnx::RpmsgDevice*, int> rx_count_; ///< idata->rx_count per channel
  std::uint64_t sent_ = 0;
  std::uint64_t received_ = 0;
  bool done_ = false;
};

} // namespace sim::sw::apps
