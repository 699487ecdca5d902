// SPDX-License-Identifier: Apache-2.0
#include "sw/apps/zephyr/client_sample_responder.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "sw/hal/drop_reasons.h"

namespace sim::sw::apps {
namespace {

constexpr std::size_t kMaxRpmsgLen = 0xffff; // rp_hdr->len is a u16, passed on unchecked
constexpr const char* kSlotName = "rx_sc_msg slot";

} // namespace

ClientSampleResponder::ClientSampleResponder(ClientSampleResponderOptions options)
    : options_(std::move(options)), storage_(kSlotSize + kMaxRpmsgLen) {}

hal::ThreadSpec ClientSampleResponder::thread() const {
  return {"app_rpmsg_client_sample", zephyr::k_prio_coop(7), true, 0};
}

int ClientSampleResponder::on_message(const zephyr::Endpoint& ept, const void* data,
                                      std::size_t len) {
  ++status_.callbacks;
  if (slot_full_) {
    // The thread has not taken the previous message: the memcpy below destroys it.
    ++status_.slot_overwritten;
    report_dropped(*hal_, ept.addr(), storage_.data(), slot_len_, kSlotName,
                   hal::drop::kSlotOverwritten);
  }
  if (len > kSlotSize) {
    ++status_.overflows;
    status_.max_overflow = std::max(status_.max_overflow, len - kSlotSize);
    const std::string note = "rpmsg-client-sample: " + std::to_string(len) +
                             "-byte message overruns rx_sc_msg[20] by " +
                             std::to_string(len - kSlotSize) + " bytes";
    hal_->probe(hal::note_event(note));
  }
  std::memcpy(storage_.data(), data, std::min(len, storage_.size()));
  slot_len_ = len;
  slot_full_ = true;
  report_held(*hal_, ept.addr(), storage_.data(), slot_len_, kSlotName);
  sem_->give();
  return 0;
}

void ClientSampleResponder::run(hal::Hal& hal, zephyr::Rpmsg& rpmsg) {
  hal_ = &hal;
  sem_ = &hal.os().semaphore("data_sc_sem", 0, 1);
  zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 0, {},
             "OpenAMP[remote] Linux sample client responder started");
  zephyr::Endpoint& ept =
      rpmsg.create_endpoint(options_.name, zephyr::kRpmsgAddrAny, zephyr::kRpmsgAddrAny,
                            [this](zephyr::Endpoint& e, const void* data, std::size_t len,
                                   std::uint32_t) { return on_message(e, data, len); });
  status_.create_status = ept.create_status();
  if (status_.create_status != 0) {
    zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kErr, 1, {},
               "[Linux sample client] Could not create endpoint: %d", status_.create_status);
  } else {
    while (status_.msg_cnt < options_.messages) {
      sem_->take(hal::kForever);
      // After a burst the thread can wake once more than there were messages left (the first
      // give went to the waiting thread, the next one was counted): it re-reads the same slot.
      const bool fresh = slot_full_;
      slot_full_ = false;
      ++status_.msg_cnt;
      const std::size_t len = slot_len_;
      // Consumed when taken from the slot; the printk after it is the application's own time.
      if (fresh)
        report_consumed(hal, ept.addr(), storage_.data(), len);
      else
        ++status_.slot_rereads;
      // sc_msg.data is the static rx_sc_msg: not read-only, so the deferred message copies it
      // (by strlen, whatever the precision says).
      const char* text = reinterpret_cast<const char*>(storage_.data());
      zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 3,
                 {strnlen(text, storage_.size())}, "[Linux sample client] incoming msg %u: %.*s",
                 status_.msg_cnt, static_cast<int>(len), text);
      // rpmsg_send reads sc_msg.data when it has a buffer: a message arriving meanwhile changes
      // what goes out (the stack reports what it copied).
      if (ept.send(storage_.data(), len) < 0) ++status_.echo_failures;
    }
    ept.destroy();
  }
  zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 0, {},
             "OpenAMP Linux sample client responder ended");
  status_.ended = true;
  if (options_.on_done) options_.on_done();
}

} // namespace sim::sw::apps
