// SPDX-License-Identifier: Apache-2.0
#pragma once
// The TTY responder of Zephyr's openamp_rsc_table sample (rpmsg-protocol.md §7, real-bugs B9):
// endpoint "rpmsg-tty" whose callback HOLDS the RX buffer (rpmsg_hold_rx_buffer) and stores one
// {data, len} pointer, then gives a binary semaphore; the thread (K_PRIO_COOP(7)) replies
// "TTY 0x%04x: " + payload (12-byte prefix in a 512-byte tx_buff) with the blocking rpmsg_send,
// then releases the buffer. A second message before the thread runs overwrites the pointer: the
// first held buffer is never released, so Linux loses that TX buffer for good (ledger:
// held_buffer_leaked). A zero-length message is neither answered nor released (`if (len)`).
// The thread releases tty_msg.data as it is after the send, as the C code does: a message that
// arrives during the send is released unanswered (ledger: tty_msg_overwritten) and the echoed
// buffer leaks. A payload above 500 bytes would overrun tx_buff: recorded, the copy is cut.
// Ledger (app_reports.h): held in the held buffer; consumed when the thread replies; dropped
// held_buffer_leaked / tty_msg_overwritten as above.
// Not modelled: the thread's later reads of the held buffer through the cache (the callback's
// payload copy stands for them).

#include <cstdint>
#include <functional>
#include <string>

#include "sw/apps/zephyr/app_reports.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::apps {

struct TtyResponderOptions {
  std::string name = "rpmsg-tty";
  /// Stop after this many replies (0: loop forever, like the sample).
  unsigned messages = 0;
  bool console = true;
  std::function<void()> on_done;
};

struct TtyResponderStatus {
  std::uint64_t callbacks = 0;
  std::uint64_t replies = 0;
  std::uint64_t leaked = 0;    ///< held buffers whose pointer was overwritten
  std::uint64_t overflows = 0; ///< payloads that do not fit tx_buff after the prefix
  std::uint64_t reply_failures = 0;
  int create_status = 0;
  bool ended = false;
};

class TtyResponder : public zephyr::ZephyrApp {
public:
  static constexpr std::size_t kTxBuffSize = 512;
  static constexpr std::size_t kPrefixSize = 12; ///< "TTY 0x%04x: "

  explicit TtyResponder(TtyResponderOptions options = {});

  hal::ThreadSpec thread() const override;
  void run(hal::Hal& hal, zephyr::Rpmsg& rpmsg) override;
  const TtyResponderStatus& status() const { return status_; }

private:
  int on_message(zephyr::Endpoint& ept, const void* data, std::size_t len);

  TtyResponderOptions options_;
  TtyResponderStatus status_;
  hal::Hal* hal_ = nullptr;
  hal::Semaphore* sem_ = nullptr; ///< data_tty_sem, binary
  // tty_msg: the one pointer the callback leaves for the thread.
  const void* msg_data_ = nullptr;
  std::size_t msg_len_ = 0;
  bool msg_taken_ = false; ///< model-side: the thread took tty_msg and is replying to it
};

} // namespace sim::sw::apps
