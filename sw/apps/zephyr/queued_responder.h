// SPDX-License-Identifier: Apache-2.0
#pragma once
// The fix for the stock responder's single slot (real-bugs B8): the callback copies every message
// into a queue of queue_depth entries (by default the ring size) and gives a COUNTING semaphore
// of the same limit; the thread (K_PRIO_COOP(7)) echoes each queued message in order with the
// blocking rpmsg_send. A burst drained in one pass is therefore not lost.
// The queue does NOT bound what can arrive, though: the callback returns every RX buffer at once,
// so Linux's vring_num TX buffers limit only the messages in the ring at one time, not how many
// arrive while the thread is not taking them. The thread stops taking them whenever an echo has to
// wait for a TX buffer (one of Linux's RX buffers in vring0): without a notify_wait_cb OpenAMP then
// sleeps 1 ms per attempt (RPMSG_TICKS_PER_INTERVAL), and Linux's refills never notify (vring0
// NO_NOTIFY), so the thread sleeps the whole millisecond while the rpmsg thread keeps draining
// and returning Linux's TX buffers. A back-to-back Linux sender (about 10 us per message on the
// default board) gets about a hundred messages through in that time; all beyond queue_depth are
// dropped with reason "queue_full". Lossless only while Linux takes the echoes as fast as the
// thread sends them: a Linux sender more urgent than the kworker that reads the echoes defeats
// it (stream_queued with `remote.console: false` and `stream.priority: 10`).
// Ledger (app_reports.h): held in the queue, consumed when the thread takes it, or dropped
// "queue_full" by the callback.

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "sw/apps/zephyr/app_reports.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::apps {

struct QueuedResponderOptions {
  std::string name = "rpmsg-client-sample";
  /// Queue entries: set it to the ring size (remote.resource_table.vring_num).
  unsigned queue_depth = 8;
  /// Stop (destroying the endpoint) after this many echoes; 0: never.
  unsigned messages = 0;
  bool console = true;
  std::function<void()> on_done;
};

struct QueuedResponderStatus {
  std::uint64_t callbacks = 0;
  std::uint64_t echoed = 0;
  std::uint64_t queue_full = 0;
  std::uint64_t echo_failures = 0;
  std::size_t max_depth = 0;
  int create_status = 0;
  bool ended = false;
};

class QueuedResponder : public zephyr::ZephyrApp {
public:
  explicit QueuedResponder(QueuedResponderOptions options = {});

  hal::ThreadSpec thread() const override;
  void run(hal::Hal& hal, zephyr::Rpmsg& rpmsg) override;
  const QueuedResponderStatus& status() const { return status_; }

private:
  int on_message(const zephyr::Endpoint& ept, const void* data, std::size_t len);

  QueuedResponderOptions options_;
  QueuedResponderStatus status_;
  hal::Hal* hal_ = nullptr;
  hal::Semaphore* sem_ = nullptr;
  std::deque<std::vector<std::uint8_t>> queue_;
};

} // namespace sim::sw::apps
