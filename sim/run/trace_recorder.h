// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a timeline (--trace) shows besides the cores' slices: mailbox sends and interrupt pin
// changes as instants, the command FIFO levels, and the vring indices (avail.idx, used.idx) as
// their writers store them. Recorded during the run from the models' listeners and observers;
// it only watches.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/cache/cache_observer.h"
#include "models/cpu/cluster_observer.h"
#include "sw/hal/side.h"
#include "sw/shm/symbol_map.h"

namespace sim::models {
class Platform;
namespace coherency {
class CoherencySanitizer;
}
} // namespace sim::models

namespace sim::app {

/// A mailbox event, on the track of the direction it concerns.
struct TraceInstant {
  Direction direction = Direction::kMasterToRemote;
  std::string name; ///< "kick", "RX irq raised"
  std::uint64_t time_ps = 0;
};

/// An event on a cluster's timeline that belongs to a thread: a coherency violation at the
/// access that made it, a fault firing. Shown on the core that ran the thread.
struct TraceMark {
  std::string cluster;
  std::string thread; ///< empty: the cluster's first core
  std::uint64_t time_ps = 0;
  std::string category; ///< "coherency", "fault"
  std::string name;     ///< "stale_read vring1.avail.idx"
  std::vector<std::pair<std::string, std::string>> args;
};

struct TraceCounter {
  enum class Kind : std::uint8_t {
    kCmdFifo,   ///< a direction's mailbox command FIFO level
    kRingIndex, ///< a vring index as its writer stored it
  };
  Kind kind = Kind::kRingIndex;
  Direction direction = Direction::kMasterToRemote; ///< kCmdFifo: whose FIFO
  std::string name; ///< "cmd FIFO master -> remote", "vring1.avail.idx"
  std::uint64_t time_ps = 0;
  std::uint64_t value = 0;
};

class TraceRecorder {
public:
  /// Hooks the platform's mailbox and, for each field in `ring_indices` (2-byte vring indices),
  /// both clusters' stores to it (through their D-cache or not). Call before the simulation.
  TraceRecorder(models::Platform& platform, const std::vector<sw::shm::Symbol>& ring_indices);
  ~TraceRecorder();
  TraceRecorder(const TraceRecorder&) = delete;
  TraceRecorder& operator=(const TraceRecorder&) = delete;

  /// Also calls `listener` with every counter sample as it is taken (the VCD writer).
  void on_counter(std::function<void(const TraceCounter&)> listener) {
    listener_ = std::move(listener);
  }
  /// Records every violation the sanitizer reports, at the reader's access.
  void watch(models::coherency::CoherencySanitizer& sanitizer);
  const std::vector<TraceInstant>& instants() const { return instants_; }
  const std::vector<TraceMark>& marks() const { return marks_; }
  const std::vector<TraceCounter>& counters() const { return counters_; }

  /// The name of a direction's command FIFO counter ("cmd FIFO master -> remote").
  static std::string fifo_counter(Direction direction);

private:
  class IndexWatch;
  std::vector<TraceInstant> instants_;
  std::vector<TraceCounter> counters_;
  std::vector<TraceMark> marks_;
  void add(TraceCounter c);

  std::vector<std::unique_ptr<IndexWatch>> watches_;
  std::function<void(const TraceCounter&)> listener_;
};

} // namespace sim::app
