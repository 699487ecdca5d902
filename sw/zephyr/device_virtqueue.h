// SPDX-License-Identifier: Apache-2.0
#pragma once
// One split virtqueue seen from the virtio DEVICE side, as OpenAMP's virtqueue.c drives it for a
// remote (rpmsg-protocol.md §2.3, §6.3-§6.5): take buffers the driver (Linux) made available,
// hand them back through the used ring, suppress the driver's notifications, and kick. The device
// never writes descriptors or the avail ring and does not clear the ring at start
// (vq_available_idx starts at 0 whatever the ring holds).
//
// Every shared field is one HAL access of its width, with the maintenance of the release:
// avail.idx, avail.ring[head] (v2021.10: ring[0]) and desc[idx] invalidated before reading;
// used.ring[i] and used.idx flushed after writing; used.idx read-modify-written through the cache
// without invalidate ("never written by the driver"); avail.flags invalidated before the kick
// decision. Not modelled: EVENT_IDX (never negotiated with a Zephyr table), indirect and chained
// descriptors (rpmsg never uses them), VQUEUE_DEBUG checks.

#include <cstdint>
#include <functional>

#include "sw/shm/vring_view.h"
#include "sw/zephyr/cache_sites.h"
#include "sw/zephyr/metal_cache.h"
#include "sw/zephyr/openamp_release.h"

namespace sim::sw::zephyr {

class DeviceVirtqueue {
public:
  /// A buffer taken from the avail ring. `addr` is 0 when desc.addr lies outside the shared-
  /// memory I/O region (metal_io_phys_to_virt gives NULL).
  struct Buffer {
    std::uint16_t idx = 0;
    hal::Addr addr = 0;
    std::uint32_t len = 0;
  };
  /// The region descriptors must point into (zephyr,ipc_shm); size 0 accepts any address.
  struct ShmRegion {
    hal::Addr base = 0;
    std::uint64_t size = 0;
  };

  DeviceVirtqueue(hal::Hal& hal, MetalCache& cache, const OpenampRelease& release,
                  const site::VringSites& sites, shm::VringView ring, std::uint32_t notifyid,
                  ShmRegion shm, std::function<void(std::uint32_t)> notify);

  /// virtqueue_get_available_buffer: false when avail.idx equals the local index.
  bool get_available_buffer(Buffer& out);
  /// virtqueue_get_buffer_length: desc[idx].len, invalidated first.
  std::uint32_t get_buffer_length(std::uint16_t idx);
  /// virtqueue_add_consumed_buffer: used.ring[used.idx % num] = {idx, len}, flush, fence,
  /// used.idx++, flush. Returns false when idx > num (OpenAMP's off-by-one bound, kept).
  bool add_consumed_buffer(std::uint16_t idx, std::uint32_t len);
  /// virtqueue_disable_cb: used.flags |= NO_NOTIFY, flushed.
  void disable_cb();
  /// virtqueue_kick: fence, then notify unless the driver set avail.flags NO_INTERRUPT.
  void kick();

  std::uint32_t notifyid() const { return notifyid_; }
  const shm::VringView& ring() const { return ring_; }
  std::uint16_t available_idx() const { return available_idx_; }

private:
  hal::Hal& hal_;
  MetalCache& cache_;
  const OpenampRelease& release_;
  const site::VringSites& sites_;
  shm::VringView ring_;
  std::uint32_t notifyid_;
  ShmRegion shm_;
  std::function<void(std::uint32_t)> notify_;
  std::uint16_t available_idx_ = 0; ///< vq_available_idx: free-running, never reset
};

} // namespace sim::sw::zephyr
