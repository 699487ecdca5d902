// SPDX-License-Identifier: Apache-2.0
#include "sw/linux/mbox_chan.h"

#include "sw/linux/linux.h"

namespace sim::sw::lnx {

int MboxChan::send_message(const MboxMessage& msg) {
  // add_to_rbuf: the ring holds queue_len messages; the active one has already left it.
  if (queue_.size() >= queue_len_) {
    printk_.dev(KernLevel::kErr, "tcc-mailbox", dev_, "Try increasing MBOX_TX_QUEUE_LEN");
    return kEnobufs;
  }
  queue_.push_back(msg);
  const int token = token_;
  token_ = queue_len_ == 0 ? 0 : static_cast<int>((static_cast<unsigned>(token_) + 1) % queue_len_);
  msg_submit();
  return token;
}

void MboxChan::msg_submit() {
  if (queue_.empty() || active_ || submitting_) return;
  submitting_ = true;
  const int err = send_data_ ? send_data_(queue_.front()) : kEbusy;
  submitting_ = false;
  if (err == 0) {
    active_ = true;
    queue_.pop_front();
    ++submitted_;
  } else {
    ++busy_;
  }
}

void MboxChan::txdone(int r) {
  (void)r; // tx_tick passes it to the client's tx_done, which remoteproc does not register
  active_ = false;
  msg_submit();
}

void MboxChan::received(const std::uint32_t* words, std::size_t n) {
  if (rx_callback_) rx_callback_(words, n);
}

} // namespace sim::sw::lnx
