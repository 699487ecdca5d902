// SPDX-License-Identifier: Apache-2.0
#pragma once
// One remoteproc virtio device (struct rproc_vdev) with the virtio core around it, v5.10
// (rpmsg-protocol.md §1.4, §2.3, §3.2; remoteproc_virtio.c, virtio.c):
// - rproc_add_virtio_dev: the vdev<i>buffer carve-out becomes the device's coherent DMA pool
//   (a page bitmap, power-of-two allocations aligned to their size, like dma_alloc_coherent from
//   a per-device pool; a failed allocation never falls back to another allocator);
// - register_virtio_device / virtio_dev_probe: status 0 (reset) -> ACKNOWLEDGE -> DRIVER,
//   features = dfeatures & the driver's (VIRTIO_RPMSG_F_NS) plus the transport bits virtio_ring
//   accepts (INDIRECT_DESC, EVENT_IDX), written to gfeatures; the driver's probe; DRIVER_OK if the
//   driver did not set it; FAILED when the probe fails. A vdev whose id is not VIRTIO_ID_RPMSG
//   finds no driver and stays at ACKNOWLEDGE, as on Linux;
// - the config ops: status and features are plain loads and stores in the live table
//   (Normal-NC, so no cache maintenance); no kick accompanies a status change;
// - rp_find_vq: memset of the whole vring, vring_new_virtqueue, the carve-out's da written into
//   the table's vring entry; on failure rproc_free_vring writes da = 0, notifyid = -1.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sw/linux/linux.h"
#include "sw/linux/printk.h"
#include "sw/linux/tcc_rproc.h"
#include "sw/linux/virtqueue.h"
#include "sw/shm/vdev_view.h"

namespace sim::sw::lnx {

class VirtioRpmsgBus;

class RprocVdev {
public:
  RprocVdev(TccRproc& rproc, hal::Hal& hal, Printk& printk, const LinuxOptions& options,
            LinuxStatus& status, unsigned index, hal::Addr rsc_entry);
  ~RprocVdev();

  unsigned index() const { return index_; }
  /// The vdev entry in the live table (its type word's address).
  shm::VdevView rsc() const { return shm::VdevView(hal_, rsc_entry_); }
  RprocVring vring[2];
  unsigned num_of_vrings = 0;
  std::uint32_t id = 0;

  /// rproc_vdev_do_start: 0, or the driver probe's error (the attach still completes).
  int start(const std::vector<RpmsgDriver*>& drivers);

  // --- virtio_config_ops and virtio core helpers ---------------------------------------------
  std::uint8_t get_status() { return rsc().status(); }
  void set_status(std::uint8_t s) { rsc().set_status(s); }
  void add_status(std::uint8_t s) { set_status(static_cast<std::uint8_t>(get_status() | s)); }
  bool has_feature(unsigned bit) const { return bit < 64 && ((features_ >> bit) & 1u) != 0; }
  /// virtio_device_ready: status |= DRIVER_OK.
  void device_ready();
  /// virtio_find_vqs for the two rpmsg queues: 0, -EINVAL or -ENOMEM.
  int find_vqs(const Virtqueue::Callback callbacks[2], const char* const names[2],
               Virtqueue* vqs[2]);
  void del_vqs();
  /// dma_alloc_coherent on the vdev: 0 when the pool cannot hold `size`.
  hal::Addr dma_alloc(std::uint64_t size);

  const std::string& dev_name() const { return dev_name_; }
  hal::Hal& hal() { return hal_; }
  Printk& printk() { return printk_; }

private:
  int find_vq(unsigned qi, Virtqueue::Callback callback, const char* name, Virtqueue** out);
  void free_vring(unsigned i);

  TccRproc& rproc_;
  hal::Hal& hal_;
  Printk& printk_;
  const LinuxOptions& options_;
  LinuxStatus& status_;
  unsigned index_;
  hal::Addr rsc_entry_;
  std::string dev_name_;
  std::uint64_t features_ = 0;
  std::unique_ptr<Virtqueue> vqs_[2];
  const RprocCarveout* pool_ = nullptr;
  std::vector<bool> pool_pages_;
  std::unique_ptr<VirtioRpmsgBus> rpmsg_;
};

} // namespace sim::sw::lnx
