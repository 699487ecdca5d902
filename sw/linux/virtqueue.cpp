// SPDX-License-Identifier: Apache-2.0
#include "sw/linux/virtqueue.h"

#include "sw/linux/linux.h"
#include "sw/shm/layout.h"

namespace sim::sw::lnx {
namespace {

// vring_need_event: did the device ask for a notification between old and new?
bool need_event(std::uint16_t event_idx, std::uint16_t new_idx, std::uint16_t old_idx) {
  return static_cast<std::uint16_t>(new_idx - event_idx - 1) <
         static_cast<std::uint16_t>(new_idx - old_idx);
}

} // namespace

std::unique_ptr<Virtqueue> Virtqueue::create(hal::Hal& hal, Printk& printk, std::string dev,
                                             const Config& config, Notify notify,
                                             Callback callback) {
  if (config.num == 0 || (config.num & (config.num - 1)) != 0) {
    printk.dev(KernLevel::kWarn, "virtio_rpmsg_bus", dev,
               format("Bad virtqueue length %u", config.num));
    return nullptr;
  }
  return std::unique_ptr<Virtqueue>(
      new Virtqueue(hal, printk, std::move(dev), config, std::move(notify), std::move(callback)));
}

Virtqueue::Virtqueue(hal::Hal& hal, Printk& printk, std::string dev, const Config& config,
                     Notify notify, Callback callback)
    : hal_(hal), printk_(printk), dev_(std::move(dev)), config_(config), notify_(std::move(notify)),
      callback_(std::move(callback)), ring_(hal, config.base, config.num, config.align),
      desc_state_(config.num, 0), num_free_(config.num) {
  // "Put everything in free lists": the chain lives in the shared descriptors (5.10).
  for (unsigned i = 0; i + 1 < config.num; ++i)
    ring_.set_desc_next(i, static_cast<std::uint16_t>(i + 1));
}

void Virtqueue::bad_ring(const std::string& what) {
  printk_.dev(KernLevel::kErr, "virtio_rpmsg_bus", dev_, config_.name + ":" + what);
  broken_ = true;
}

int Virtqueue::add(hal::Addr buf, std::uint32_t len, bool in, hal::Addr cookie) {
  if (broken_) return kEio;
  if (num_free_ < 1) {
    // Historical quirk: a full ring forces a notify when the buffer has an outgoing part.
    if (!in) notify_(*this);
    return kEnospc;
  }
  const unsigned head = free_head_;
  const unsigned i = head;
  const std::uint16_t flags = static_cast<std::uint16_t>(
      shm::kVringDescFNext | (in ? shm::kVringDescFWrite : std::uint16_t{0}));
  ring_.set_desc_flags(i, flags);
  ring_.set_desc_addr(i, buf);
  ring_.set_desc_len(i, len);
  const unsigned next = ring_.desc_next(i);
  // "Last one doesn't continue": a read-modify-write of the shared flags.
  ring_.set_desc_flags(
      i, static_cast<std::uint16_t>(ring_.desc_flags(i) & ~unsigned{shm::kVringDescFNext}));
  --num_free_;
  free_head_ = next;
  desc_state_[head] = cookie;
  const unsigned slot = avail_idx_shadow_ & (config_.num - 1);
  ring_.set_avail_ring(slot, static_cast<std::uint16_t>(head));
  hal_.barrier(); // virtio_wmb: descriptor and ring entry before the index
  ++avail_idx_shadow_;
  ring_.set_avail_idx(avail_idx_shadow_);
  ++num_added_;
  if (num_added_ == 0xffff) kick(); // "unlikely, but theoretically possible"
  return 0;
}

bool Virtqueue::kick_prepare() {
  hal_.barrier(); // virtio_mb: expose avail entries before reading the device's flags
  const std::uint16_t new_idx = avail_idx_shadow_;
  const auto old_idx = static_cast<std::uint16_t>(avail_idx_shadow_ - num_added_);
  num_added_ = 0;
  if (config_.event_idx) return need_event(ring_.avail_event(), new_idx, old_idx);
  return (ring_.used_flags() & shm::kVringUsedFNoNotify) == 0;
}

bool Virtqueue::notify() {
  if (broken_) return false;
  if (!notify_(*this)) {
    broken_ = true;
    return false;
  }
  return true;
}

bool Virtqueue::kick() {
  if (kick_prepare()) return notify();
  return false;
}

bool Virtqueue::more_used() {
  return last_used_idx_ != ring_.used_idx();
}

void Virtqueue::detach(unsigned head) {
  desc_state_[head] = 0;
  unsigned i = head;
  // Chained descriptors are followed through the shared flags/next (never produced by rpmsg;
  // bounded so a corrupted ring cannot loop forever).
  for (unsigned hops = 0; hops < config_.num && (ring_.desc_flags(i) & shm::kVringDescFNext) != 0;
       ++hops) {
    i = ring_.desc_next(i);
    ++num_free_;
  }
  ring_.set_desc_next(i, static_cast<std::uint16_t>(free_head_));
  free_head_ = head;
  ++num_free_;
}

hal::Addr Virtqueue::get_buf(std::uint32_t* len) {
  if (broken_) return 0;
  if (!more_used()) return 0;
  hal_.barrier(); // virtio_rmb: the used entry only after used.idx
  const unsigned last_used = last_used_idx_ & (config_.num - 1);
  const std::uint32_t id = ring_.used_ring_id(last_used);
  const std::uint32_t used_len = ring_.used_ring_len(last_used);
  if (id >= config_.num) {
    bad_ring(format("id %u out of range", id));
    return 0;
  }
  if (desc_state_[id] == 0) {
    bad_ring(format("id %u is not a head!", id));
    return 0;
  }
  const hal::Addr cookie = desc_state_[id];
  detach(id);
  ++last_used_idx_;
  // Tell the device where we are, even without EVENT_IDX, while callbacks are on (§3.4).
  if ((avail_flags_shadow_ & shm::kVringAvailFNoInterrupt) == 0) {
    ring_.set_used_event(last_used_idx_);
    hal_.barrier(); // virtio_store_mb
  }
  if (len != nullptr) *len = used_len;
  return cookie;
}

void Virtqueue::disable_cb() {
  if ((avail_flags_shadow_ & shm::kVringAvailFNoInterrupt) != 0) return;
  avail_flags_shadow_ |= shm::kVringAvailFNoInterrupt;
  if (!config_.event_idx) ring_.set_avail_flags(avail_flags_shadow_);
}

bool Virtqueue::enable_cb() {
  // virtqueue_enable_cb_prepare ...
  if ((avail_flags_shadow_ & shm::kVringAvailFNoInterrupt) != 0) {
    avail_flags_shadow_ =
        static_cast<std::uint16_t>(avail_flags_shadow_ & ~unsigned{shm::kVringAvailFNoInterrupt});
    if (!config_.event_idx) ring_.set_avail_flags(avail_flags_shadow_);
  }
  const std::uint16_t last = last_used_idx_;
  ring_.set_used_event(last);
  // ... then virtqueue_poll: mb, and compare with the device's index.
  hal_.barrier();
  return last == ring_.used_idx();
}

bool Virtqueue::interrupt() {
  if (!more_used()) return false;
  if (broken_) return true;
  if (callback_) callback_(*this);
  return true;
}

} // namespace sim::sw::lnx
