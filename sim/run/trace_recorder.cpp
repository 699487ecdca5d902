// SPDX-License-Identifier: Apache-2.0
#include "sim/run/trace_recorder.h"

#include "models/coherency/sanitizer.h"
#include "models/common/tlm_util.h"
#include "models/platform/platform.h"

namespace sim::app {

// One cluster's stores to the watched index fields, cached or not.
class TraceRecorder::IndexWatch : public models::CacheObserver, public models::ClusterObserver {
public:
  IndexWatch(std::vector<sw::shm::Symbol> fields, std::function<void(TraceCounter)> out)
      : fields_(std::move(fields)), out_(std::move(out)) {}

  void on_write(std::uint64_t addr, const std::uint8_t* data, unsigned len, bool,
                std::uint64_t when_ps) override {
    store(addr, data, len, when_ps);
  }
  void on_uncached(bool is_write, std::uint64_t addr, const std::uint8_t* data, unsigned len,
                   bool device, std::uint64_t when_ps) override {
    if (is_write && !device) store(addr, data, len, when_ps);
  }

private:
  void store(std::uint64_t addr, const std::uint8_t* data, unsigned len, std::uint64_t when_ps) {
    for (const sw::shm::Symbol& f : fields_) {
      // Only a store covering the whole (little-endian) index gives its value.
      if (addr > f.addr || addr + len < f.addr + f.size) continue;
      std::uint64_t v = 0;
      for (std::uint64_t i = 0; i < f.size; ++i)
        v |= std::uint64_t{data[f.addr - addr + i]} << (8 * i);
      out_({TraceCounter::Kind::kRingIndex, Direction::kMasterToRemote, f.name, when_ps, v});
    }
  }

  std::vector<sw::shm::Symbol> fields_;
  std::function<void(TraceCounter)> out_;
};

void TraceRecorder::add(TraceCounter c) {
  if (listener_) listener_(c);
  counters_.push_back(std::move(c));
}

void TraceRecorder::watch(models::coherency::CoherencySanitizer& sanitizer) {
  sanitizer.on_violation([this](const models::coherency::Finding& f, std::uint64_t time_ps,
                                const std::string& cluster, const std::string& thread) {
    marks_.push_back(
        {cluster,
         thread,
         time_ps,
         "coherency",
         std::string(models::coherency::kind_name(f.kind)) + " " + f.symbol,
         {{"kind", models::coherency::kind_name(f.kind)}, {"field", f.symbol}, {"hint", f.hint}}});
  });
}

std::string TraceRecorder::fifo_counter(Direction direction) {
  return std::string("cmd FIFO ") + direction_label(direction);
}

TraceRecorder::TraceRecorder(models::Platform& platform,
                             const std::vector<sw::shm::Symbol>& ring_indices) {
  models::TccMailbox& mbox = platform.mailbox();
  const models::MailboxLink& link = mbox.link();
  const auto fifo_level = [this, &link](Side sender, std::uint64_t when_ps) {
    const Direction d = direction_from(sender);
    add({TraceCounter::Kind::kCmdFifo, d, fifo_counter(d), when_ps,
         link.tx_cmd_level(models::mailbox_terminal(sender))});
  };
  mbox.on_send([this, fifo_level](models::Terminal t, bool delivered, sc_core::sc_time when) {
    const std::uint64_t ps = sc_to_ps(when);
    const Side sender = models::side_of(t);
    instants_.push_back({direction_from(sender), delivered ? "kick" : "kick (lost)", ps});
    fifo_level(sender, ps);
  });
  mbox.on_pin_change([this, fifo_level](models::Terminal t, models::IrqKind kind, bool level,
                                        sc_core::sc_time when) {
    const Side side = models::side_of(t);
    const std::uint64_t ps = sc_to_ps(when);
    // RX concerns what the peer sent to this side; TX-done, what this side sent.
    const bool rx = kind == models::IrqKind::kRx;
    const Side sender = rx ? peer_of(side) : side;
    instants_.push_back({direction_from(sender),
                         std::string(rx ? "RX irq " : "TX-done irq ") + side_name(side) +
                             (level ? " raised" : " lowered"),
                         ps});
    fifo_level(sender, ps);
  });
  if (ring_indices.empty()) return;
  for (Side side : kSides) {
    watches_.push_back(
        std::make_unique<IndexWatch>(ring_indices, [this](TraceCounter c) { add(std::move(c)); }));
    platform.dcache(side).add_observer(watches_.back().get());
    platform.cluster(side).add_observer(watches_.back().get());
  }
}

TraceRecorder::~TraceRecorder() = default;

} // namespace sim::app
