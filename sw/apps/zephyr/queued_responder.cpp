// SPDX-License-Identifier: Apache-2.0
#include "sw/apps/zephyr/queued_responder.h"

#include <algorithm>

#include "sw/hal/drop_reasons.h"

namespace sim::sw::apps {

QueuedResponder::QueuedResponder(QueuedResponderOptions options) : options_(std::move(options)) {
  options_.queue_depth = std::max(options_.queue_depth, 1u);
}

hal::ThreadSpec QueuedResponder::thread() const {
  return {"app_rpmsg_queued", zephyr::k_prio_coop(7), true, 0};
}

int QueuedResponder::on_message(const zephyr::Endpoint& ept, const void* data, std::size_t len) {
  ++status_.callbacks;
  if (queue_.size() >= options_.queue_depth) {
    ++status_.queue_full;
    report_refused(*hal_, ept.addr(), data, len, hal::drop::kQueueFull);
    return 0;
  }
  const auto* p = static_cast<const std::uint8_t*>(data);
  queue_.emplace_back(p, p + len);
  queue_.back().reserve(1); // a valid pointer even for an empty message, as in C
  report_held(*hal_, ept.addr(), data, len, "queue");
  status_.max_depth = std::max(status_.max_depth, queue_.size());
  sem_->give();
  return 0;
}

void QueuedResponder::run(hal::Hal& hal, zephyr::Rpmsg& rpmsg) {
  hal_ = &hal;
  sem_ = &hal.os().semaphore("queued_sem", 0, options_.queue_depth);
  zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 0, {},
             "OpenAMP[remote] queued responder started");
  zephyr::Endpoint& ept =
      rpmsg.create_endpoint(options_.name, zephyr::kRpmsgAddrAny, zephyr::kRpmsgAddrAny,
                            [this](zephyr::Endpoint& e, const void* data, std::size_t len,
                                   std::uint32_t) { return on_message(e, data, len); });
  status_.create_status = ept.create_status();
  while (status_.create_status == 0 &&
         (options_.messages == 0 || status_.echoed < options_.messages)) {
    sem_->take(hal::kForever);
    if (queue_.empty()) continue;
    const std::vector<std::uint8_t> m = std::move(queue_.front());
    queue_.pop_front();
    ++status_.echoed;
    report_consumed(hal, ept.addr(), m.data(), m.size());
    zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 3, {m.size()},
               "[queued responder] incoming msg %llu: %.*s",
               static_cast<unsigned long long>(status_.echoed), static_cast<int>(m.size()),
               reinterpret_cast<const char*>(m.data()));
    if (ept.send(m.data(), m.size()) < 0) ++status_.echo_failures;
  }
  if (status_.create_status == 0) ept.destroy();
  zephyr_log(hal, rpmsg.logger(), options_.console, zephyr::logging::Level::kInf, 0, {},
             "OpenAMP queued responder ended");
  status_.ended = true;
  if (options_.on_done) options_.on_done();
}

} // namespace sim::sw::apps
