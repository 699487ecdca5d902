// SPDX-License-Identifier: Apache-2.0
#include "sw/apps/linux/stream_sender.h"

#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "sw/shm/le_bytes.h"

namespace sim::sw::apps {

std::vector<std::uint8_t> stream_payload(std::uint32_t seq, std::size_t size, std::uint32_t magic) {
  std::vector<std::uint8_t> p(size < 8 ? 8 : size);
  shm::store_le32(p.data(), seq);
  shm::store_le32(p.data() + 4, magic);
  std::uint32_t x = seq * 0x9e3779b1u; // a per-message pattern, so buffers never look alike
  for (std::size_t i = 8; i < p.size(); ++i) {
    x = x * 1103515245u + 12345u;
    p[i] = static_cast<std::uint8_t>(x >> 24);
  }
  return p;
}

StreamSender::StreamSender(StreamSenderOptions options, std::function<void()> on_done)
    : options_(std::move(options)), on_done_(std::move(on_done)) {
  if (options_.payload_size < 8)
    throw std::invalid_argument("stream sender: payload_size must be at least 8 bytes");
}

int StreamSender::probe(lnx::RpmsgDevice& dev) {
  char line[96];
  std::snprintf(line, sizeof line, "new channel: 0x%x -> 0x%x!", dev.src(), dev.dst());
  dev.dev_info(line);
  if (dev_ != nullptr) return 0; // one stream per driver: the first channel
  dev_ = &dev;
  hal::Hal& hal = dev.hal();
  echo_wait_ = &hal.os().wait_queue(options_.thread + ".echo");
  hal.os().spawn({options_.thread, options_.priority, false, options_.core},
                 [this, &dev] { run(dev); });
  return 0;
}

void StreamSender::run(lnx::RpmsgDevice& dev) {
  hal::Hal& hal = dev.hal();
  const hal::SimTime start = hal.now();
  for (std::uint32_t seq = 1; seq <= options_.count && !removed_; ++seq) {
    if (options_.interval > 0) {
      const hal::SimTime due = start + (seq - 1) * options_.interval;
      const hal::SimTime now = hal.now();
      if (due > now) hal.sleep(due - now);
    }
    const std::vector<std::uint8_t> p = stream_payload(seq, options_.payload_size, options_.magic);
    const int ret =
        options_.blocking ? dev.send(p.data(), p.size()) : dev.trysend(p.data(), p.size());
    if (ret == 0)
      ++sent_;
    else
      ++dropped_;
  }
  if (options_.expect_echo)
    echo_wait_->wait([this] { return removed_ || echoes_ >= sent_; }, options_.settle);
  done_ = true;
  if (on_done_) on_done_();
}

int StreamSender::callback(lnx::RpmsgDevice& dev, const void* data, std::size_t len,
                           std::uint32_t src) {
  (void)dev;
  (void)src;
  const auto* p = static_cast<const std::uint8_t*>(data);
  // The Zephyr TTY responder answers "TTY 0x%04x: " (12 bytes) followed by the message.
  constexpr std::size_t kTtyPrefix = 12;
  std::size_t at = 0;
  if (len >= kTtyPrefix + 8 && std::memcmp(p, "TTY 0x", 6) == 0 && p[kTtyPrefix - 2] == ':')
    at = kTtyPrefix;
  if (len < at + 8 || shm::load_le32(p + at + 4) != options_.magic) return 0; // not one of ours
  ++echoes_;
  if (echo_wait_ != nullptr) echo_wait_->wake_all();
  return 0;
}

void StreamSender::remove(lnx::RpmsgDevice& dev) {
  if (&dev != dev_) return;
  removed_ = true;
  if (echo_wait_ != nullptr) echo_wait_->wake_all();
}

} // namespace sim::sw::apps
