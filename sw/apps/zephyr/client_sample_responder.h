// SPDX-License-Identifier: Apache-2.0
#pragma once
// The stock rpmsg-client-sample responder of Zephyr's openamp_rsc_table sample (rpmsg-protocol.md
// §7, real-bugs B8), bugs included: endpoint "rpmsg-client-sample" (announced, address 0x400 when
// first), a callback that memcpy's every message into ONE static 20-byte slot with no length
// check and gives a BINARY semaphore, and a thread (K_PRIO_COOP(7)) that loops while
// msg_cnt < 100: take, msg_cnt++, printk the message, echo it with the blocking rpmsg_send. After
// 100 it destroys the endpoint (NS DESTROY) and prints that it ended.
//
// Messages that arrive before the thread runs (the whole vring1 drain runs first: the mng thread
// is cooperative) overwrite the slot: all but the last are lost (ledger: slot_overwritten). As
// k_sem_give hands the first give to the waiting thread and counts the next, a burst wakes the
// thread twice: the last message is echoed twice (consumed once, sent twice). A message over 20
// bytes overruns the slot into whatever static data follows it: the model keeps that storage
// contiguous (the echo carries the whole message, as in C) and records the overrun (status, a
// kNote probe) instead of corrupting host memory.
// Ledger (app_reports.h): the callback reports each message held in the slot, or the one it
// overwrites dropped; the thread reports the one it takes consumed.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sw/apps/zephyr/app_reports.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::apps {

struct ClientSampleResponderOptions {
  std::string name = "rpmsg-client-sample";
  /// `while (msg_cnt < 100)`: hard-coded in the sample, independent of Linux's count.
  unsigned messages = 100;
  /// printk reaches the console (the remote's `console` option).
  bool console = true;
  /// Called when the thread finished (after NS DESTROY and the last printk).
  std::function<void()> on_done;
};

struct ClientSampleResponderStatus {
  unsigned msg_cnt = 0;        ///< messages taken from the slot (and echoed)
  std::uint64_t callbacks = 0; ///< messages the callback copied into the slot
  std::uint64_t slot_overwritten = 0;
  std::uint64_t slot_rereads = 0;  ///< wake-ups that found no new message (echoed it again)
  std::uint64_t overflows = 0;     ///< messages longer than the 20-byte slot
  std::size_t max_overflow = 0;    ///< bytes written past the slot, worst case
  std::uint64_t echo_failures = 0; ///< rpmsg_send returned an error (ignored by the sample)
  int create_status = 0;
  bool ended = false;
};

class ClientSampleResponder : public zephyr::ZephyrApp {
public:
  static constexpr std::size_t kSlotSize = 20; ///< static char rx_sc_msg[20]

  explicit ClientSampleResponder(ClientSampleResponderOptions options = {});

  hal::ThreadSpec thread() const override;
  void run(hal::Hal& hal, zephyr::Rpmsg& rpmsg) override;
  const ClientSampleResponderStatus& status() const { return status_; }

private:
  int on_message(const zephyr::Endpoint& ept, const void* data, std::size_t len);

  ClientSampleResponderOptions options_;
  ClientSampleResponderStatus status_;
  hal::Hal* hal_ = nullptr;
  hal::Semaphore* sem_ = nullptr; ///< data_sc_sem, binary
  /// rx_sc_msg[20] and the static data after it (room for any rpmsg length).
  std::vector<std::uint8_t> storage_;
  std::size_t slot_len_ = 0; ///< sc_msg.len
  bool slot_full_ = false;   ///< model-side: a message sits in the slot, not yet taken
};

} // namespace sim::sw::apps
