// SPDX-License-Identifier: Apache-2.0
#pragma once
// A split virtqueue, driver side, as Linux 5.10's virtio_ring.c runs it for a remoteproc vdev
// (rpmsg-protocol.md §2, §3.2-§3.4, §9 C): weak_barriers = false (virtio_wmb/rmb/mb are real
// barriers), no DMA API (desc.addr is the physical address), no indirect descriptors (rpmsg adds
// one buffer at a time), EVENT_IDX only when negotiated.
//
// Faithful to the pre-desc_extra ring (<= 5.13): the free list is chained through desc[i].next in
// shared memory and re-read from there when adding and detaching, and desc[].flags is re-read in
// detach. Shared fields are accessed one at a time with their own width through VringView, in the
// order the C code does, so the cache model and the coherency sanitizer see the real traffic.
// Host-side state (shadow flags and index, last_used_idx, the cookies in desc_state) lives here.
//
// Not modelled: packed rings, chained/indirect buffers, the DMA API mapping.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sw/hal/hal.h"
#include "sw/linux/printk.h"
#include "sw/shm/vring_view.h"

namespace sim::sw::lnx {

class Virtqueue {
public:
  /// vq->notify (rproc_virtio_notify): false marks the queue broken.
  using Notify = std::function<bool(Virtqueue&)>;
  /// vq->vq.callback (rpmsg_recv_done / rpmsg_xmit_done).
  using Callback = std::function<void(Virtqueue&)>;

  struct Config {
    unsigned index = 0;
    std::string name; ///< "input" / "output"
    hal::Addr base = 0;
    unsigned num = 0;
    unsigned align = 0;
    bool event_idx = false; ///< VIRTIO_RING_F_EVENT_IDX negotiated
  };

  /// vring_new_virtqueue on an already zeroed ring: chains the free list through desc[].next.
  /// nullptr (after dev_warn "Bad virtqueue length") when num is not a power of two.
  static std::unique_ptr<Virtqueue> create(hal::Hal& hal, Printk& printk, std::string dev,
                                           const Config& config, Notify notify, Callback callback);

  /// virtqueue_add_inbuf / _outbuf with one buffer: 0, -ENOSPC (ring full) or -EIO (broken).
  /// `cookie` is what get_buf returns for it (must not be 0).
  int add_inbuf(hal::Addr buf, std::uint32_t len, hal::Addr cookie) {
    return add(buf, len, true, cookie);
  }
  int add_outbuf(hal::Addr buf, std::uint32_t len, hal::Addr cookie) {
    return add(buf, len, false, cookie);
  }
  /// virtqueue_kick_prepare: mb, then whether the device wants a notification.
  bool kick_prepare();
  /// virtqueue_notify.
  bool notify();
  /// virtqueue_kick = kick_prepare && notify.
  bool kick();
  /// virtqueue_get_buf: the cookie of the next used buffer and its used length, or 0.
  hal::Addr get_buf(std::uint32_t* len);
  void disable_cb();
  /// virtqueue_enable_cb: false when more used buffers are already pending.
  bool enable_cb();
  /// vring_interrupt: false is IRQ_NONE (no new used entry); otherwise the callback ran (unless
  /// the queue is broken).
  bool interrupt();

  unsigned index() const { return config_.index; }
  const std::string& name() const { return config_.name; }
  unsigned num() const { return config_.num; }
  unsigned num_free() const { return num_free_; }
  bool broken() const { return broken_; }
  std::uint16_t last_used_idx() const { return last_used_idx_; }
  const shm::VringView& ring() const { return ring_; }

private:
  Virtqueue(hal::Hal& hal, Printk& printk, std::string dev, const Config& config, Notify notify,
            Callback callback);
  int add(hal::Addr buf, std::uint32_t len, bool in, hal::Addr cookie);
  void detach(unsigned head);
  bool more_used();
  void bad_ring(const std::string& what);

  hal::Hal& hal_;
  Printk& printk_;
  std::string dev_;
  Config config_;
  Notify notify_;
  Callback callback_;
  shm::VringView ring_;
  std::vector<hal::Addr> desc_state_;
  unsigned free_head_ = 0;
  unsigned num_free_ = 0;
  std::uint16_t avail_flags_shadow_ = 0;
  std::uint16_t avail_idx_shadow_ = 0;
  std::uint16_t last_used_idx_ = 0;
  unsigned num_added_ = 0;
  bool broken_ = false;
};

} // namespace sim::sw::lnx
