// SPDX-License-Identifier: Apache-2.0
#include "sw/apps/zephyr/message_ids.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <vector>

namespace sim::sw::apps {
namespace {

hal::ProbeEvent event(hal::ProbeKind kind, const std::string& endpoint, std::uint64_t id,
                      const void* data, std::size_t len) {
  hal::ProbeEvent e;
  e.kind = kind;
  e.id = id;
  e.digest = data != nullptr ? hal::payload_digest(data, len) : 0;
  e.length = static_cast<std::uint32_t>(len);
  e.endpoint = endpoint;
  return e;
}

} // namespace

std::uint64_t MessageIds::on_arrival(const void* data, std::size_t len) {
  ++arrivals_;
  if (naming_.id_from_payload && len >= 4) {
    std::uint32_t seq = 0;
    std::memcpy(&seq, data, sizeof seq); // little-endian host, like the simulated cores
    return seq;
  }
  return arrivals_;
}

std::uint64_t MessageIds::reply_id(std::uint64_t request) {
  ++replies_;
  return naming_.id_from_payload ? request : replies_;
}

void MessageIds::received(hal::Hal& hal, std::uint64_t id, const void* data,
                          std::size_t len) const {
  hal.probe(event(hal::ProbeKind::kMessageReceived, naming_.endpoint, id, data, len));
}

void MessageIds::dropped(hal::Hal& hal, std::uint64_t id, std::size_t len,
                         std::string_view reason) const {
  hal::ProbeEvent e = event(hal::ProbeKind::kMessageDropped, naming_.endpoint, id, nullptr, len);
  e.reason = reason;
  hal.probe(e);
}

void MessageIds::sent(hal::Hal& hal, std::uint64_t id, const void* data, std::size_t len) const {
  hal::ProbeEvent e = event(hal::ProbeKind::kMessageSent, naming_.echo_endpoint, id, data, len);
  e.after_send = true; // the digest is over what went out, so the probe follows the send
  hal.probe(e);
}

void MessageIds::reply_failed(hal::Hal& hal, std::uint64_t id, const void* data, std::size_t len,
                              std::string_view reason) const {
  sent(hal, id, data, len);
  hal::ProbeEvent e =
      event(hal::ProbeKind::kMessageDropped, naming_.echo_endpoint, id, nullptr, len);
  e.reason = reason;
  hal.probe(e);
}

void zephyr_printk(hal::Hal& hal, bool enabled, const char* fmt, ...) {
  if (!enabled) return;
  std::va_list args;
  va_start(args, fmt);
  std::va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  if (n > 0) {
    std::vector<char> line(static_cast<std::size_t>(n) + 1);
    std::vsnprintf(line.data(), line.size(), fmt, args);
    hal.console(std::string_view(line.data(), static_cast<std::size_t>(n)));
  }
  va_end(args);
}

} // namespace sim::sw::apps
