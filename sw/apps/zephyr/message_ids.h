// SPDX-License-Identifier: Apache-2.0
#pragma once
// How the Zephyr responders name the messages they receive and the replies they send, so the
// message ledger can pair them with the Linux side's probes ((endpoint, id) pairs, payload
// digests). Two schemes, chosen per application by ProbeNaming:
// - ping-pong (the Linux rpmsg_client_sample, default): id = how many messages this endpoint has
//   received so far (1, 2, ...), in arrival order; replies are numbered the same way;
// - stream (the Linux stream sender, `id_from_payload`): id = the little-endian u32 in payload
//   bytes 0..3 (arrival count for shorter payloads), and the reply keeps its request's id.
// Digests are hal::payload_digest over the bytes as this core saw them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "sw/hal/hal.h"

namespace sim::sw::apps {

struct ProbeNaming {
  /// Ledger endpoint of the messages the application receives.
  std::string endpoint = "rpmsg-client-sample/tx";
  /// Ledger endpoint of the replies it sends.
  std::string echo_endpoint = "rpmsg-client-sample/rx";
  /// Stream sender: the id is the u32 sequence number at payload bytes 0..3.
  bool id_from_payload = false;
};

class MessageIds {
public:
  explicit MessageIds(ProbeNaming naming) : naming_(std::move(naming)) {}

  /// Id of a message that just arrived (counts arrivals).
  std::uint64_t on_arrival(const void* data, std::size_t len);
  /// Id of the reply to a message with id `request`.
  std::uint64_t reply_id(std::uint64_t request);

  void received(hal::Hal& hal, std::uint64_t id, const void* data, std::size_t len) const;
  void dropped(hal::Hal& hal, std::uint64_t id, std::size_t len, std::string_view reason) const;
  void sent(hal::Hal& hal, std::uint64_t id, const void* data, std::size_t len) const;
  /// The reply `id` never left: recorded as sent and dropped with `reason`.
  void reply_failed(hal::Hal& hal, std::uint64_t id, const void* data, std::size_t len,
                    std::string_view reason) const;

  const ProbeNaming& naming() const { return naming_; }

private:
  ProbeNaming naming_;
  std::uint64_t arrivals_ = 0;
  std::uint64_t replies_ = 0;
};

/// printk: formats like printf and prints on the console when `enabled` (each character costs
/// its time on the wire).
void zephyr_printk(hal::Hal& hal, bool enabled, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));

} // namespace sim::sw::apps
