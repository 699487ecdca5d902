// SPDX-License-Identifier: Apache-2.0
#pragma once
// One channel of the Linux mailbox framework (drivers/mailbox/mailbox.c, v5.10) for a controller
// with txdone_irq, as mailbox-tcc v2 registers itself (tcc807x-mailbox.md §2.5):
// - mbox_send_message queues the message in a ring of MBOX_TX_QUEUE_LEN (here
//   LinuxOptions::mbox_tx_queue_len) and, when nothing is in flight, submits the oldest one to the
//   controller. A full ring is -ENOBUFS with dev_err "Try increasing MBOX_TX_QUEUE_LEN".
// - msg_submit keeps the message queued when the controller refuses it (-EBUSY while its TX
//   FIFOs are not empty). With TXDONE_BY_IRQ nothing retries it: it waits for the next send or
//   TX-done, exactly as in Linux.
// - mbox_chan_txdone (from the controller's TX interrupt thread) ends the active request and
//   submits the next queued message (tx_tick).
// - mbox_chan_received_data hands received words to the client's rx_callback.
// Not modelled: blocking clients (tx_block), tx_prepare, the poll timer of TXDONE_BY_POLL.
//
// Locking: chan->lock is a spinlock in Linux. Here a flag claimed before the controller call
// (which contains HAL accesses, i.e. preemption points) keeps a second submitter out; every other
// state change happens between HAL calls and is atomic under the OS model's scheduling.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include "sw/linux/printk.h"

namespace sim::sw::lnx {

/// A tcc_mbox_data message: command words only (RPMsg kicks carry no data words).
struct MboxMessage {
  std::uint32_t cmd[8] = {};
  std::size_t cmd_len = 0;
};

class MboxChan {
public:
  using SendData = std::function<int(const MboxMessage&)>;
  using RxCallback = std::function<void(const std::uint32_t* words, std::size_t n)>;

  MboxChan(Printk& printk, std::string controller_dev, unsigned queue_len)
      : printk_(printk), dev_(std::move(controller_dev)), queue_len_(queue_len) {}

  /// The controller's send_data (0 or -EBUSY) and the client's rx_callback.
  void set_send_data(SendData fn) { send_data_ = std::move(fn); }
  void set_rx_callback(RxCallback fn) { rx_callback_ = std::move(fn); }

  /// mbox_send_message: a non-negative token, or -ENOBUFS when the ring is full.
  int send_message(const MboxMessage& msg);
  /// mbox_chan_txdone(chan, r): the controller saw the active message leave.
  void txdone(int r);
  /// mbox_chan_received_data.
  void received(const std::uint32_t* words, std::size_t n);

  std::size_t queued() const { return queue_.size(); }
  bool active() const { return active_; }
  std::uint64_t submitted() const { return submitted_; }
  std::uint64_t busy() const { return busy_; }

private:
  void msg_submit();

  Printk& printk_;
  std::string dev_;
  unsigned queue_len_;
  SendData send_data_;
  RxCallback rx_callback_;
  std::deque<MboxMessage> queue_;
  bool active_ = false;     ///< chan->active_req != NULL
  bool submitting_ = false; ///< chan->lock held around send_data
  int token_ = 0;           ///< chan->msg_free: the index add_to_rbuf returns
  std::uint64_t submitted_ = 0;
  std::uint64_t busy_ = 0;
};

} // namespace sim::sw::lnx
