// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/device_virtqueue.h"

#include <utility>

namespace sim::sw::zephyr {

DeviceVirtqueue::DeviceVirtqueue(hal::Hal& hal, MetalCache& cache, const OpenampRelease& release,
                                 const site::VringSites& sites, shm::VringView ring,
                                 std::uint32_t notifyid, ShmRegion shm,
                                 std::function<void(std::uint32_t)> notify)
    : hal_(hal), cache_(cache), release_(release), sites_(sites), ring_(ring), notifyid_(notifyid),
      shm_(shm), notify_(std::move(notify)) {}

bool DeviceVirtqueue::get_available_buffer(Buffer& out) {
  const shm::VringLayout& l = ring_.layout();
  hal_.barrier(); // atomic_thread_fence before looking at the driver's index
  cache_.vring_invalidate(ring_.at(l.avail_idx()), 2, sites_.avail_idx_invalidate);
  if (available_idx_ == ring_.avail_idx()) return false;

  // v2021.10 invalidated ring[head_idx] while head_idx still held its initial 0 (issue #338).
  const unsigned head = available_idx_ & (ring_.num() - 1);
  const unsigned invalidated = release_.has(Feature::kAvailRingInvalidateBeforeHead) ? 0 : head;
  cache_.vring_invalidate(ring_.at(l.avail_ring(invalidated)), 2, sites_.avail_ring_invalidate);
  ++available_idx_;
  const std::uint16_t idx = ring_.avail_ring(head);

  // The descriptor index comes from the driver: an out-of-range one reads past the table in C;
  // here the view panics the cluster (a BUG-like condition, reported with the address).
  std::uint64_t pa = 0;
  if (release_.has(Feature::kSplitDescInvalidate)) {
    // virtqueue_get_buffer_addr, then virtqueue_get_buffer_length: each field on its own.
    cache_.vring_invalidate(ring_.at(l.desc(idx)), sizeof(std::uint64_t), sites_.desc_invalidate);
    pa = ring_.desc_addr(idx);
    out.len = get_buffer_length(idx);
  } else {
    cache_.vring_invalidate(ring_.at(l.desc(idx)), shm::kVringDescSize, sites_.desc_invalidate);
    pa = ring_.desc_addr(idx);
    out.len = ring_.desc_len(idx);
  }
  out.idx = idx;
  const bool inside = shm_.size == 0 || (pa >= shm_.base && pa - shm_.base < shm_.size);
  out.addr = inside ? pa : 0;
  return true;
}

std::uint32_t DeviceVirtqueue::get_buffer_length(std::uint16_t idx) {
  const hal::Addr len_addr = ring_.at(ring_.layout().desc(idx)) + shm::kVringDescLen;
  cache_.vring_invalidate(len_addr, 4, sites_.desc_len_invalidate);
  return ring_.desc_len(idx);
}

bool DeviceVirtqueue::add_consumed_buffer(std::uint16_t idx, std::uint32_t len) {
  // Up to v2022.04 the check was `>`: the index equal to the ring size slipped through (8590171).
  if (release_.has(Feature::kConsumedBoundInclusive) ? idx >= ring_.num() : idx > ring_.num())
    return false;
  const shm::VringLayout& l = ring_.layout();
  // used.idx is only written by this side: read through the cache, no invalidate.
  const unsigned slot = ring_.used_idx() & (ring_.num() - 1);
  ring_.set_used_ring_id(slot, idx);
  ring_.set_used_ring_len(slot, len);
  cache_.vring_flush(ring_.at(l.used_ring_id(slot)), shm::kVringUsedElemSize,
                     sites_.used_ring_flush);
  hal_.barrier();
  ring_.set_used_idx(static_cast<std::uint16_t>(ring_.used_idx() + 1));
  cache_.vring_flush(ring_.at(l.used_idx()), 2, sites_.used_idx_flush);
  return true;
}

void DeviceVirtqueue::disable_cb() {
  const std::uint16_t flags = ring_.used_flags();
  ring_.set_used_flags(static_cast<std::uint16_t>(flags | shm::kVringUsedFNoNotify));
  cache_.vring_flush(ring_.at(ring_.layout().used_flags()), 2, sites_.used_flags_flush);
}

void DeviceVirtqueue::kick() {
  hal_.barrier();
  cache_.vring_invalidate(ring_.at(ring_.layout().avail_flags()), 2, sites_.avail_flags_invalidate);
  if ((ring_.avail_flags() & shm::kVringAvailFNoInterrupt) == 0) notify_(notifyid_);
}

} // namespace sim::sw::zephyr
