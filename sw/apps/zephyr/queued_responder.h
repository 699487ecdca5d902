// SPDX-License-Identifier: Apache-2.0
#pragma once
// The fix for the stock responder's single slot (real-bugs B8): the callback copies every message
// into a queue sized to the ring (vring_num entries: Linux cannot have more buffers in flight
// than that unless the remote returns them faster than the thread echoes) and gives a COUNTING
// semaphore of the same limit; the thread (K_PRIO_COOP(7)) echoes each queued message in order
// with the blocking rpmsg_send. Nothing is lost; a full queue (possible only if Linux refills
// returned buffers during one drain) drops with reason "queue_full".

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "sw/apps/zephyr/message_ids.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::apps {

struct QueuedResponderOptions {
  std::string name = "rpmsg-client-sample";
  /// Queue entries: set it to the ring size (remote.resource_table.vring_num).
  unsigned queue_depth = 8;
  /// Stop (destroying the endpoint) after this many echoes; 0: never.
  unsigned messages = 0;
  bool console = true;
  ProbeNaming probes;
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
  struct Message {
    std::uint64_t id;
    std::vector<std::uint8_t> bytes;
  };
  int on_message(const void* data, std::size_t len);

  QueuedResponderOptions options_;
  QueuedResponderStatus status_;
  MessageIds ids_;
  hal::Hal* hal_ = nullptr;
  hal::Semaphore* sem_ = nullptr;
  std::deque<Message> queue_;
};

} // namespace sim::sw::apps
