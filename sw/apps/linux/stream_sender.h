// SPDX-License-Identifier: Apache-2.0
#pragma once
// A Linux load generator (DESIGN §4 apps): an rpmsg driver that, once its channel is probed,
// starts a kernel thread sending `count` sequence-numbered messages, back to back or one every
// `interval`, with rpmsg_send (blocking, up to send_timeout) or rpmsg_trysend (-ENOMEM at once).
//
// Payload (payload_size >= 8 bytes): bytes 0..3 the sequence number (1-based, little-endian),
// 4..7 `magic`, the rest a pattern derived from the sequence number, so a corrupted or stale
// buffer is visible in the digest and a copy of another message is recognisable.
//
// The driver consumes each message in its callback: the stack's reports are the whole story for
// the ledger. With expect_echo it counts the messages coming back that carry `magic` (also
// behind the Zephyr TTY responder's "TTY 0x%04x: " prefix), and on_done runs once every sent
// message came back or `settle` passed after the last send; otherwise after the last send.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sw/linux/linux.h"

namespace sim::sw::apps {

struct StreamSenderOptions {
  /// The channel (rpmsg device name) to bind to.
  std::string channel = "rpmsg-client-sample";
  unsigned count = 100;
  /// 0: back to back; otherwise message k is due at start + (k-1) * interval.
  hal::SimTime interval = 0;
  /// rpmsg_send (true) or rpmsg_trysend (false).
  bool blocking = true;
  std::size_t payload_size = 16;
  std::uint32_t magic = 0x4d525453; ///< "STRM"
  bool expect_echo = false;
  hal::SimTime settle = 100 * hal::kMs;
  /// The sender thread's name.
  std::string thread = "stream";
  /// The sender thread (a normal kernel thread by default).
  int priority = 20;
  unsigned core = 0;
};

/// The payload of message `seq`.
std::vector<std::uint8_t> stream_payload(std::uint32_t seq, std::size_t size, std::uint32_t magic);

class StreamSender : public lnx::RpmsgDriver {
public:
  /// Throws std::invalid_argument for payload_size < 8.
  explicit StreamSender(StreamSenderOptions options = {}, std::function<void()> on_done = {});

  std::string name() const override { return options_.channel; }
  std::string driver_name() const override { return "rpmsg_stream_sender"; }
  /// Starts the sender thread for the first channel probed.
  int probe(lnx::RpmsgDevice& dev) override;
  int callback(lnx::RpmsgDevice& dev, const void* data, std::size_t len,
               std::uint32_t src) override;
  void remove(lnx::RpmsgDevice& dev) override;

  std::uint64_t sent() const { return sent_; }       ///< send calls that returned 0
  std::uint64_t dropped() const { return dropped_; } ///< send calls that failed
  std::uint64_t echoes() const { return echoes_; }
  bool done() const { return done_; }

private:
  void run(lnx::RpmsgDevice& dev);

  StreamSenderOptions options_;
  std::function<void()> on_done_;
  lnx::RpmsgDevice* dev_ = nullptr;
  hal::WaitQueue* echo_wait_ = nullptr;
  bool removed_ = false;
  std::uint64_t sent_ = 0;
  std::uint64_t dropped_ = 0;
  std::uint64_t echoes_ = 0;
  bool done_ = false;
};

} // namespace sim::sw::apps
