// SPDX-License-Identifier: Apache-2.0
#include "sw/apps/zephyr/tty_responder.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "sw/hal/drop_reasons.h"

namespace sim::sw::apps {
namespace {

constexpr const char* kHeld = "held RX buffer";

} // namespace

TtyResponder::TtyResponder(TtyResponderOptions options) : options_(std::move(options)) {}

hal::ThreadSpec TtyResponder::thread() const {
  return {"app_rpmsg_tty", zephyr::k_prio_coop(7), true, 0};
}

int TtyResponder::on_message(zephyr::Endpoint& ept, const void* data, std::size_t len) {
  ++status_.callbacks;
  ept.hold_rx_buffer(data);
  if (msg_data_ != nullptr) {
    // The previous held buffer's only reference is about to be overwritten: the buffer leaks,
    // and its message with it unless the thread already took it (it is replying to it now).
    ++status_.leaked;
    if (!msg_taken_)
      report_dropped(*hal_, ept.addr(), msg_data_, msg_len_, kHeld, hal::drop::kHeldBufferLeaked);
  }
  msg_data_ = data;
  msg_len_ = len;
  msg_taken_ = false;
  report_held(*hal_, ept.addr(), data, len, kHeld);
  sem_->give();
  return 0;
}

void TtyResponder::run(hal::Hal& hal, zephyr::Rpmsg& rpmsg) {
  hal_ = &hal;
  sem_ = &hal.os().semaphore("data_tty_sem", 0, 1);
  zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 0, {},
             "OpenAMP[remote] Linux tty responder started");
  zephyr::Endpoint& ept =
      rpmsg.create_endpoint(options_.name, zephyr::kRpmsgAddrAny, zephyr::kRpmsgAddrAny,
                            [this](zephyr::Endpoint& e, const void* data, std::size_t len,
                                   std::uint32_t) { return on_message(e, data, len); });
  status_.create_status = ept.create_status();
  std::uint8_t tx_buff[kTxBuffSize];
  while (status_.create_status == 0 && ept.addr() != zephyr::kRpmsgAddrAny &&
         (options_.messages == 0 || status_.replies < options_.messages)) {
    sem_->take(hal::kForever);
    if (msg_len_ != 0) {
      const void* data = msg_data_;
      const std::size_t len = msg_len_;
      msg_taken_ = true;
      report_consumed(hal, ept.addr(), data, len);
      // tty_msg.data is the held buffer in shared memory: copied into a deferred message.
      zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 2, {len},
                 "[Linux TTY] incoming msg: %.*s", static_cast<int>(len),
                 static_cast<const char*>(data));
      char prefix[kPrefixSize + 1];
      std::snprintf(prefix, sizeof prefix, "TTY 0x%04x: ", static_cast<unsigned>(ept.addr()));
      std::memcpy(tx_buff, prefix, kPrefixSize);
      const std::size_t room = kTxBuffSize - kPrefixSize;
      if (len > room) ++status_.overflows;
      std::memcpy(tx_buff + kPrefixSize, data, std::min(len, room));
      const std::size_t out = std::min(len, room) + kPrefixSize;
      if (ept.send(tx_buff, out) >= 0)
        ++status_.replies;
      else
        ++status_.reply_failures;
      // The sample releases tty_msg.data as it is NOW: a message that arrived during the send
      // replaced it, so that one is released unanswered and the echoed one leaks.
      if (msg_data_ != data)
        report_dropped(hal, ept.addr(), msg_data_, msg_len_, kHeld, hal::drop::kTtyMsgOverwritten);
      ept.release_rx_buffer(msg_data_);
    } else if (msg_data_ != nullptr) {
      // `if (tty_msg.len)`: an empty message is neither answered nor released; forgetting the
      // pointer below leaks its held buffer.
      ++status_.leaked;
      report_dropped(hal, ept.addr(), msg_data_, 0, kHeld, hal::drop::kHeldBufferLeaked);
    }
    msg_len_ = 0;
    msg_data_ = nullptr;
  }
  if (status_.create_status == 0) ept.destroy();
  zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 0, {},
             "OpenAMP Linux tty responder ended");
  status_.ended = true;
  if (options_.on_done) options_.on_done();
}

} // namespace sim::sw::apps
